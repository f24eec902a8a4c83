import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

describe('migration 0240 add-link-probability', () => {
  it('keeps existing links (probability unknown) and adds the table of estimated models', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 200 });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('ad', 'ldif', 'directory', 'AD')").run();
    db.prepare("INSERT INTO source_records (id, source_id, record_key, raw_json, attributes_json, updated_at) VALUES (1, 'ad', 'jdupont', '{}', '{}', '2026-11-29')").run();
    db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('i1', 'DUPONT', 'Jean', 'active', 'dupont jean', 'now', 'now')").run();
    db.prepare("INSERT INTO identity_links (record_id, identity_id, rule, score, decision, created_at) VALUES (1, 'i1', 'points', 80, 'automatic', 'now')").run();
    for (const migration of migrations.filter((m) => m.version === 240)) migration.up(db);
    expect(db.prepare('SELECT score, probability, prior_weight AS prior FROM identity_links').get()).toEqual({ score: 80, probability: null, prior: null });
    expect(db.prepare('SELECT COUNT(*) AS n FROM match_models').get()).toEqual({ n: 0 });
    db.close();
  });

  it('stores a probability and a prior per link and a model per run', () => {
    const db = openDatabase({ path: ':memory:' });
    db.prepare("INSERT INTO sources (id, kind, role, label) VALUES ('ad', 'ldif', 'directory', 'AD')").run();
    db.prepare("INSERT INTO source_records (id, source_id, record_key, raw_json, attributes_json, updated_at) VALUES (1, 'ad', 'jdupont', '{}', '{}', '2026-11-29')").run();
    db.prepare("INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at) VALUES ('i1', 'DUPONT', 'Jean', 'active', 'dupont jean', 'now', 'now')").run();
    db.prepare("INSERT INTO identity_links (record_id, identity_id, rule, score, decision, probability, prior_weight, created_at) VALUES (1, 'i1', 'weights', 21.5, 'automatic', 0.998, -7.2, 'now')").run();
    expect(db.prepare('SELECT probability, prior_weight AS prior FROM identity_links').get()).toEqual({ probability: 0.998, prior: -7.2 });
    db.prepare("INSERT INTO match_models (estimated_at, scoring, model_json) VALUES ('now', 'calibrated', '{}')").run();
    expect(() => db.prepare("INSERT INTO match_models (estimated_at, scoring, model_json) VALUES ('now', 'other', '{}')").run()).toThrow();
    db.close();
  });
});
