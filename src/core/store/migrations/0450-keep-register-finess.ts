import { readRegisterFiness } from '../../import/readRegisterFiness';
import { toFinessColumn } from '../../import/registerFinessColumn';
import type { Migration } from './types';

/**
 * Each register record keeps its activities' FINESS numbers in a short column, read once at import
 * ('' without any; null: not a register record), and an index of the present register records
 * carries the columns the register screen reads: a reconciliation then walks this index, not the
 * national register's rows with their raw extract lines (a table of two million rows read, and
 * searched for the establishment's numbers, at each run). Records stored before are read here, once.
 */
export const keepRegisterFiness: Migration = {
  version: 450,
  name: 'keep-register-finess',
  up(db) {
    db.function('guichet_register_finess', { deterministic: true }, (rawJson) => toFinessColumn(readRegisterFiness(String(rawJson))));
    db.exec(`
      ALTER TABLE source_records ADD COLUMN finess TEXT;
      UPDATE source_records SET finess = guichet_register_finess(raw_json)
       WHERE source_id IN (SELECT id FROM sources WHERE role = 'register');
      CREATE INDEX source_records_register_present ON source_records(source_id, id, rpps, last_name, first_name, finess)
       WHERE present = 1 AND finess IS NOT NULL;
    `);
  },
};
