import type Database from 'better-sqlite3';
import type { FidoKeyView, FidoRevocation } from '../../shared/api/fido.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import type { Actor } from '../journal/journalTypes';
import { readFidoKeys } from './readFidoKeys';

/**
 * Revokes one key through its MIE (lost, stolen or returned: final statuses, journaled by the MIE
 * lifecycle). A key still pending its test is simply forgotten.
 */
export function revokeFidoKey(db: Database.Database, clock: Clock, { actor, credentialId, action, reason }: { actor: Actor; credentialId: string; action: FidoRevocation; reason?: string | undefined }): FidoKeyView {
  const [key] = readFidoKeys(db, { credentialId });
  if (key === undefined) throw new DeskError('NOT_FOUND', { fr: 'Clé FIDO inconnue.', en: 'Unknown FIDO key.' }, { credentialId });
  if (key.state === 'pending') {
    db.prepare("DELETE FROM fido_credentials WHERE credential_id = ? AND status = 'pending'").run(credentialId);
    return { ...key, state: 'revoked' };
  }
  if (key.state === 'revoked') {
    throw new DeskError('PRECONDITION_FAILED', { fr: `La clé « ${key.label} » est déjà révoquée.`, en: `The key "${key.label}" is already revoked.` }, { rule: 'already-revoked' });
  }
  changeMieStatus(db, clock, { actor, mieId: key.mieId!, action, reason });
  return readFidoKeys(db, { credentialId })[0]!;
}
