import type { Migration } from './types';

/**
 * Journal entries and the head get an HMAC (`mac`) with a key the store does not hold (a key file
 * beside it, the OS keychain in Electron): recomputing plain hashes after an edit no longer passes
 * `audit verify`. Entries written before stay as they are (mac NULL) and are sealed once, the first
 * time the desk opens the store with its key and the plain chain checks out. The append-only
 * triggers now allow exactly that: setting a missing mac, nothing else.
 */
export const addJournalMacs: Migration = {
  version: 300,
  name: 'add-journal-macs',
  up(db) {
    db.exec(`
      ALTER TABLE journal ADD COLUMN mac TEXT;
      ALTER TABLE journal_head ADD COLUMN mac TEXT;
      DROP TRIGGER journal_no_update;
      CREATE TRIGGER journal_no_update BEFORE UPDATE OF seq, at, agent_id, agent_name, desk, action, subject_type, subject_id, before_json, after_json, prev_hash, hash ON journal
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: entries cannot be modified'); END;
      CREATE TRIGGER journal_mac_set_once BEFORE UPDATE OF mac ON journal WHEN OLD.mac IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'journal is append-only: a sealed entry keeps its mac'); END;
    `);
  },
};
