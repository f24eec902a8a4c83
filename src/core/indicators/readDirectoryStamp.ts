import type Database from 'better-sqlite3';

/**
 * What the directory looks like to slow figures: the import runs and the last reconciliation.
 * Counts over the register's millions of rows, and the day's snapshot, stay valid until it changes.
 */
export function readDirectoryStamp(db: Database.Database): string {
  return db
    .prepare(
      `SELECT (SELECT COALESCE(MAX(id), 0) || ':' || COUNT(finished_at) FROM import_runs) || '/' ||
              COALESCE((SELECT json_extract(value_json, '$.finishedAt') FROM settings WHERE key = 'reconciliation.lastRun'), '')`,
    )
    .pluck()
    .get() as string;
}
