import type Database from 'better-sqlite3';

/**
 * What the directory looks like to slow figures: the import runs, the last reconciliation, the
 * review decisions, the links and identities, the leaver reviews and regularizations (which move
 * end dates and RPPS). Counts over the register's millions of rows, the orphan accounts and the
 * day's snapshot stay valid until it changes. Every part is an index count or a small table.
 */
export function readDirectoryStamp(db: Database.Database): string {
  return db
    .prepare(
      `SELECT (SELECT COALESCE(MAX(id), 0) || ':' || COUNT(finished_at) FROM import_runs) || '/' ||
              COALESCE((SELECT json_extract(value_json, '$.finishedAt') FROM settings WHERE key = 'reconciliation.lastRun'), '') || '/' ||
              (SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') FROM reconcile_decisions) || '/' ||
              (SELECT COUNT(*) FROM identity_links) || ':' || (SELECT COUNT(*) FROM identities) || '/' ||
              (SELECT COUNT(*) || ':' || COUNT(resolved_at) FROM leaver_reviews) || ':' || (SELECT COUNT(*) || ':' || COUNT(resolved_at) FROM regularization_tasks)`,
    )
    .pluck()
    .get() as string;
}
