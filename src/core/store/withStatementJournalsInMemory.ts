import type Database from 'better-sqlite3';

/**
 * Runs a large write with the connection's temporary storage in memory. Every statement that
 * fires a trigger or checks a foreign key inside a transaction keeps a statement journal; with
 * temporary storage on file (SQLite's default) each one costs a temporary file: the write phase of
 * a national reconciliation (50 000 people, their search words, 190 000 links) spent half its time
 * there. The setting is left alone inside a caller's transaction (it cannot change there) and while
 * the connection holds temporary tables (changing it drops them: an import's staging table must
 * stay on file). Restored afterwards.
 */
export function withStatementJournalsInMemory<T>(db: Database.Database, work: () => T): T {
  const holdsTemporaryTables = (db.prepare('SELECT count(*) FROM temp.sqlite_master').pluck().get() as number) > 0;
  if (db.inTransaction || holdsTemporaryTables || db.memory) return work();
  const previous = db.pragma('temp_store', { simple: true }) as number;
  if (previous === 2) return work();
  db.pragma('temp_store = MEMORY');
  try {
    return work();
  } finally {
    db.pragma(`temp_store = ${previous}`);
  }
}
