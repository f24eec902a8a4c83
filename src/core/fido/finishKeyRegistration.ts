import { generateAuthenticationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { decodeAttestationObject } from './webauthnHelpers';
import type { FidoRegistrationChecked } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import type { Actor } from '../journal/journalTypes';
import { assessNewKey } from './assessNewKey';
import { consumeChallenge } from './consumeChallenge';
import type { FidoDependencies } from './FidoDependencies';
import { readFidoKeys } from './readFidoKeys';
import type { RegistrationContext } from './startKeyRegistration';
import { storeChallenge } from './storeChallenge';
import { assertOrigin } from './verifyAssertion';

export interface KeyTestContext extends RegistrationContext {
  credentialId: string;
}

/**
 * Verifies the new key's registration (challenge, origin, RP ID, attestation signature), applies
 * the metadata policy, and keeps the key as `pending` until it passes the test authentication
 * whose options are returned.
 */
export async function finishKeyRegistration(
  deps: FidoDependencies,
  { actor, connectionId, response }: { actor: Actor; connectionId: string; response: RegistrationResponseJSON },
): Promise<FidoRegistrationChecked> {
  const { db, clock, settings } = deps;
  const started = consumeChallenge<RegistrationContext>(db, clock, { connectionId, purpose: 'registration', clientDataJSON: response.response.clientDataJSON });
  assertOrigin(started.origin, settings);
  let info;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: started.challenge,
      expectedOrigin: started.origin,
      expectedRPID: settings.rpId,
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error('the registration did not verify');
    info = result.registrationInfo;
  } catch (error) {
    throw new DeskError('INVALID_ARGUMENT', { fr: `Enregistrement de la clé refusé : ${(error as Error).message}`, en: `Key registration refused: ${(error as Error).message}` }, { rule: 'registration-invalid' });
  }
  const attestation = decodeAttestationObject(info.attestationObject);
  const assessment = await assessNewKey(db, settings, { aaguid: info.aaguid, attestationFormat: info.fmt, x5c: attestation.get('attStmt').get('x5c') });
  const credentialId = info.credential.id;
  const known = db.prepare('SELECT identity_id FROM fido_credentials WHERE credential_id = ?').get(credentialId) as { identity_id: string } | undefined;
  if (known !== undefined) {
    throw new DeskError('CONFLICT', { fr: 'Cette clé (même identifiant de credential) est déjà enregistrée.', en: 'This key (same credential id) is already enrolled.' }, { rule: 'credential-exists' });
  }
  db.prepare(
    `INSERT INTO fido_credentials (credential_id, identity_id, status, role, rp_id, public_key, sign_count, aaguid, transports_json, device_type, backed_up,
                                   attestation_format, attestation_result, model, certification, label, serial, enrolled_by, enrolled_at)
     VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    credentialId,
    started.identityId,
    started.context.role,
    settings.rpId,
    Buffer.from(info.credential.publicKey),
    info.credential.counter,
    info.aaguid.toLowerCase(),
    JSON.stringify(response.response.transports ?? info.credential.transports ?? []),
    info.credentialDeviceType,
    info.credentialBackedUp ? 1 : 0,
    info.fmt,
    assessment.attestation,
    assessment.model,
    assessment.certification,
    started.context.label,
    started.context.serial,
    actor.agentId ?? 'system',
    clock.now().toISOString(),
  );
  const testOptions = await generateAuthenticationOptions({
    rpID: settings.rpId,
    allowCredentials: [{ id: credentialId, transports: response.response.transports ?? [] }],
    userVerification: 'preferred',
    timeout: settings.challengeTtlMs,
  });
  storeChallenge<KeyTestContext>(db, clock, settings.challengeTtlMs, {
    challenge: testOptions.challenge,
    connectionId,
    purpose: 'key-test',
    identityId: started.identityId,
    context: { ...started.context, credentialId },
  });
  return { key: readFidoKeys(db, { credentialId })[0]!, warnings: assessment.warnings, testOptions };
}
