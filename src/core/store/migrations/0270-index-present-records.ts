import type { Migration } from './types';

/**
 * The Sources screen counts each source's present records. Without an index holding `present`,
 * SQLite read every record row of the register for it: 0.5–7 s on the desk's thread right after
 * a register import, several times that once the pages are decrypted one by one. This partial
 * index answers the count alone (a few bytes per present record).
 */
export const indexPresentRecords: Migration = {
  version: 270,
  name: 'index-present-records',
  up(db) {
    db.exec('CREATE INDEX source_records_present ON source_records(source_id) WHERE present = 1;');
  },
};
