import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0030 add-import-changes', () => {
  it('adds change tracking to existing records and a table of rejected lines', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 20 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    db.prepare("INSERT INTO import_runs (id, source_id, started_at, status) VALUES (1, 'sirh', '2026-11-29T00:00:00Z', 'succeeded')").run();
    db.prepare(
      "INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, updated_at) VALUES ('sirh', 'M1', '{}', '{}', '2026-11-29')",
    ).run();
    for (const migration of migrations.filter((m) => m.version === 30)) migration.up(db);
    expect(db.prepare('SELECT change, change_run_id FROM source_records').get()).toEqual({ change: null, change_run_id: null });
    db.prepare("UPDATE source_records SET change = 'removed', change_run_id = 1").run();
    expect(() => db.prepare("UPDATE source_records SET change = 'vanished'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO import_rejections (run_id, line, reason) VALUES (1, 12, 'bad date')").run();
    expect(() => db.prepare("INSERT INTO import_rejections (run_id, line, reason) VALUES (99, 1, 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
