import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0360 create-indicator-snapshots', () => {
  it('adds daily indicator snapshots next to an existing directory, one value per figure and day', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 350 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('ad', 'ldif', 'directory', 'AD')").run();
    for (const migration of migrations.filter((m) => m.version > 350 && m.version <= 360)) migration.up(db);
    expect(db.prepare('SELECT id FROM sources').all()).toEqual([{ id: 'ad' }]);

    const snapshot = db.prepare("INSERT INTO indicator_snapshots (day, taken_at, trigger, directory_stamp) VALUES (?, '2026-12-03T07:00:00Z', ?, '3:3/x')");
    snapshot.run('2026-12-03', 'start');
    expect(() => snapshot.run('2026-12-03', 'change')).toThrow(/UNIQUE/);
    expect(() => snapshot.run('03/12/2026', 'start')).toThrow(/CHECK/);
    expect(() => snapshot.run('2026-12-04', 'hourly')).toThrow(/CHECK/);

    const value = db.prepare('INSERT INTO indicator_snapshot_values (figure_key, day, value) VALUES (?, ?, ?)');
    value.run('rppsAlignment', '2026-12-03', 92.5);
    value.run('temporaryIssueTime:p95', '2026-12-03', null);
    expect(() => value.run('rppsAlignment', '2026-12-03', 93)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => value.run('rppsAlignment', '2026-12-05', 93)).toThrow(/FOREIGN KEY/);
    // A figure's series is one range of the primary key, not a scan.
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT day, value FROM indicator_snapshot_values WHERE figure_key = 'rppsAlignment' AND day BETWEEN '2026-01-01' AND '2026-12-31'").all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan).toMatch(/SEARCH indicator_snapshot_values USING PRIMARY KEY \(figure_key=\? AND day>\? AND day<\?\)/);

    db.prepare("DELETE FROM indicator_snapshots WHERE day = '2026-12-03'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM indicator_snapshot_values').get()).toEqual({ n: 0 });
    db.close();
  });
});
