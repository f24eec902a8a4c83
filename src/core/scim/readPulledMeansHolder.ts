import type Database from 'better-sqlite3';

export interface PulledMeansHolder {
  /** The holder as the IAM names them (family and given names, else the login). */
  name: string;
  userName: string | null;
  /** The means' status in the IAM at the last pull. */
  status: string | null;
  sourceId: string;
  pulledAt: string;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);

/**
 * Who holds a card in the IAM according to its last pull (source kind `scim`): what another desk
 * of the GHT bound, shown here when the card is tapped, before any bind is tried.
 */
export function readPulledMeansHolder(db: Database.Database, value: string): PulledMeansHolder | null {
  const rows = db
    .prepare(
      `SELECT r.source_id AS sourceId, r.raw_json AS rawJson, r.updated_at AS pulledAt FROM source_records r JOIN sources s ON s.id = r.source_id
        WHERE s.kind = 'scim' AND r.present = 1 AND instr(r.raw_json, ?) > 0 LIMIT 20`,
    )
    .all(JSON.stringify(value)) as { sourceId: string; rawJson: string; pulledAt: string }[];
  for (const row of rows) {
    const raw = JSON.parse(row.rawJson) as Record<string, unknown>;
    const values = asList(raw['identificationmeans.value']);
    const index = values.indexOf(value);
    if (index === -1) continue;
    const name = [asList(raw['name.familyname'])[0]?.toUpperCase(), asList(raw['name.givenname'])[0]].filter((part) => part !== undefined && part !== '').join(' ');
    const userName = asList(raw.username)[0] ?? null;
    return { name: name || userName || row.sourceId, userName, status: asList(raw['identificationmeans.status'])[index] ?? null, sourceId: row.sourceId, pulledAt: row.pulledAt };
  }
  return null;
}
