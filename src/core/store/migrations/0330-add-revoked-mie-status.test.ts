import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';

const now = '2026-12-03T08:00:00Z';
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0330 add-revoked-mie-status', () => {
  it('accepts the revoked status and keeps every MIE with its history, FIDO key and temporary issuance', () => {
    dir = mkdtempSync(join(tmpdir(), 'guichet-0330-'));
    const path = join(dir, 'desk.sqlite');
    const before = openDatabase({ path, targetVersion: 320 });
    before.prepare(`INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('p-1', 'DURAND', 'Inès', 'active', 'durand ines', ?, ?)`).run(now, now);
    const insertMie = before.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, replaces_mie_id, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, 'p-1', ?, ?, ?, 'agent', ?, 'agent', ?)`,
    );
    insertMie.run('m-1', 'badge', '04AA', 'lost', now, null, now, now);
    insertMie.run('m-2', 'badge', '04BB', 'active', now, 'm-1', now, now);
    insertMie.run('m-3', 'temporary-badge', '04CC', 'active', now, null, now, now);
    expect(() => insertMie.run('m-4', 'badge', '04DD', 'revoked', now, null, now, now)).toThrow(/CHECK/);
    before.prepare(`INSERT INTO mie_history (mie_id, identity_id, action, to_status, agent_id, desk, at) VALUES ('m-2', 'p-1', 'mie.bind', 'active', 'agent', 'poste', ?)`).run(now);
    before.prepare(`INSERT INTO temporary_pool (identifier, card_type, label, state, registered_by, registered_at, updated_at) VALUES ('04CC', 'DESFIRE', 'T-01', 'issued', 'agent', ?, ?)`).run(now, now);
    before.prepare(`INSERT INTO temporary_issuances (id, mie_id, identity_id, card_identifier, reason, issued_by, issued_at, ends_at) VALUES ('i-1', 'm-3', 'p-1', '04CC', 'newcomer', 'agent', ?, ?)`).run(now, now);
    before.close();

    const db = openDatabase({ path });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(330);
    expect(db.prepare('SELECT id, status, replaces_mie_id FROM mie ORDER BY id').all()).toEqual([
      { id: 'm-1', status: 'lost', replaces_mie_id: null },
      { id: 'm-2', status: 'active', replaces_mie_id: 'm-1' },
      { id: 'm-3', status: 'active', replaces_mie_id: null },
    ]);
    db.prepare("UPDATE mie SET status = 'revoked' WHERE id = 'm-2'").run();
    expect(() => db.prepare("UPDATE mie SET status = 'gone' WHERE id = 'm-2'").run()).toThrow(/CHECK/);
    // Foreign keys still hold after the rebuild, both ways.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("DELETE FROM mie WHERE id = 'm-2'").run()).toThrow(/FOREIGN KEY/);
    expect(() => insertMieAfter(db)).toThrow(/UNIQUE/);
    db.close();
  });
});

/** A second live binding of a live card is still refused by the rebuilt index. */
function insertMieAfter(db: ReturnType<typeof openDatabase>): void {
  db.prepare(`INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES ('m-5', 'temporary-badge', '04CC', 'p-1', 'active', ?, 'agent', ?, 'agent', ?)`).run(now, now, now);
}
