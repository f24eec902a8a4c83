import { verifyAuthenticationResponse, type AuthenticationResponseJSON, type WebAuthnCredential } from '@simplewebauthn/server';
import { DeskError } from '../../shared/api/errors';
import type { FidoDependencies } from './FidoDependencies';
import { isAllowedOrigin } from './isAllowedOrigin';

/**
 * Verifies an assertion from one of `credentials` against the consumed challenge and records the
 * new sign counter and last use. Refuses a key that is not one of `credentials`.
 */
export async function verifyAssertion(
  { db, clock, settings }: FidoDependencies,
  { response, challenge, origin, credentials, who }: { response: AuthenticationResponseJSON; challenge: string; origin: string; credentials: WebAuthnCredential[]; who: { fr: string; en: string } },
): Promise<WebAuthnCredential> {
  const credential = credentials.find((candidate) => candidate.id === response.id);
  if (credential === undefined) {
    throw new DeskError('FORBIDDEN', { fr: `La clé présentée n’est pas une clé active de ${who.fr}.`, en: `The key presented is not an active key of ${who.en}.` }, { rule: 'unknown-credential' });
  }
  assertOrigin(origin, settings);
  let verified: boolean;
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: settings.rpId,
      credential,
      requireUserVerification: false,
    });
    verified = result.verified;
    newCounter = result.authenticationInfo.newCounter;
  } catch (error) {
    throw new DeskError('FORBIDDEN', { fr: `Authentification par la clé refusée : ${(error as Error).message}`, en: `Key authentication refused: ${(error as Error).message}` }, { rule: 'assertion-invalid' });
  }
  if (!verified) throw new DeskError('FORBIDDEN', { fr: 'Authentification par la clé refusée.', en: 'Key authentication refused.' }, { rule: 'assertion-invalid' });
  db.prepare('UPDATE fido_credentials SET sign_count = ?, last_used_at = ? WHERE credential_id = ?').run(newCounter, clock.now().toISOString(), credential.id);
  return { ...credential, counter: newCounter };
}

export function assertOrigin(origin: string, settings: FidoDependencies['settings']): void {
  if (!isAllowedOrigin(origin, settings)) {
    throw new DeskError(
      'FORBIDDEN',
      {
        fr: `Origine « ${origin} » refusée : attendu ${settings.origins.join(', ') || `http://localhost pour le RP ID ${settings.rpId}`}.`,
        en: `Unexpected origin "${origin}", expected ${settings.origins.join(', ') || `http://localhost for RP ID ${settings.rpId}`}.`,
      },
      { rule: 'origin', origin },
    );
  }
}
