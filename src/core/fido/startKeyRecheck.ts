import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { PublicKeyCredentialRequestOptionsJSON } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import type { FidoDependencies } from './FidoDependencies';
import { storeChallenge } from './storeChallenge';

/** What a later test of a key remembers: which key, and that it is a check, not an enrollment. */
export interface KeyRecheckContext {
  recheck: true;
  credentialId: string;
}

/** "Tester la clé": asks one active key of a person to authenticate, any time after its enrollment. */
export async function startKeyRecheck(deps: FidoDependencies, { connectionId, credentialId }: { connectionId: string; credentialId: string }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { db, clock, settings } = deps;
  const key = db.prepare("SELECT identity_id, label, transports_json FROM fido_credentials WHERE credential_id = ? AND status = 'active'").get(credentialId) as
    | { identity_id: string; label: string; transports_json: string }
    | undefined;
  if (key === undefined) throw new DeskError('NOT_FOUND', { fr: 'Cette clé n’est pas une clé active : elle ne peut pas être testée.', en: 'This key is not an active key: it cannot be tested.' }, { credentialId });
  const options = await generateAuthenticationOptions({
    rpID: settings.rpId,
    allowCredentials: [{ id: credentialId, transports: JSON.parse(key.transports_json) as never[] }],
    userVerification: 'preferred',
    timeout: settings.challengeTtlMs,
  });
  storeChallenge<KeyRecheckContext>(db, clock, settings.challengeTtlMs, { challenge: options.challenge, connectionId, purpose: 'key-test', identityId: key.identity_id, context: { recheck: true, credentialId } });
  return options;
}
