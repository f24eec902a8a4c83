import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-11-29T03:00:00Z';

describe('migration 0190 create-identity-search-words', () => {
  it('indexes the words of existing and later search texts, and follows their changes', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 180 });
    const insert = db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'X', 'Y', 'active', ?, ?, ?)`,
    );
    insert.run('before', 'durand durand ines 0100042', now, now);
    for (const migration of migrations.filter((m) => m.version === 190)) migration.up(db);
    const words = (id: string) => (db.prepare('SELECT word FROM identity_search_words WHERE identity_id = ? ORDER BY word').all(id) as { word: string }[]).map((row) => row.word);

    expect(words('before')).toEqual(['0100042', 'durand', 'ines']);
    insert.run('after', 'martin  anne-laure "x" back\\slash', now, now);
    expect(words('after')).toEqual(['"x"', 'anne-laure', 'back\\slash', 'martin']);
    db.prepare("UPDATE identities SET search_text = search_text || ' 10100271385' WHERE id = 'before'").run();
    expect(words('before')).toEqual(['0100042', '10100271385', 'durand', 'ines']);
    db.prepare("UPDATE identities SET search_text = 'roux roux' WHERE id = 'before'").run();
    expect(words('before')).toEqual(['roux']);
    // An upsert (as reconciliation writes identities) keeps the words of the new text, once each.
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('after', 'X', 'Y', 'active', 'petit petit paul', ?, ?)
       ON CONFLICT(id) DO UPDATE SET search_text = excluded.search_text`,
    ).run(now, now);
    expect(words('after')).toEqual(['paul', 'petit']);
    db.prepare("DELETE FROM identities WHERE id = 'before'").run();
    expect(words('before')).toEqual([]);
    db.close();
  });
});
