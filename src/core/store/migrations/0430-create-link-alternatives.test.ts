import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';

describe('migration 0430 create-link-alternatives', () => {
  it('keeps a proposal’s other possible people, gone with the person or the record', () => {
    const db = openDatabase({ path: ':memory:' });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('ad', 'ldif', 'directory', 'AD')").run();
    db.prepare("INSERT INTO source_records (id, source_id, record_key, raw_json, attributes_json, updated_at) VALUES (1, 'ad', 'jmartin', '{}', '{}', '2026-12-04')").run();
    for (const id of ['i1', 'i2']) db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES (?, 'MARTIN', 'Julie', 'active', 'martin julie', 'now', 'now')").run(id);
    db.prepare("INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at) VALUES (1, 'i1', 'weights', 12, 'pending', 'now')").run();
    db.prepare("INSERT INTO identity_link_alternatives (record_id, identity_id, score, probability) VALUES (1, 'i2', 12, 0.9)").run();
    expect(() => db.prepare("INSERT INTO identity_link_alternatives (record_id, identity_id, score) VALUES (1, 'i2', 11)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO identity_link_alternatives (record_id, identity_id, score) VALUES (1, 'nobody', 11)").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT evidence_json FROM identity_link_alternatives').pluck().get()).toBe('[]');
    db.prepare("DELETE FROM identities WHERE id = 'i2'").run();
    expect(db.prepare('SELECT COUNT(*) FROM identity_link_alternatives').pluck().get()).toBe(0);
    db.close();
  });
});
