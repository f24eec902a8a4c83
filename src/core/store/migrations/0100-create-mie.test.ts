import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-11-29T00:00:00Z';

describe('migration 0100 create-mie', () => {
  it('adds MIE tables on top of the directory and keeps a card live for one person only', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 90 });
    const insertIdentity = db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at)
       VALUES (?, 'MARTIN', 'Léa', 'active', 'martin lea', ?, ?)`,
    );
    insertIdentity.run('id-1', now, now);
    insertIdentity.run('id-2', now, now);
    for (const migration of migrations.filter((m) => m.version === 100)) migration.up(db);
    const insertMie = db.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
       VALUES (?, 'badge', '04A1B2C3', ?, ?, ?, 'agent', ?, 'agent', ?)`,
    );
    insertMie.run('m-1', 'id-1', 'active', now, now, now);
    expect(() => insertMie.run('m-2', 'id-2', 'active', now, now, now)).toThrow(/UNIQUE/);
    insertMie.run('m-3', 'id-2', 'returned', now, now, now);
    expect(() => insertMie.run('m-4', 'nobody', 'returned', now, now, now)).toThrow(/FOREIGN KEY/);
    expect(() => insertMie.run('m-5', 'id-2', 'borrowed', now, now, now)).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM mie').get()).toEqual({ n: 2 });
    db.close();
  });
});
