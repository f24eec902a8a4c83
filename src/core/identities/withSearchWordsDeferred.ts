import type Database from 'better-sqlite3';

/** The words of a folded search text as rows: the same split as the search-word triggers (migration 0440). */
const wordsOf = (text: string) =>
  `json_each('["' || replace(replace(replace(replace(replace(replace(${text}, '\\', '\\\\'), '"', '\\"'), char(9), ' '), char(10), ' '), char(13), ' '), ' ', '","') || '"]')`;

/**
 * Runs `write` with the search-word triggers paused, then indexes the words of the identities it
 * reported, sorted by word: a reconciliation run writes fifty thousand identities, and a trigger
 * run per identity inserts its words at random places of the word B-tree.
 * Inside the caller's transaction only, so no other connection sees the triggers paused and a
 * failed write rolls the pause back with everything else. The words go in one row per statement:
 * a single INSERT … SELECT of them holds a statement journal that, in memory (the write phase's
 * setting), made every later statement of the transaction several times slower.
 */
export function withSearchWordsDeferred<T>(db: Database.Database, write: (written: Set<string>) => T): T {
  if (!db.inTransaction) throw new Error('withSearchWordsDeferred needs a transaction');
  db.prepare('INSERT INTO identity_search_words_paused (id) VALUES (1)').run();
  const written = new Set<string>();
  const result = write(written);
  const ids = JSON.stringify([...written]);
  db.prepare('DELETE FROM identity_search_words WHERE identity_id IN (SELECT value FROM json_each(?))').run(ids);
  const words = db
    .prepare(
      `SELECT DISTINCT word.value, i.id FROM identities i, ${wordsOf('i.search_text')} word
        WHERE i.id IN (SELECT value FROM json_each(?)) AND word.value <> '' ORDER BY 1, 2`,
    )
    .raw(true)
    .all(ids) as [string, string][];
  const insertWord = db.prepare('INSERT INTO identity_search_words (word, identity_id) VALUES (?, ?)');
  for (const [word, id] of words) insertWord.run(word, id);
  db.prepare('DELETE FROM identity_search_words_paused').run();
  return result;
}
