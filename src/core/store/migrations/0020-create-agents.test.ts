import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0020 create-agents', () => {
  it('adds agents on top of an existing directory without touching it', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 10 });
    const now = '2026-11-29T00:00:00Z';
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at)
       VALUES ('id-1', 'MARTIN', 'Léa', 'active', 'martin lea', ?, ?)`,
    ).run(now, now);
    for (const migration of migrations.filter((m) => m.version === 20)) migration.up(db);
    db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('id-1', 'night-desk', ?)").run(now);
    expect(db.prepare('SELECT role FROM agents').get()).toEqual({ role: 'night-desk' });
    expect(() =>
      db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('id-1', 'janitor', ?)").run(now),
    ).toThrow();
    expect(() =>
      db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('nobody', 'admin', ?)").run(now),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
