import { searchWordsOf as wordsOf } from '../../directory/searchWordsSql';
import type { Migration } from './types';

/**
 * Every word of each identity's search text, indexed: a directory search looks up a prefix range
 * per typed token instead of scanning every search text (50 000 identities and the register
 * entries linked to them). Kept by triggers, so every writer of `identities.search_text` (import,
 * reconciliation, enrollment, night desk) keeps it right.
 */
export const createIdentitySearchWords: Migration = {
  version: 190,
  name: 'create-identity-search-words',
  up(db) {
    db.exec(`
      CREATE TABLE identity_search_words (
        word TEXT NOT NULL,
        identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
        PRIMARY KEY (word, identity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX identity_search_words_identity ON identity_search_words(identity_id);

      INSERT INTO identity_search_words (word, identity_id)
        SELECT DISTINCT value, i.id FROM identities i, ${wordsOf('i.search_text')} WHERE value <> '';

      -- DISTINCT, not OR IGNORE: in a trigger the outer statement's conflict handling wins.
      CREATE TRIGGER identity_search_words_insert AFTER INSERT ON identities BEGIN
        DELETE FROM identity_search_words WHERE identity_id = new.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${wordsOf('new.search_text')} WHERE value <> '';
      END;
      CREATE TRIGGER identity_search_words_update AFTER UPDATE OF search_text ON identities WHEN old.search_text IS NOT new.search_text BEGIN
        DELETE FROM identity_search_words WHERE identity_id = old.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${wordsOf('new.search_text')} WHERE value <> '';
      END;
    `);
  },
};
