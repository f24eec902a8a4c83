import type { Migration } from './types';

/**
 * What each import changed: the last change of every source record (added, updated, removed) with
 * the run that made it, so later steps (reconciliation, the night desk's leaver check) can read the
 * change set of a run; and the lines each run rejected, with their reason.
 */
export const addImportChanges: Migration = {
  version: 30,
  name: 'add-import-changes',
  up(db) {
    db.exec(`
      ALTER TABLE source_records ADD COLUMN change TEXT CHECK (change IN ('added', 'updated', 'removed'));
      ALTER TABLE source_records ADD COLUMN change_run_id INTEGER REFERENCES import_runs(id);
      CREATE INDEX source_records_change_run ON source_records(change_run_id) WHERE change_run_id IS NOT NULL;

      CREATE TABLE import_rejections (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_rejections_run ON import_rejections(run_id, line);
    `);
  },
};
