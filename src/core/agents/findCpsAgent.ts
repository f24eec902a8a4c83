import type Database from 'better-sqlite3';

/** The desk agent a CPS names: by the RPPS it carries, or (staff cards) by an active `cps` MIE bound to the agent. */
export function findCpsAgent(db: Database.Database, cps: { rpps: string | null; serial: string }): string | null {
  const row = db
    .prepare(
      `SELECT a.identity_id AS id FROM agents a JOIN identities i ON i.id = a.identity_id
        WHERE (@rpps IS NOT NULL AND i.rpps = @rpps)
           OR a.identity_id IN (SELECT identity_id FROM mie WHERE kind = 'cps' AND identifier = @serial AND status = 'active')
        LIMIT 1`,
    )
    .get({ rpps: cps.rpps, serial: cps.serial }) as { id: string } | undefined;
  return row?.id ?? null;
}
