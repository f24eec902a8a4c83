import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0060 create-reconcile-decisions', () => {
  it('adds human link decisions next to an existing directory', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 50 });
    const now = '2026-11-29T00:00:00Z';
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('ad', 'ldif', 'directory', 'AD')").run();
    for (const migration of migrations.filter((m) => m.version > 50 && m.version <= 60)) migration.up(db);
    expect(db.prepare('SELECT id FROM sources').all()).toEqual([{ id: 'ad' }]);
    const insert = db.prepare(
      `INSERT INTO reconcile_decisions (source_id, record_key, identity_id, decision, reason, decided_by, decided_at)
       VALUES ('ad', 'jdupont', 'id-1', ?, ?, 'agent-1', ?)`,
    );
    insert.run('accept', 'même personne, vérifié au guichet', now);
    expect(db.prepare('SELECT decision, reason FROM reconcile_decisions').get()).toEqual({ decision: 'accept', reason: 'même personne, vérifié au guichet' });
    expect(() => insert.run('reject', 'doublon', now)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE reconcile_decisions SET decision = 'maybe'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE reconcile_decisions SET reason = ''").run()).toThrow(/CHECK/);
    db.close();
  });
});
