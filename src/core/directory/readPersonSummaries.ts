import type Database from 'better-sqlite3';
import type { IdentityStatus, PersonSummary } from '../../shared/api/directory.contract';

interface IdentityRow {
  id: string;
  last_name: string;
  birth_name: string | null;
  first_name: string;
  birth_date: string | null;
  rpps: string | null;
  hr_id: string | null;
  ad_id: string | null;
  profession: string | null;
  service: string | null;
  status: IdentityStatus;
  source_ids: string | null;
}

/** Reads identities by id, keeping the order of `ids`. */
export function readPersonSummaries(db: Database.Database, ids: readonly string[]): PersonSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT i.*, (SELECT group_concat(DISTINCT r.source_id) FROM identity_links l
                     JOIN source_records r ON r.id = l.record_id
                    WHERE l.identity_id = i.id AND l.decision IN ('automatic', 'validated')) AS source_ids
         FROM identities i WHERE i.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as IdentityRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [toPersonSummary(row)];
  });
}

function toPersonSummary(row: IdentityRow): PersonSummary {
  return {
    identityId: row.id,
    lastName: row.last_name,
    birthName: row.birth_name,
    firstName: row.first_name,
    birthDate: row.birth_date,
    rpps: row.rpps,
    hrId: row.hr_id,
    adId: row.ad_id,
    profession: row.profession,
    service: row.service,
    status: row.status,
    sourceIds: row.source_ids === null ? [] : row.source_ids.split(',').sort(),
  };
}
