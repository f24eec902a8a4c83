import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-12-03T08:00:00Z';

describe('migration 0400 create-scim-outbox', () => {
  it('keeps outbox rows in known states and finds a person’s open rows and the due ones by index', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 380 });
    for (const migration of migrations.filter((m) => m.version === 400)) migration.up(db);
    const insert = db.prepare("INSERT INTO scim_outbox (identity_id, act, means_json, state, next_attempt_at, created_at) VALUES (?, 'mie.bind', '{}', ?, ?, ?)");
    insert.run('p-1', 'pending', now, now);
    insert.run('p-1', 'dead', now, now);
    expect(() => insert.run('p-1', 'lost', now, now)).toThrow(/CHECK/);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan("SELECT MIN(id) FROM scim_outbox WHERE identity_id = 'p-1' AND state IN ('pending', 'dead')")).toContain('scim_outbox_open');
    expect(plan("SELECT id FROM scim_outbox WHERE state = 'pending' AND next_attempt_at <= '2026' ORDER BY next_attempt_at, id")).toContain('scim_outbox_due');
    db.prepare('INSERT INTO scim_users (identity_id, scim_id, version, synced_at) VALUES (?, ?, ?, ?)').run('p-1', 'u-1', 'W/"1"', now);
    expect(() => db.prepare('INSERT INTO scim_users (identity_id, scim_id, version, synced_at) VALUES (?, ?, ?, ?)').run('p-1', 'u-2', null, now)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
