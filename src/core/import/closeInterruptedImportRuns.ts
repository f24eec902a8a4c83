import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

/**
 * Closes the import runs a dead process left `running` (killed mid-import, power cut): each
 * becomes `interrupted` with the time it was noticed. Its source's records are as they were, since
 * an import applies in one transaction. Call it once where the desk opens its store, before any
 * import can start. Returns how many runs were closed.
 */
export function closeInterruptedImportRuns(db: Database.Database, clock: Clock): number {
  return db
    .prepare("UPDATE import_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'")
    .run(clock.now().toISOString()).changes;
}
