import type Database from 'better-sqlite3';
import { decodeClientDataJSON } from './webauthnHelpers';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { ChallengePurpose, StoredChallenge } from './storeChallenge';

/**
 * Takes the challenge a ceremony response answers (from its clientDataJSON) and deletes it:
 * a challenge serves once, only on the connection that asked for it, only before it expires.
 * Returns the stored challenge and the origin the browser wrote.
 */
export function consumeChallenge<Context>(
  db: Database.Database,
  clock: Clock,
  { connectionId, purpose, clientDataJSON }: { connectionId: string; purpose: ChallengePurpose; clientDataJSON: string },
): StoredChallenge<Context> & { origin: string } {
  let clientData: { challenge: string; origin: string };
  try {
    clientData = decodeClientDataJSON(clientDataJSON);
  } catch {
    throw new DeskError('INVALID_ARGUMENT', { fr: 'Réponse de la clé illisible (clientDataJSON).', en: 'Unreadable key response (clientDataJSON).' }, { rule: 'client-data' });
  }
  const row = db
    .prepare('SELECT challenge, connection_id, purpose, identity_id, context_json, expires_at FROM fido_challenges WHERE challenge = ?')
    .get(clientData.challenge) as
    | { challenge: string; connection_id: string; purpose: ChallengePurpose; identity_id: string; context_json: string; expires_at: string }
    | undefined;
  if (row === undefined || row.connection_id !== connectionId || row.purpose !== purpose) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: 'Cette réponse ne correspond à aucune opération en cours à ce guichet (déjà utilisée ?) : recommencez.', en: 'This response matches no ceremony in progress at this desk (already used?): start again.' },
      { rule: 'unknown-challenge', purpose },
    );
  }
  db.prepare('DELETE FROM fido_challenges WHERE challenge = ?').run(row.challenge);
  if (row.expires_at < clock.now().toISOString()) {
    throw new DeskError('PRECONDITION_FAILED', { fr: 'Délai dépassé pour présenter la clé : recommencez.', en: 'The time to present the key has passed: start again.' }, { rule: 'challenge-expired', purpose });
  }
  return {
    challenge: row.challenge,
    connectionId: row.connection_id,
    purpose: row.purpose,
    identityId: row.identity_id,
    context: JSON.parse(row.context_json) as Context,
    origin: clientData.origin,
  };
}
