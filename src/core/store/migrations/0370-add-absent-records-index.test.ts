import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0370 add-absent-records-index', () => {
  it('indexes the removed records of each source, so that present records are counted from indexes only', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 360 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'RPPS')").run();
    const insert = db.prepare("INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, present, updated_at) VALUES ('rpps', ?, '{}', '{}', ?, '2026-12-03')");
    insert.run('R1', 1);
    insert.run('R2', 0);
    for (const migration of migrations.filter((m) => m.version > 360 && m.version <= 370)) migration.up(db);
    insert.run('R3', 0);
    insert.run('R4', 1);
    db.prepare("UPDATE source_records SET present = 1 WHERE record_key = 'R2'").run();

    const absent = "SELECT COUNT(*) FROM source_records WHERE source_id = 'rpps' AND present = 0";
    expect(db.prepare(absent).pluck().get()).toBe(1);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan(absent)).toMatch(/USING COVERING INDEX source_records_absent \(source_id=\?\)/);
    expect(plan("SELECT COUNT(*) FROM source_records WHERE source_id = 'rpps'")).toMatch(/USING COVERING INDEX sqlite_autoindex_source_records_1 \(source_id=\?\)/);
    db.close();
  });
});
