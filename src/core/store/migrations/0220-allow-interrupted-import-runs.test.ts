import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0220 allow-interrupted-import-runs', () => {
  it('accepts the status interrupted and keeps every run and the rejections that reference them', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 210 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    db.prepare("INSERT INTO import_runs (id, source_id, started_at, status) VALUES (1, 'sirh', '2026-11-29T00:00:00Z', 'running'), (2, 'sirh', '2026-11-30T00:00:00Z', 'succeeded')").run();
    db.prepare("INSERT INTO import_rejections (run_id, line, reason) VALUES (1, 4, 'missing-key')").run();
    expect(() => db.prepare("UPDATE import_runs SET status = 'interrupted' WHERE id = 1").run()).toThrow(/CHECK constraint/);

    db.transaction(() => {
      for (const migration of migrations.filter((m) => m.version === 220)) migration.up(db);
    })();
    db.prepare("UPDATE import_runs SET status = 'interrupted' WHERE id = 1").run();
    expect(db.prepare('SELECT id, status FROM import_runs ORDER BY id').all()).toEqual([{ id: 1, status: 'interrupted' }, { id: 2, status: 'succeeded' }]);
    expect(db.prepare('SELECT run_id AS runId, reason FROM import_rejections').all()).toEqual([{ runId: 1, reason: 'missing-key' }]);
    expect(() => db.prepare("UPDATE import_runs SET status = 'lost' WHERE id = 2").run()).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
