import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Actor } from '../journal/journalTypes';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { assertSponsorEligible } from './assertSponsorEligible';
import { consumeChallenge } from './consumeChallenge';
import type { FidoDependencies, VerifiedSponsor } from './FidoDependencies';
import { readUsableCredentials } from './readUsableCredentials';
import { verifyAssertion } from './verifyAssertion';

/** Verifies the sponsor's assertion (their own active key) and returns who vouched, for whom. */
export async function finishSponsorCheck(
  deps: FidoDependencies,
  { actor, connectionId, response }: { actor: Actor; connectionId: string; response: AuthenticationResponseJSON },
): Promise<VerifiedSponsor> {
  const { db, clock, settings } = deps;
  const started = consumeChallenge<{ enrolleeId: string }>(db, clock, { connectionId, purpose: 'sponsor', clientDataJSON: response.response.clientDataJSON });
  const { sponsorName } = assertSponsorEligible(db, clock, settings, { actor, sponsorId: started.identityId, enrolleeId: started.context.enrolleeId });
  const credential = await verifyAssertion(deps, {
    response,
    challenge: started.challenge,
    origin: started.origin,
    credentials: readUsableCredentials(db, started.identityId),
    who: { fr: sponsorName, en: sponsorName },
  });
  appendJournalEntry(db, clock, {
    actor,
    action: 'fido.sponsor-authenticated',
    subject: { type: 'identity', id: started.identityId },
    after: { sponsorId: started.identityId, enrolleeId: started.context.enrolleeId, method: 'fido', means: credential.id },
  });
  return {
    sponsorId: started.identityId,
    sponsorName,
    enrolleeId: started.context.enrolleeId,
    method: 'fido',
    means: credential.id,
    agentId: actor.agentId,
    verifiedAt: clock.now().toISOString(),
  };
}
