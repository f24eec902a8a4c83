import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { SponsorCheckStarted } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import type { Actor } from '../journal/journalTypes';
import { assertSponsorEligible } from './assertSponsorEligible';
import type { FidoDependencies } from './FidoDependencies';
import { readUsableCredentials } from './readUsableCredentials';
import { storeChallenge } from './storeChallenge';

/** Checks the sponsor rules, then asks the sponsor to authenticate with one of their own keys. */
export async function startSponsorCheck(
  deps: FidoDependencies,
  { actor, connectionId, sponsorId, enrolleeId }: { actor: Actor; connectionId: string; sponsorId: string; enrolleeId: string },
): Promise<SponsorCheckStarted> {
  const { db, clock, settings } = deps;
  const { sponsorName } = assertSponsorEligible(db, clock, settings, { actor, sponsorId, enrolleeId });
  const credentials = readUsableCredentials(db, sponsorId);
  if (credentials.length === 0) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: `${sponsorName} n’a pas de clé FIDO active pour s’authentifier au guichet.`, en: `${sponsorName} has no active FIDO key to authenticate at the desk.` },
      { rule: 'sponsor-without-key' },
    );
  }
  const options = await generateAuthenticationOptions({
    rpID: settings.rpId,
    allowCredentials: credentials.map((credential) => ({ id: credential.id, ...(credential.transports === undefined ? {} : { transports: credential.transports }) })),
    userVerification: 'preferred',
    timeout: settings.challengeTtlMs,
  });
  storeChallenge(db, clock, settings.challengeTtlMs, { challenge: options.challenge, connectionId, purpose: 'sponsor', identityId: sponsorId, context: { enrolleeId } });
  return { sponsorId, sponsorName, options };
}
