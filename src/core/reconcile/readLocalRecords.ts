import type Database from 'better-sqlite3';
import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import type { ReconcileRecord } from './reconcileRecords';

/**
 * From each local source to its present records (CROSS JOIN: sources first), through the index of
 * present records: a plain join read the whole table, national register included, for the 170,000
 * local records of a full-scale store (1.7–3.3 s against 0.7–0.8 s); then sorted back into row order.
 */
export const localRecordsInRowOrder = `SELECT r.id, r.source_id, s.role, r.record_key, r.attributes_json
   FROM sources s CROSS JOIN source_records r ON r.source_id = s.id AND r.present = 1
  WHERE s.role <> 'register' ORDER BY r.id`;

/** The store's local (non-register) records, in row order, as the engine reads them. */
export function readLocalRecords(db: Database.Database): { ids: number[]; records: ReconcileRecord[] } {
  const ids: number[] = [];
  const records: ReconcileRecord[] = [];
  const rows = db.prepare(localRecordsInRowOrder).raw(true).iterate() as IterableIterator<[number, string, SourceRole, string, string]>;
  for (const [id, sourceId, role, key, json] of rows) {
    ids.push(id);
    records.push({ sourceId, role, key, attributes: JSON.parse(json) as CanonicalAttributes });
  }
  return { ids, records };
}
