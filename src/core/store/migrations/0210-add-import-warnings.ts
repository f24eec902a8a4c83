import type { Migration } from './types';

/**
 * Import problems as codes, the record's content apart: each rejected line gains the field it
 * concerns, facts about the file (`detail`, e.g. column counts) and the offending value in its own
 * column; the values an import dropped from records it kept (warnings) get their own table.
 */
export const addImportWarnings: Migration = {
  version: 210,
  name: 'add-import-warnings',
  up(db) {
    db.exec(`
      ALTER TABLE import_rejections ADD COLUMN field TEXT;
      ALTER TABLE import_rejections ADD COLUMN detail TEXT;
      ALTER TABLE import_rejections ADD COLUMN value TEXT;

      CREATE TABLE import_warnings (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        field TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT,
        value TEXT
      ) STRICT;
      CREATE INDEX import_warnings_run ON import_warnings(run_id, line);
    `);
  },
};
