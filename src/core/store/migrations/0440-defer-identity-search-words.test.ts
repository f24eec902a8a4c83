import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-12-04T03:00:00Z';

describe('migration 0440 defer-identity-search-words', () => {
  it('keeps the triggers indexing words, except while the pause flag is set', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 430 });
    const insert = db.prepare(`INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'X', 'Y', 'active', ?, ?, ?)`);
    insert.run('before', 'durand ines', now, now);
    for (const migration of migrations.filter((m) => m.version === 440)) migration.up(db);
    const words = (id: string) => db.prepare('SELECT word FROM identity_search_words WHERE identity_id = ? ORDER BY word').pluck().all(id);

    expect(words('before')).toEqual(['durand', 'ines']);
    insert.run('after', 'martin  "x" back\\slash martin', now, now);
    expect(words('after')).toEqual(['"x"', 'back\\slash', 'martin']);
    db.prepare("UPDATE identities SET search_text = 'roux roux' WHERE id = 'before'").run();
    expect(words('before')).toEqual(['roux']);

    db.prepare('INSERT INTO identity_search_words_paused (id) VALUES (1)').run();
    insert.run('paused', 'petit paul', now, now);
    db.prepare("UPDATE identities SET search_text = 'blanc' WHERE id = 'before'").run();
    expect(words('paused')).toEqual([]);
    expect(words('before')).toEqual(['roux']);
    expect(() => db.prepare('INSERT INTO identity_search_words_paused (id) VALUES (2)').run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM identity_search_words_paused').run();
    db.prepare("UPDATE identities SET search_text = 'noir' WHERE id = 'before'").run();
    expect(words('before')).toEqual(['noir']);
    db.close();
  });
});
