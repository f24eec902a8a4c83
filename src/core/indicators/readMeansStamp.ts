import type Database from 'better-sqlite3';

/**
 * What the means, leavers and night-desk figures look like: every change of a means writes its
 * history, issuances are closed and handed back, regularizations settled, keys enrolled. Counts on
 * primary keys and small tables only.
 */
export function readMeansStamp(db: Database.Database): string {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) FROM mie_history) || '/' || (SELECT COUNT(*) FROM mie) || '/' ||
              (SELECT COUNT(*) || ':' || COUNT(closed_at) || ':' || COUNT(card_back_at) FROM temporary_issuances) || '/' ||
              (SELECT COUNT(*) || ':' || COUNT(resolved_at) FROM regularization_tasks) || '/' || (SELECT COUNT(*) FROM fido_credentials WHERE status = 'active')`,
    )
    .pluck()
    .get() as string;
}
