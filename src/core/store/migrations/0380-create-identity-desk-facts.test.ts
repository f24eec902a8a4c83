import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-12-03T08:00:00Z';

describe('migration 0380 create-identity-desk-facts', () => {
  it('keeps one fact of each kind per identity, one desk RPPS per number, and refuses unknown facts', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 370 });
    const insertIdentity = db.prepare(`INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'DURAND', 'Inès', 'active', 'durand ines', ?, ?)`);
    insertIdentity.run('p-1', now, now);
    insertIdentity.run('p-2', now, now);
    for (const migration of migrations.filter((m) => m.version === 380)) migration.up(db);
    const insertFact = db.prepare('INSERT INTO identity_desk_facts (identity_id, fact, value, hr_value_seen, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)');
    insertFact.run('p-1', 'rpps', '10001234567', null, 'agent-1', now);
    insertFact.run('p-1', 'end-date', null, '2026-12-01', 'agent-1', now);
    expect(() => insertFact.run('p-1', 'rpps', '10009999999', null, 'agent-1', now)).toThrow(/UNIQUE/);
    expect(() => insertFact.run('p-2', 'rpps', '10001234567', null, 'agent-1', now)).toThrow(/UNIQUE/);
    expect(() => insertFact.run('p-2', 'nickname', 'Nini', null, 'agent-1', now)).toThrow(/CHECK/);
    expect(() => insertFact.run('p-2', 'departure', null, null, 'agent-1', now)).toThrow(/CHECK/);
    expect(() => insertFact.run('p-9', 'departure', '2026-12-03', null, 'agent-1', now)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM identity_desk_facts').get()).toEqual({ n: 2 });
    db.close();
  });
});
