import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { changeMieStatus } from '../../src/core/enrollment/changeMieStatus';
import { createScimOutbox } from '../../src/core/scim/createScimOutbox';
import { saveScimSettings } from '../../src/core/scim/scimSettings';
import { openDatabase } from '../../src/core/store/openDatabase';
import { GUICHET_USER_EXTENSION, type ScimIdentificationMeans } from '../../src/shared/scim/guichetUserExtension';
import { insertIdentity } from '../support/identityFixtures';
import { startScimIam, type ScimIam } from '../support/scimIam/startScimIam';
import { projectRoot } from '../support/startTestDesk';

let iam: ScimIam;
let dir: string;
const agent = { agentId: 'agent-1', agentName: 'BUREAU Agent', desk: 'bureau-badges' };
const clock = { now: () => new Date() };
const people = ['H1', 'H2', 'H3'];
const actions = ['suspend', 'resume', 'suspend', 'resume', 'declare-lost'] as const;
const statusAfter = { suspend: 'suspended', resume: 'active', 'declare-lost': 'lost' } as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-scim-kill-'));
  iam = await startScimIam({ users: people.map((hrId) => ({ id: `u-${hrId}`, userName: hrId.toLowerCase(), externalId: hrId })) });
  process.env.GUICHET_TEST_KILL_TOKEN = iam.token;
});
afterAll(async () => {
  await iam.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a desk killed (kill -9) in the middle of a flush', () => {
  it('loses nothing, duplicates nothing, keeps each person’s order once the desk is back', async () => {
    const path = join(dir, 'guichet.sqlite');
    const db = openDatabase({ path });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    saveScimSettings(db, { url: iam.url, tokenEnv: 'GUICHET_TEST_KILL_TOKEN', allowCreate: false, checkBeforeBind: true });
    for (const hrId of people) {
      insertIdentity(db, { id: `p-${hrId}`, lastName: `NOM${hrId}`, hrId });
      const badge = bindMie(db, clock, { actor: agent, identityId: `p-${hrId}`, kind: 'badge', identifier: `B-${hrId}` });
      for (const action of actions) changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action, reason: 'test' });
    }
    expect(db.prepare("SELECT COUNT(*) FROM scim_outbox WHERE state = 'pending'").pluck().get()).toBe(18);
    db.close();

    // Every IAM request takes 150 ms: the child is killed after a few items went through.
    iam.injectFault({ kind: 'slow', delayMs: 150, times: 1000 });
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/support/scimIam/flushOutboxChild.ts'), path], { cwd: projectRoot, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('flushing') && resolve()));
    await expect.poll(() => iam.requests().filter((request) => request.method === 'PATCH' && request.status === 200).length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(4);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    iam.clearFaults();

    const reopened = openDatabase({ path });
    try {
      const sentBeforeRestart = reopened.prepare("SELECT COUNT(*) FROM scim_outbox WHERE state = 'sent'").pluck().get() as number;
      expect(sentBeforeRestart).toBeGreaterThan(0);
      expect(sentBeforeRestart).toBeLessThan(18);
      const outbox = createScimOutbox({ db: reopened, clock });
      expect((await outbox.flush()).dead).toBe(0);
      expect(reopened.prepare("SELECT state, COUNT(*) AS n FROM scim_outbox GROUP BY state").all()).toEqual([{ state: 'sent', n: 18 }]);
    } finally {
      reopened.close();
    }
    for (const hrId of people) {
      const user = iam.listUsers().find((candidate) => candidate.externalId === hrId)!;
      const means = (user[GUICHET_USER_EXTENSION] as { identificationMeans: ScimIdentificationMeans[] }).identificationMeans;
      expect(means.map((item) => [item.value, item.status])).toEqual([[`B-${hrId}`, 'lost']]);
      // The statuses the IAM applied for this User follow the acts' order (an item in flight at the kill may be applied twice).
      const expected = ['active', ...actions.map((action) => statusAfter[action])];
      const applied = iam
        .requests()
        .filter((request) => request.method === 'PATCH' && request.status === 200 && request.path.endsWith(`/u-${hrId}`))
        .map((request) => JSON.parse(request.body as string) as { Operations: { op: string; path: string; value: unknown }[] })
        .map(({ Operations }) => (Operations[0]!.op === 'add' ? (Operations[0]!.value as ScimIdentificationMeans[])[0]!.status : (Operations.find((operation) => operation.path.endsWith('.status'))?.value as string)));
      let position = 0;
      for (const status of applied) {
        const next = expected.indexOf(status, position);
        expect(next, `${hrId}: ${applied.join(' → ')}`).toBeGreaterThanOrEqual(position);
        position = next;
      }
    }
  }, 120_000);
});
