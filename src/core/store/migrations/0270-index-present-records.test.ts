import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const countPresent = 'SELECT COUNT(*) FROM source_records r WHERE r.source_id = ? AND r.present = 1';

describe('migration 0270 index-present-records', () => {
  it('counts the present records of a source from the index alone, with the same result', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 200 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'RPPS'), ('sirh', 'csv', 'hr', 'SIRH')").run();
    const insert = db.prepare("INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, present, updated_at) VALUES (?, ?, '{}', '{}', ?, '2026-12-03')");
    for (let index = 0; index < 50; index += 1) insert.run('rpps', `R${index}`, index % 5 === 0 ? 0 : 1);
    insert.run('sirh', 'M1', 1);
    const before = db.prepare(countPresent).pluck().get('rpps');

    for (const migration of migrations.filter((m) => m.version === 270)) migration.up(db);
    expect(db.prepare(countPresent).pluck().get('rpps')).toBe(before);
    expect(before).toBe(40);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${countPresent}`).all('rpps') as { detail: string }[]).map((step) => step.detail).join('; ');
    expect(plan).toContain('USING COVERING INDEX source_records_present');
    db.close();
  });
});
