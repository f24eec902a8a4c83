import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-11-29T00:00:00Z';

describe('migration 0110 create-journal', () => {
  it('adds an append-only journal without touching existing MIE', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 100 });
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at)
       VALUES ('id-1', 'MARTIN', 'Léa', 'active', 'martin lea', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
       VALUES ('m-1', 'badge', '04A1B2C3', 'id-1', 'active', ?, 'agent', ?, 'agent', ?)`,
    ).run(now, now, now);
    for (const migration of migrations.filter((m) => m.version === 110)) migration.up(db);
    db.prepare(
      `INSERT INTO journal (seq, at, desk, action, prev_hash, hash) VALUES (1, ?, 'desk-1', 'mie.bind', 'p', 'h')`,
    ).run(now);
    expect(() => db.prepare("UPDATE journal SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT status FROM mie').get()).toEqual({ status: 'active' });
    db.close();
  });
});
