import { bindMie } from '../../../src/core/enrollment/bindMie';
import { createScimOutbox } from '../../../src/core/scim/createScimOutbox';
import { saveScimSettings } from '../../../src/core/scim/scimSettings';
import { openDatabase } from '../../../src/core/store/openDatabase';

/**
 * Another desk of the GHT, in its own process and store: it knows one person, binds a badge to
 * her and flushes its outbox to the IAM. Args: STORE IAM_URL TOKEN_ENV IDENTITY_ID LAST_NAME FIRST_NAME HR_ID BADGE_UID.
 * Prints the outbox round as JSON.
 */
const [path, url, tokenEnv, identityId, lastName, firstName, hrId, badge] = process.argv.slice(2) as [string, string, string, string, string, string, string, string];
const db = openDatabase({ path });
const now = new Date().toISOString();
db.prepare("INSERT INTO identities (id, last_name, first_name, hr_id, status, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', '', ?, ?)").run(identityId, lastName, firstName, hrId, now, now);
saveScimSettings(db, { url, tokenEnv, allowCreate: false, checkBeforeBind: true });
const clock = { now: () => new Date() };
bindMie(db, clock, { actor: { agentId: 'agent-site-b', agentName: 'AGENT Site B', desk: 'site-b' }, identityId, kind: 'badge', identifier: badge });
const outbox = createScimOutbox({ db, clock });
const round = await outbox.flush();
console.log(JSON.stringify({ ...round, error: outbox.status().lastError }));
db.close();
