import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';

/** A temporary person the badge office refused or merged: closed today, kept for the audit trail. */
export function closeTemporaryIdentity(db: Database.Database, clock: Clock, { identityId }: { identityId: string }): void {
  db.prepare("UPDATE identities SET status = 'left', hr_end_date = ?, updated_at = ? WHERE id = ?").run(isoDay(clock.now()), clock.now().toISOString(), identityId);
}
