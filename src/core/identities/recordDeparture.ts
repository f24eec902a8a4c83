import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { deciderOf } from './deciderOf';

/**
 * An agent records that a person leaves on `date` (usually today): the end date is set (a
 * temporary person stays temporary, anyone else is leaving) and kept as a departure fact — a
 * later HR export can only bring the end earlier, never erase it.
 */
export function recordDeparture(db: Database.Database, clock: Clock, { actor, identityId, date }: { actor: Actor; identityId: string; date: string }): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    db.prepare("UPDATE identities SET hr_end_date = ?, status = CASE status WHEN 'temporary' THEN status ELSE 'leaving' END, updated_at = ? WHERE id = ?").run(date, now, identityId);
    db.prepare("DELETE FROM identity_desk_facts WHERE identity_id = ? AND fact = 'end-date'").run(identityId);
    db.prepare(
      `INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES (?, 'departure', ?, ?, ?)
       ON CONFLICT (identity_id, fact) DO UPDATE SET value = excluded.value, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(identityId, date, deciderOf(actor), now);
  }).immediate();
}
