import type Database from 'better-sqlite3';

/** The person's open leaver review (at most one), or null. */
export function readOpenLeaverReview(db: Database.Database, identityId: string): { id: string; hrEndDate: string; dueOn: string } | null {
  const row = db.prepare("SELECT id, hr_end_date AS hrEndDate, due_on AS dueOn FROM leaver_reviews WHERE identity_id = ? AND status = 'open'").get(identityId) as
    | { id: string; hrEndDate: string; dueOn: string }
    | undefined;
  return row ?? null;
}
