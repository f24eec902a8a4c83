import type Database from 'better-sqlite3';
import type { FidoMetadataStatus } from '../../shared/api/fido.contract';
import { isoDay, type Clock } from '../clock';
import type { FidoSettings } from './FidoSettings';

/** What metadata the desk holds, and whether the BLOB is due for its monthly refresh. */
export function readFidoMetadataStatus(db: Database.Database, clock: Clock, settings: FidoSettings, ceremony: FidoMetadataStatus['ceremony']): FidoMetadataStatus {
  const last = db
    .prepare('SELECT kind, blob_number AS blobNumber, next_update AS nextUpdate, entries, imported_at AS importedAt FROM fido_metadata_imports ORDER BY id DESC LIMIT 1')
    .get() as FidoMetadataStatus['lastImport'] | undefined;
  const blob = db.prepare("SELECT next_update AS nextUpdate FROM fido_metadata_imports WHERE kind = 'mds-blob' ORDER BY id DESC LIMIT 1").get() as { nextUpdate: string } | undefined;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM fido_metadata').get() as { n: number };
  return {
    rpId: settings.rpId,
    entries: n,
    lastImport: last ?? null,
    stale: blob !== undefined && blob.nextUpdate < isoDay(clock.now()),
    allowList: settings.allowedAaguids,
    ceremony,
  };
}
