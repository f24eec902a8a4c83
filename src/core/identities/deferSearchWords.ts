import type Database from 'better-sqlite3';
import { searchWordsOf } from '../directory/searchWordsSql';

/** The pending identities' former words, found through the identity index. */
export const dropPendingWords = 'DELETE FROM identity_search_words WHERE identity_id IN (SELECT identity_id FROM identity_search_words_pending)';

/**
 * The pending identities' words. CROSS JOIN: from the pending ones (a daily run notes a handful)
 * to their identities, never a scan of every identity; in identity order (the pending table's), so
 * the identity index is filled in its own order. OR IGNORE, not DISTINCT: a word twice in one text is
 * skipped without sorting every word first.
 */
export const rebuildPendingWords = `INSERT OR IGNORE INTO identity_search_words (word, identity_id)
  SELECT value, p.identity_id FROM identity_search_words_pending p CROSS JOIN identities i ON i.id = p.identity_id, ${searchWordsOf('i.search_text')}
   WHERE value <> ''`;

/**
 * Runs `work` with the search words deferred (migration 0440): the identities it inserts or renames
 * are only noted, then their words are rebuilt in one statement. For writers of thousands of
 * identities at once; the words are right again before this returns, inside the caller's
 * transaction, so no reader ever sees them stale. A failure in `work` undoes it all (savepoint).
 */
export function deferSearchWords<T>(db: Database.Database, work: () => T): T {
  if (!db.inTransaction) throw new Error('deferSearchWords: inside a transaction only (the words must never be seen stale)');
  // Already deferred by a caller: that caller rebuilds them.
  if (db.prepare('SELECT 1 FROM identity_search_words_paused').get() !== undefined) return work();
  return db.transaction(() => {
    db.prepare('INSERT INTO identity_search_words_paused (paused) VALUES (1)').run();
    const result = work();
    db.prepare('DELETE FROM identity_search_words_paused').run();
    db.prepare(dropPendingWords).run();
    db.prepare(rebuildPendingWords).run();
    db.prepare('DELETE FROM identity_search_words_pending').run();
    return result;
  }).immediate();
}
