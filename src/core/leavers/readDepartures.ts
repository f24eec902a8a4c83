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
  // A literal condition per branch (not `@id IS NULL OR …`) so that SQLite looks one person up by index.
  const onePerson = (column: string) => (identityId === undefined ? '' : `AND ${column} = @identityId`);
  return db
    .prepare(
      `WITH ends AS (
         SELECT id AS identity_id, hr_end_date AS end_date FROM identities
          WHERE hr_end_date IS NOT NULL ${onePerson('id')}
         UNION ALL
         -- HR records carrying the person's matricule (an import alone, before any reconciliation)…
         SELECT i.id, json_extract(r.attributes_json, '$.endDate')
           FROM identities i JOIN source_records r ON r.hr_id = i.hr_id JOIN sources s ON s.id = r.source_id AND s.role = 'hr'
          WHERE r.present = 1 AND json_extract(r.attributes_json, '$.endDate') IS NOT NULL ${onePerson('i.id')}
         UNION ALL
         -- …and those reconciliation linked to them (each branch follows an index: no pair scan).
         SELECT l.identity_id, json_extract(r.attributes_json, '$.endDate')
           FROM identity_links l JOIN source_records r ON r.id = l.record_id JOIN sources s ON s.id = r.source_id AND s.role = 'hr'
          WHERE l.decision IN ('automatic', 'validated') AND r.present = 1 AND json_extract(r.attributes_json, '$.endDate') IS NOT NULL
            ${onePerson('l.identity_id')}
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
    .all({ onOrBefore, withActiveMie: withActiveMie ? 1 : 0, ...(identityId === undefined ? {} : { identityId }) }) as Departure[];
}
