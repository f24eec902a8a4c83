import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0210 add-import-warnings', () => {
  it('keeps the rejections recorded before and stores codes, fields and values apart', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 200 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    db.prepare("INSERT INTO import_runs (id, source_id, started_at, status) VALUES (1, 'sirh', '2026-11-29T00:00:00Z', 'succeeded')").run();
    db.prepare("INSERT INTO import_rejections (run_id, line, reason) VALUES (1, 4, 'expected 4 columns, found 2')").run();

    for (const migration of migrations.filter((m) => m.version === 210)) migration.up(db);
    db.prepare("INSERT INTO import_rejections (run_id, line, reason, field, detail, value) VALUES (1, 9, 'duplicate-key', 'MATRICULE', '3', 'M0001')").run();
    db.prepare("INSERT INTO import_warnings (run_id, line, field, reason, detail, value) VALUES (1, 5, 'DATE_NAISSANCE', 'impossible-date', 'DD/MM/YYYY', '31/02/1975')").run();
    expect(db.prepare('SELECT line, reason, field, detail, value FROM import_rejections ORDER BY line').all()).toEqual([
      { line: 4, reason: 'expected 4 columns, found 2', field: null, detail: null, value: null },
      { line: 9, reason: 'duplicate-key', field: 'MATRICULE', detail: '3', value: 'M0001' },
    ]);
    expect(db.prepare('SELECT line, field, reason, detail, value FROM import_warnings').all()).toEqual([{ line: 5, field: 'DATE_NAISSANCE', reason: 'impossible-date', detail: 'DD/MM/YYYY', value: '31/02/1975' }]);
    db.close();
  });
});
