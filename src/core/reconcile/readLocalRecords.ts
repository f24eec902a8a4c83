import type Database from 'better-sqlite3';
import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import type { ReconcileRecord } from './reconcileRecords';

/** The store's local (non-register) records, in row order, as the engine reads them. */
export function readLocalRecords(db: Database.Database): { ids: number[]; records: ReconcileRecord[] } {
  const ids: number[] = [];
  const records: ReconcileRecord[] = [];
  const rows = db
    .prepare(
      `SELECT r.id, r.source_id, s.role, r.record_key, r.attributes_json
         FROM source_records r JOIN sources s ON s.id = r.source_id
        WHERE r.present = 1 AND s.role <> 'register' ORDER BY r.id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, string, SourceRole, string, string]>;
  for (const [id, sourceId, role, key, json] of rows) {
    ids.push(id);
    records.push({ sourceId, role, key, attributes: JSON.parse(json) as CanonicalAttributes });
  }
  return { ids, records };
}
