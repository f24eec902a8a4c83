import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';

describe('migration 0010 create-directory', () => {
  it('creates sources, records, identities and explained links with integrity rules', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 10 });
    const now = '2026-11-29T00:00:00Z';
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('sirh', 'csv', 'hr', 'SIRH')").run();
    const record = db
      .prepare(
        `INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, hr_id, updated_at)
         VALUES ('sirh', 'M001', '{}', '{"hrId":"M001"}', 'M001', ?)`,
      )
      .run(now);
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, hr_id, status, search_text, created_at, updated_at)
       VALUES ('id-1', 'DUPONT', 'Anne', 'M001', 'active', 'dupont anne m001', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at)
       VALUES (?, 'id-1', 'R2', 100, 'automatic', ?)`,
    ).run(record.lastInsertRowid, now);
    expect(() =>
      db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('x', 'csv', 'boss', 'X')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at)
           VALUES (?, 'missing', 'R2', 1, 'automatic', ?)`,
        )
        .run(record.lastInsertRowid, now),
    ).toThrow(/FOREIGN KEY|UNIQUE/);
    db.prepare("DELETE FROM identities WHERE id = 'id-1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM identity_links').get()).toEqual({ n: 0 });
    db.close();
  });
});
