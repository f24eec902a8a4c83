import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { identityStatusFromEndDate } from '../directory/identityStatus';
import type { Actor } from '../journal/journalTypes';
import { deciderOf } from './deciderOf';
import { readHrEndDate } from './readHrEndDate';

/**
 * The badge office corrects a wrong HR end date (a later date, or none). The correction is a desk
 * fact that names the HR value it overrode: reconciliation keeps it while HR still says that
 * value, and lets HR win again once HR changes its mind. A correction replaces a desk departure.
 */
export function setHrEndDate(db: Database.Database, clock: Clock, { actor, identityId, endDate }: { actor: Actor; identityId: string; endDate: string | null }): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    db.prepare('UPDATE identities SET hr_end_date = ?, status = ?, updated_at = ? WHERE id = ?').run(endDate, identityStatusFromEndDate(endDate, isoDay(clock.now())), now, identityId);
    db.prepare("DELETE FROM identity_desk_facts WHERE identity_id = ? AND fact = 'departure'").run(identityId);
    db.prepare(
      `INSERT INTO identity_desk_facts (identity_id, fact, value, hr_value_seen, decided_by, decided_at) VALUES (?, 'end-date', ?, ?, ?, ?)
       ON CONFLICT (identity_id, fact) DO UPDATE SET value = excluded.value, hr_value_seen = excluded.hr_value_seen, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(identityId, endDate, readHrEndDate(db, identityId), deciderOf(actor), now);
  }).immediate();
}
