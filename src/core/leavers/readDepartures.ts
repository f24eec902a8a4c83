import type Database from 'better-sqlite3';

export interface Departure {
  identityId: string;
  name: string;
  /** The earliest HR end date on or before the cutoff that no exception covers. */
  endDate: string;
}

export interface ReadDeparturesOptions {
  /** Departures whose end date is on or before this day (YYYY-MM-DD). */
  onOrBefore: string;
  /** Only this person. */
  identityId?: string | undefined;
  /** Only people who still hold an active MIE. */
  withActiveMie?: boolean;
}

/**
 * Who has left according to HR: every end date known for a person — the directory's, or any
 * present HR record of theirs (linked by reconciliation, or carrying their matricule: an import
 * alone is enough, before any reconciliation) — on or before the cutoff, unless the badge office
 * settled a leaver review for that same date as an exception (status `restored`, four eyes) that
 * no later departure recorded at the desk superseded.
 * A later, different end date is not covered by an older exception.
 */
export function readDepartures(db: Database.Database, { onOrBefore, identityId, withActiveMie = false }: ReadDeparturesOptions): Departure[] {
  return db
    .prepare(
      `WITH ends AS (
         SELECT id AS identity_id, hr_end_date AS end_date FROM identities
          WHERE hr_end_date IS NOT NULL AND (@identityId IS NULL OR id = @identityId)
         UNION ALL
         SELECT i.id, json_extract(r.attributes_json, '$.endDate')
           FROM source_records r JOIN sources s ON s.id = r.source_id AND s.role = 'hr'
           JOIN identities i ON i.hr_id = r.hr_id OR i.id IN (SELECT l.identity_id FROM identity_links l WHERE l.record_id = r.id AND l.decision IN ('automatic', 'validated'))
          WHERE r.present = 1 AND json_extract(r.attributes_json, '$.endDate') IS NOT NULL AND (@identityId IS NULL OR i.id = @identityId)
       )
       , uncovered AS (
         SELECT e.identity_id, MIN(e.end_date) AS end_date FROM ends e
          WHERE e.end_date <= @onOrBefore
            AND NOT EXISTS (SELECT 1 FROM leaver_reviews x WHERE x.identity_id = e.identity_id AND x.hr_end_date = e.end_date AND x.status = 'restored' AND x.superseded_at IS NULL)
          GROUP BY e.identity_id
       )
       SELECT i.id AS identityId, i.first_name || ' ' || i.last_name AS name, u.end_date AS endDate
         FROM uncovered u JOIN identities i ON i.id = u.identity_id
        WHERE @withActiveMie = 0 OR EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id AND m.status = 'active')
        ORDER BY i.last_name, i.first_name`,
    )
    .all({ onOrBefore, identityId: identityId ?? null, withActiveMie: withActiveMie ? 1 : 0 }) as Departure[];
}
