import type { Migration } from './types';

/**
 * Import runs gain the status `interrupted` (a run left `running` by a process that died, closed
 * at the next start). SQLite cannot alter a CHECK constraint, and rebuilding `import_runs` would
 * cascade-delete the rejections that reference it: the constraint is widened in the schema text,
 * the procedure SQLite documents for constraint changes that every existing row still satisfies
 * (https://www.sqlite.org/lang_altertable.html#otheralter), followed by an integrity check.
 */
export const allowInterruptedImportRuns: Migration = {
  version: 220,
  name: 'allow-interrupted-import-runs',
  up(db) {
    const before = "CHECK (status IN ('running', 'succeeded', 'failed', 'held'))";
    const after = "CHECK (status IN ('running', 'succeeded', 'failed', 'held', 'interrupted'))";
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'import_runs'").get() as { sql: string };
    if (!table.sql.includes(before)) throw new Error(`import_runs: expected the constraint ${before} in its schema, found ${table.sql}`);
    const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'import_runs'").run(table.sql.replace(before, after));
      db.pragma(`schema_version = ${schemaVersion + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`import_runs: integrity check failed after widening its status constraint: ${String(integrity)}`);
  },
};
