import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { deferSearchWords, dropPendingWords, rebuildPendingWords } from './deferSearchWords';

const insertIdentity = (db: Database.Database, id: string, searchText: string) =>
  db
    .prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'X', 'Y', 'active', ?, 'now', 'now')
       ON CONFLICT (id) DO UPDATE SET search_text = excluded.search_text`,
    )
    .run(id, searchText);
const words = (db: Database.Database) => db.prepare('SELECT word, identity_id FROM identity_search_words ORDER BY 1, 2').raw(true).all() as [string, string][];

/** A writer's day: new people, a renamed one, one written twice, one removed, one unchanged. */
function writeDay(db: Database.Database) {
  insertIdentity(db, 'i3', 'lefevre marie 12/03/1980 1980-03-12');
  insertIdentity(db, 'i1', 'martin-durand julie 10003456789');
  insertIdentity(db, 'i4', 'nguyen van  an');
  insertIdentity(db, 'i4', 'nguyen an an');
  db.prepare("DELETE FROM identities WHERE id = 'i2'").run();
  db.prepare("UPDATE identities SET search_text = search_text || ' 810001234' WHERE id = 'i5'").run();
}

function seeded() {
  const db = openDatabase({ path: ':memory:' });
  insertIdentity(db, 'i1', 'martin julie');
  insertIdentity(db, 'i2', 'bernard paul 0041234');
  insertIdentity(db, 'i5', 'petit louis');
  insertIdentity(db, 'i6', 'garcia ines');
  return db;
}

describe('deferSearchWords', () => {
  it('leaves the same words as the triggers word by word, and nothing pending', () => {
    const byTrigger = seeded();
    byTrigger.transaction(() => writeDay(byTrigger))();
    const deferred = seeded();
    deferred.transaction(() => deferSearchWords(deferred, () => writeDay(deferred)))();
    expect(words(deferred)).toEqual(words(byTrigger));
    expect(words(deferred)).toContainEqual(['1980-03-12', 'i3']);
    expect(words(deferred).filter(([, id]) => id === 'i2')).toEqual([]);
    expect(deferred.prepare('SELECT COUNT(*) FROM identity_search_words_pending').pluck().get()).toBe(0);
    expect(deferred.prepare('SELECT COUNT(*) FROM identity_search_words_paused').pluck().get()).toBe(0);
  });

  it('defers only inside its work: the words are not written meanwhile, and are kept again after', () => {
    const db = seeded();
    db.transaction(() =>
      deferSearchWords(db, () => {
        insertIdentity(db, 'i7', 'roux anne');
        expect(words(db).filter(([, id]) => id === 'i7')).toEqual([]);
        expect(db.prepare('SELECT identity_id FROM identity_search_words_pending').pluck().all()).toEqual(['i7']);
      }),
    )();
    expect(words(db).filter(([, id]) => id === 'i7')).toEqual([['anne', 'i7'], ['roux', 'i7']]);
    insertIdentity(db, 'i8', 'blanc leo');
    expect(words(db).filter(([, id]) => id === 'i8')).toEqual([['blanc', 'i8'], ['leo', 'i8']]);
  });

  it('undoes everything when the work fails, and the triggers keep the words again', () => {
    const db = seeded();
    const before = words(db);
    expect(() =>
      db.transaction(() =>
        deferSearchWords(db, () => {
          insertIdentity(db, 'i1', 'autre nom');
          throw new Error('échec');
        }),
      )(),
    ).toThrow('échec');
    expect(words(db)).toEqual(before);
    // A caller that catches the failure inside its own transaction: the savepoint is undone.
    db.transaction(() => {
      expect(() =>
        deferSearchWords(db, () => {
          insertIdentity(db, 'i9', 'perdu');
          throw new Error('échec');
        }),
      ).toThrow('échec');
      insertIdentity(db, 'i1', 'martin julie 1234');
    })();
    expect(db.prepare('SELECT COUNT(*) FROM identity_search_words_paused').pluck().get()).toBe(0);
    expect(words(db).filter(([, id]) => id === 'i1')).toEqual([['1234', 'i1'], ['julie', 'i1'], ['martin', 'i1']]);
    expect(db.prepare("SELECT COUNT(*) FROM identities WHERE id = 'i9'").pluck().get()).toBe(0);
  });

  it('runs inside a transaction only, and nested deferrals rebuild once, at the outer end', () => {
    const db = seeded();
    expect(() => deferSearchWords(db, () => insertIdentity(db, 'i7', 'roux anne'))).toThrow(/transaction/);
    db.transaction(() =>
      deferSearchWords(db, () => {
        deferSearchWords(db, () => insertIdentity(db, 'i7', 'roux anne'));
        expect(words(db).filter(([, id]) => id === 'i7')).toEqual([]);
      }),
    )();
    expect(words(db).filter(([, id]) => id === 'i7')).toEqual([['anne', 'i7'], ['roux', 'i7']]);
  });

  it('rebuilds from the pending identities, never scanning every identity', () => {
    const db = seeded();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${rebuildPendingWords}`).all() as { detail: string }[]).map((row) => row.detail);
    expect(plan[0]).toMatch(/^SCAN p/);
    expect(plan.some((detail) => /^SEARCH i USING INDEX sqlite_autoindex_identities_1 \(id=\?\)/.test(detail))).toBe(true);
    const deletePlan = (db.prepare(`EXPLAIN QUERY PLAN ${dropPendingWords}`).all() as { detail: string }[]).map((row) => row.detail);
    expect(deletePlan[0]).toMatch(/USING COVERING INDEX identity_search_words_identity/);
  });
});
