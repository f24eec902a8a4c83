import { randomUUID } from 'node:crypto';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FidoKeyView } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import { bindMie } from '../enrollment/bindMie';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { assertSponsorEligible } from './assertSponsorEligible';
import { consumeChallenge } from './consumeChallenge';
import type { FidoDependencies } from './FidoDependencies';
import type { KeyTestContext } from './finishKeyRegistration';
import { readFidoKeys } from './readFidoKeys';
import { verifyAssertion } from './verifyAssertion';

/**
 * The test authentication that proves a new key works. On success, in one transaction: the
 * sponsorship (backup keys; sponsor rules checked again), the FIDO MIE bound to the person, the key
 * marked active, and the journal entries (MIE binding; sponsor, enrollee, agent and key).
 */
export async function finishKeyTest(
  deps: FidoDependencies,
  { actor, connectionId, response }: { actor: Actor; connectionId: string; response: AuthenticationResponseJSON },
): Promise<FidoKeyView> {
  const { db, clock, settings } = deps;
  const started = consumeChallenge<KeyTestContext>(db, clock, { connectionId, purpose: 'key-test', clientDataJSON: response.response.clientDataJSON });
  if ((started.context as { recheck?: boolean }).recheck === true) {
    throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette réponse teste une clé déjà active, pas une nouvelle clé.', en: 'This response tests a key already active, not a new key.' }, { rule: 'recheck-not-enrollment' });
  }
  const { credentialId, sponsorship, label } = started.context;
  const row = db.prepare("SELECT public_key, sign_count, transports_json FROM fido_credentials WHERE credential_id = ? AND status = 'pending'").get(credentialId) as
    | { public_key: Buffer; sign_count: number; transports_json: string }
    | undefined;
  const pending = row === undefined ? [] : [{ id: credentialId, publicKey: new Uint8Array(row.public_key), counter: row.sign_count, transports: JSON.parse(row.transports_json) as never[] }];
  await verifyAssertion(deps, { response, challenge: started.challenge, origin: started.origin, credentials: pending, who: { fr: 'la nouvelle clé', en: 'the new key' } });
  db.transaction(() => {
    let sponsorshipId: string | null = null;
    if (sponsorship !== null) {
      assertSponsorEligible(db, clock, settings, { actor, sponsorId: sponsorship.sponsorId, enrolleeId: started.identityId });
      sponsorshipId = randomUUID();
      db.prepare(
        `INSERT INTO fido_sponsorships (id, sponsor_id, enrollee_id, agent_id, sponsor_method, sponsor_means, document_type, document_last_chars, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`,
      ).run(sponsorshipId, sponsorship.sponsorId, started.identityId, actor.agentId ?? 'system', sponsorship.method, sponsorship.means, sponsorship.document.type, sponsorship.document.lastChars, clock.now().toISOString());
    }
    const mie = bindMie(db, clock, { actor, identityId: started.identityId, kind: 'fido', identifier: credentialId, label, cardType: 'FIDO2', action: 'fido.enroll' });
    db.prepare("UPDATE fido_credentials SET status = 'active', mie_id = ?, sponsorship_id = ? WHERE credential_id = ?").run(mie.id, sponsorshipId, credentialId);
    if (sponsorship !== null && sponsorshipId !== null) {
      appendJournalEntry(db, clock, {
        actor,
        action: 'fido.sponsorship',
        subject: { type: 'fido-sponsorship', id: sponsorshipId },
        after: {
          sponsorId: sponsorship.sponsorId,
          sponsorMethod: sponsorship.method,
          sponsorMeans: sponsorship.means,
          enrolleeId: started.identityId,
          agentId: actor.agentId,
          credentialId,
          mieId: mie.id,
          document: sponsorship.document,
        },
      });
    }
  }).immediate();
  return readFidoKeys(db, { credentialId })[0]!;
}
