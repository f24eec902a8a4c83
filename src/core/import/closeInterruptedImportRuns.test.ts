import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { closeInterruptedImportRuns } from './closeInterruptedImportRuns';

describe('closeInterruptedImportRuns', () => {
  it('closes the runs a dead process left running as interrupted, and leaves finished runs alone', () => {
    const db = openDatabase({ path: ':memory:' });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'RPPS')").run();
    db.prepare(
      `INSERT INTO import_runs (id, source_id, started_at, finished_at, status) VALUES
         (1, 'rpps', '2026-11-28T08:00:00Z', '2026-11-28T08:01:00Z', 'succeeded'), (2, 'rpps', '2026-11-29T08:00:00Z', NULL, 'running')`,
    ).run();
    expect(closeInterruptedImportRuns(db, { now: () => new Date('2026-11-29T09:00:00Z') })).toBe(1);
    expect(db.prepare('SELECT id, status, finished_at AS finishedAt FROM import_runs ORDER BY id').all()).toEqual([
      { id: 1, status: 'succeeded', finishedAt: '2026-11-28T08:01:00Z' },
      { id: 2, status: 'interrupted', finishedAt: '2026-11-29T09:00:00.000Z' },
    ]);
    expect(closeInterruptedImportRuns(db, { now: () => new Date() })).toBe(0);
    db.close();
  });
});
