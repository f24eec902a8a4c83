import type { Migration } from './types';

/**
 * The records an import marked gone, indexed per source: the dashboard counts a source's present
 * records as all its records (a count of the source's unique index) minus these, instead of
 * reading 2.23 M register rows to test `present`. Only removed records enter this index.
 */
export const addAbsentRecordsIndex: Migration = {
  version: 370,
  name: 'add-absent-records-index',
  up(db) {
    db.exec('CREATE INDEX source_records_absent ON source_records(source_id) WHERE present = 0;');
  },
};
