import { describe, expect, it } from 'vitest';
import { formatRppsExtractLine } from '../../import/formatRppsExtractLine';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const row = { "Type d'identifiant PP": '8', 'Identifiant PP': '10100271385', 'Numéro FINESS site': '990000011', 'Numéro FINESS établissement juridique': '990000003' };

describe('migration 0450 keep-register-finess', () => {
  it('reads the FINESS numbers of the register records stored before, once, and indexes the present ones', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 440 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('rpps', 'rpps-extract', 'register', 'RPPS'), ('sirh', 'csv', 'hr', 'SIRH')").run();
    const insert = db.prepare("INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, present, updated_at) VALUES (?, ?, ?, '{}', ?, '2026-12-05')");
    insert.run('rpps', '10100271385', JSON.stringify({ lines: [formatRppsExtractLine(row), formatRppsExtractLine({ ...row, 'Numéro FINESS site': '750000001' })] }), 1);
    insert.run('rpps', '10100271393', JSON.stringify({ lines: [formatRppsExtractLine({ ...row, 'Numéro FINESS site': '', 'Numéro FINESS établissement juridique': '' })] }), 1);
    insert.run('rpps', '10100271401', JSON.stringify({ lines: [formatRppsExtractLine(row)] }), 0);
    // An HR record whose raw form happens to look like extract rows is not the register's.
    insert.run('sirh', 'M1', JSON.stringify({ lines: [formatRppsExtractLine(row)] }), 1);

    for (const migration of migrations.filter((m) => m.version === 450)) migration.up(db);
    const finessOf = (key: string) => db.prepare('SELECT finess FROM source_records WHERE record_key = ?').pluck().get(key);
    expect(finessOf('10100271385')).toBe('|990000011|990000003|750000001|');
    expect(finessOf('10100271393')).toBe('');
    expect(finessOf('10100271401')).toBe('|990000011|990000003|');
    expect(finessOf('M1')).toBeNull();
    const indexed = db.prepare('SELECT record_key FROM source_records INDEXED BY source_records_register_present WHERE present = 1 AND finess IS NOT NULL ORDER BY id').pluck().all();
    expect(indexed).toEqual(['10100271385', '10100271393']);
    db.close();
  });
});
