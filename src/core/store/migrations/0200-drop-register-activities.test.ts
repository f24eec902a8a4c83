import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0200 drop-register-activities', () => {
  it('drops the activities copied in register attributes, leaving the JSON a new import writes', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 190 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'RPPS'), ('sirh', 'csv', 'hr', 'SIRH')").run();
    const insert = db.prepare("INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, updated_at) VALUES (?, ?, ?, ?, '2026-11-29')");
    const attributes = { rpps: '10100271385', lastName: 'LÉGER', firstName: 'ANAÏS', sex: 'F', profession: '10' };
    const activity = { professionCode: '10', professionLabel: 'Médecin', modeCode: 'S', finessSite: '990000011', finessEj: '990000011', siteName: 'CHU "Nord"', roleCode: 'FON-01' };
    insert.run('rpps', '10100271385', JSON.stringify({ lines: ['8|10100271385|…|'] }), JSON.stringify({ ...attributes, activities: [activity, activity] }));
    // An early development record (raw without rows) keeps its copy until the next import rewrites it.
    insert.run('rpps', '10100271393', JSON.stringify({ 'Identifiant PP': '10100271393' }), JSON.stringify({ ...attributes, activities: [activity] }));
    // Only register records: an HR attribute of that name (there is none today) is not the register's.
    insert.run('sirh', 'M1', '{}', JSON.stringify({ hrId: 'M1', activities: 'x' }));

    for (const migration of migrations.filter((m) => m.version === 200)) migration.up(db);
    const attributesOf = (key: string) => (db.prepare('SELECT attributes_json AS json FROM source_records WHERE record_key = ?').get(key) as { json: string }).json;
    // Byte for byte what the parser now writes, so re-importing the same extract changes nothing.
    expect(attributesOf('10100271385')).toBe(JSON.stringify(attributes));
    expect(JSON.parse(attributesOf('10100271393'))).toHaveProperty('activities');
    expect(JSON.parse(attributesOf('M1'))).toEqual({ hrId: 'M1', activities: 'x' });
    db.close();
  });
});
