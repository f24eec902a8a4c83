import type Database from 'better-sqlite3';

/** The end date the HR record anchoring an identity says today (null: none, or no HR record). */
export function readHrEndDate(db: Database.Database, identityId: string): string | null {
  const row = db
    .prepare(
      `SELECT json_extract(r.attributes_json, '$.endDate') AS endDate
         FROM identity_links l JOIN source_records r ON r.id = l.record_id
        WHERE l.identity_id = ? AND l.rule = 'hr-reference' LIMIT 1`,
    )
    .get(identityId) as { endDate: string | null } | undefined;
  return row?.endDate ?? null;
}
