import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { localRecordsInRowOrder, readLocalRecords } from './readLocalRecords';

describe('readLocalRecords', () => {
  it('reads the present local records in row order, never the register, through the index of present records', () => {
    const db = openDatabase({ path: ':memory:' });
    const source = db.prepare("INSERT INTO sources (id, kind, role, label) VALUES (?, 'csv', ?, ?)");
    for (const [id, role] of [['sirh', 'hr'], ['rpps', 'register'], ['ad', 'directory'], ['dpi', 'application']] as const) source.run(id, role, id);
    const record = db.prepare("INSERT INTO source_records (id, source_id, record_key, raw_json, attributes_json, present, updated_at) VALUES (?, ?, ?, '{}', ?, ?, 'now')");
    // Sources interleaved by row id, as imports of different days leave them.
    record.run(1, 'ad', 'jmartin', '{"lastName":"MARTIN"}', 1);
    record.run(2, 'rpps', '10001234567', '{"lastName":"MARTIN"}', 1);
    record.run(3, 'sirh', '0042', '{"lastName":"MARTIN","firstName":"Julie"}', 1);
    record.run(4, 'dpi', 'JMA', '{"fullName":"MARTIN Julie"}', 1);
    record.run(5, 'sirh', '0043', '{"lastName":"PETIT"}', 0);
    record.run(6, 'ad', 'lpetit', '{"lastName":"PETIT"}', 1);
    const { ids, records } = readLocalRecords(db);
    expect(ids).toEqual([1, 3, 4, 6]);
    expect(records.map((r) => `${r.sourceId}/${r.role}/${r.key}`)).toEqual(['ad/directory/jmartin', 'sirh/hr/0042', 'dpi/application/JMA', 'ad/directory/lpetit']);
    expect(records[1]!.attributes).toEqual({ lastName: 'MARTIN', firstName: 'Julie' });

    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${localRecordsInRowOrder}`).all() as { detail: string }[]).map((row) => row.detail);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX source_records_present \(source_id=\?\)/));
    expect(plan.some((detail) => /^SCAN r\b/.test(detail))).toBe(false);
    db.close();
  });
});
