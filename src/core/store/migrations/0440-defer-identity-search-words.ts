import { searchWordsOf } from '../../directory/searchWordsSql';
import type { Migration } from './types';

/**
 * Search words can be deferred inside one transaction (deferSearchWords): while
 * `identity_search_words_paused` holds its row, the triggers only note which identities changed
 * (`identity_search_words_pending`) and the words are rebuilt for those, sorted, in one statement at
 * the end. A first reconciliation writes fifty thousand identities: word by word through the
 * triggers, their 370 000 words cost more than the identities themselves. Outside a deferral the
 * triggers work as before, for every writer.
 */
export const deferIdentitySearchWords: Migration = {
  version: 440,
  name: 'defer-identity-search-words',
  up(db) {
    const running = 'NOT EXISTS (SELECT 1 FROM identity_search_words_paused)';
    // Not OR IGNORE: in a trigger the outer statement's conflict handling wins.
    const notePending = (id: string) =>
      `INSERT INTO identity_search_words_pending (identity_id) SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM identity_search_words_pending WHERE identity_id = ${id});`;
    db.exec(`
      CREATE TABLE identity_search_words_paused (paused INTEGER PRIMARY KEY CHECK (paused = 1)) STRICT;
      CREATE TABLE identity_search_words_pending (identity_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

      DROP TRIGGER identity_search_words_insert;
      DROP TRIGGER identity_search_words_update;
      CREATE TRIGGER identity_search_words_insert AFTER INSERT ON identities WHEN ${running} BEGIN
        DELETE FROM identity_search_words WHERE identity_id = new.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${searchWordsOf('new.search_text')} WHERE value <> '';
      END;
      CREATE TRIGGER identity_search_words_update AFTER UPDATE OF search_text ON identities WHEN old.search_text IS NOT new.search_text AND ${running} BEGIN
        DELETE FROM identity_search_words WHERE identity_id = old.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${searchWordsOf('new.search_text')} WHERE value <> '';
      END;
      CREATE TRIGGER identity_search_words_insert_deferred AFTER INSERT ON identities WHEN NOT ${running} BEGIN
        ${notePending('new.id')}
      END;
      CREATE TRIGGER identity_search_words_update_deferred AFTER UPDATE OF search_text ON identities WHEN old.search_text IS NOT new.search_text AND NOT ${running} BEGIN
        ${notePending('new.id')}
      END;
    `);
  },
};
