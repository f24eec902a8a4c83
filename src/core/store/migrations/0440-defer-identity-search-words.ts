import type { Migration } from './types';

/** The words of a folded search text as rows (as in 0190, whose triggers this one rewrites). */
const wordsOf = (text: string) =>
  `json_each('["' || replace(replace(replace(replace(replace(replace(${text}, '\\', '\\\\'), '"', '\\"'), char(9), ' '), char(10), ' '), char(13), ' '), ' ', '","') || '"]')`;

/**
 * The search-word triggers can be paused inside one transaction: a reconciliation run writes fifty
 * thousand identities at once, and its words inserted in one sorted statement cost a third of what
 * fifty thousand trigger runs cost (random inserts into the word B-tree). The identity store sets
 * the flag, writes, rebuilds the words of what it wrote and clears the flag in the same
 * transaction, so no other connection ever sees it set and a failed run rolls it back.
 */
export const deferIdentitySearchWords: Migration = {
  version: 440,
  name: 'defer-identity-search-words',
  up(db) {
    db.exec(`
      CREATE TABLE identity_search_words_paused (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;

      DROP TRIGGER identity_search_words_insert;
      DROP TRIGGER identity_search_words_update;
      CREATE TRIGGER identity_search_words_insert AFTER INSERT ON identities
        WHEN NOT EXISTS (SELECT 1 FROM identity_search_words_paused) BEGIN
        DELETE FROM identity_search_words WHERE identity_id = new.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${wordsOf('new.search_text')} WHERE value <> '';
      END;
      CREATE TRIGGER identity_search_words_update AFTER UPDATE OF search_text ON identities
        WHEN old.search_text IS NOT new.search_text AND NOT EXISTS (SELECT 1 FROM identity_search_words_paused) BEGIN
        DELETE FROM identity_search_words WHERE identity_id = old.id;
        INSERT INTO identity_search_words (word, identity_id) SELECT DISTINCT value, new.id FROM ${wordsOf('new.search_text')} WHERE value <> '';
      END;
    `);
  },
};
