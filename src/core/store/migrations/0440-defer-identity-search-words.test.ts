import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';

describe('migration 0440 defer-identity-search-words', () => {
  it('keeps the words by trigger, and only notes the changed identities while paused', () => {
    const db = openDatabase({ path: ':memory:' });
    const insert = db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'X', 'Y', 'active', ?, 'now', 'now')");
    const wordsOf = (id: string) => db.prepare('SELECT word FROM identity_search_words WHERE identity_id = ? ORDER BY word').pluck().all(id);
    const pending = () => db.prepare('SELECT identity_id FROM identity_search_words_pending ORDER BY 1').pluck().all();
    insert.run('i1', 'martin julie');
    expect(wordsOf('i1')).toEqual(['julie', 'martin']);

    db.prepare('INSERT INTO identity_search_words_paused (paused) VALUES (1)').run();
    expect(() => db.prepare('INSERT INTO identity_search_words_paused (paused) VALUES (2)').run()).toThrow(/CHECK/);
    insert.run('i2', 'bernard paul');
    db.prepare("UPDATE identities SET search_text = 'martin-durand julie' WHERE id = 'i1'").run();
    db.prepare("UPDATE identities SET search_text = 'martin-durand julie 1234' WHERE id = 'i1'").run();
    // An update that leaves the text as it was notes nothing.
    db.prepare("UPDATE identities SET last_name = 'Z' WHERE id = 'i2'").run();
    expect(wordsOf('i2')).toEqual([]);
    expect(wordsOf('i1')).toEqual(['julie', 'martin']);
    expect(pending()).toEqual(['i1', 'i2']);

    db.prepare('DELETE FROM identity_search_words_paused').run();
    db.prepare("UPDATE identities SET search_text = 'bernard paul 0041234' WHERE id = 'i2'").run();
    expect(wordsOf('i2')).toEqual(['0041234', 'bernard', 'paul']);
    expect(pending()).toEqual(['i1', 'i2']);
    db.close();
  });
});
