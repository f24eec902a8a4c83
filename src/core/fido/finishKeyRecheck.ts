import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FidoKeyView } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { consumeChallenge } from './consumeChallenge';
import type { FidoDependencies } from './FidoDependencies';
import { readFidoKeys } from './readFidoKeys';
import { readUsableCredentials } from './readUsableCredentials';
import type { KeyRecheckContext } from './startKeyRecheck';
import { verifyAssertion } from './verifyAssertion';

/** Verifies the tested key's assertion (signature, counter, origin) and journals the test. */
export async function finishKeyRecheck(deps: FidoDependencies, { actor, connectionId, response }: { actor: Actor; connectionId: string; response: AuthenticationResponseJSON }): Promise<FidoKeyView> {
  const { db, clock } = deps;
  const started = consumeChallenge<Partial<KeyRecheckContext>>(db, clock, { connectionId, purpose: 'key-test', clientDataJSON: response.response.clientDataJSON });
  if (started.context.recheck !== true || started.context.credentialId === undefined) {
    throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette réponse ne répond pas à un test de clé.', en: 'This response does not answer a key test.' }, { rule: 'not-a-recheck' });
  }
  const credentialId = started.context.credentialId;
  const credentials = readUsableCredentials(db, started.identityId).filter((credential) => credential.id === credentialId);
  await verifyAssertion(deps, { response, challenge: started.challenge, origin: started.origin, credentials, who: { fr: 'la personne (clé testée)', en: 'the person (tested key)' } });
  appendJournalEntry(db, clock, { actor, action: 'fido.key-test', subject: { type: 'identity', id: started.identityId }, after: { credentialId, ok: true } });
  return readFidoKeys(db, { identityId: started.identityId }).find((key) => key.credentialId === credentialId)!;
}
