import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { withSearchWordsDeferred } from './withSearchWordsDeferred';

const now = '2026-12-04T03:00:00Z';
const texts: Record<string, string> = {
  a: 'durand durand ines 0100042',
  b: 'martin  anne-laure "x" back\\slash\ttab',
  c: ' leading and trailing ',
  d: '',
};

function wordsById(db: ReturnType<typeof openDatabase>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [word, id] of db.prepare('SELECT word, identity_id FROM identity_search_words ORDER BY identity_id, word').raw(true).all() as [string, string][]) (found[id] ??= []).push(word);
  return found;
}

describe('withSearchWordsDeferred', () => {
  it('indexes the same words as the triggers, for what the write reported', () => {
    const [byTrigger, deferred] = [openDatabase({ path: ':memory:' }), openDatabase({ path: ':memory:' })];
    const insertInto = (db: ReturnType<typeof openDatabase>) =>
      db.prepare(
        `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'X', 'Y', 'active', ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET search_text = excluded.search_text`,
      );
    for (const [id, text] of Object.entries(texts)) insertInto(byTrigger).run(id, text, now, now);
    insertInto(deferred).run('a', 'old words of a', now, now);
    deferred.transaction(() =>
      withSearchWordsDeferred(deferred, (written) => {
        for (const [id, text] of Object.entries(texts)) {
          insertInto(deferred).run(id, text, now, now);
          written.add(id);
        }
        // Paused meanwhile: nothing indexed yet, and the old words of `a` still there.
        expect(deferred.prepare('SELECT COUNT(*) FROM identity_search_words').pluck().get()).toBe(4);
      }),
    )();
    expect(wordsById(deferred)).toEqual(wordsById(byTrigger));
    expect(wordsById(deferred).b).toEqual(['"x"', 'anne-laure', 'back\\slash', 'martin', 'tab']);
    expect(deferred.prepare('SELECT COUNT(*) FROM identity_search_words_paused').pluck().get()).toBe(0);
    byTrigger.close();
    deferred.close();
  });

  it('needs a transaction, and a failed write takes the pause back with it', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(() => withSearchWordsDeferred(db, () => undefined)).toThrow(/transaction/);
    expect(() =>
      db.transaction(() =>
        withSearchWordsDeferred(db, () => {
          throw new Error('disk full');
        }),
      )(),
    ).toThrow(/disk full/);
    db.prepare(`INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('p', 'X', 'Y', 'active', 'nguyen', ?, ?)`).run(now, now);
    expect(db.prepare("SELECT identity_id FROM identity_search_words WHERE word = 'nguyen'").pluck().all()).toEqual(['p']);
    db.close();
  });
});
