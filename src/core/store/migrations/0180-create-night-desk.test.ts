import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const now = '2026-11-29T03:00:00Z';

describe('migration 0180 create-night-desk', () => {
  it('adds the pool, issuances, queues and holds on top of the MIE tables', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 170 });
    db.prepare(
      `INSERT INTO identities (id, last_name, first_name, status, search_text, created_at, updated_at)
       VALUES ('tmp-1', 'DURAND', 'Inès', 'temporary', 'durand ines', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, valid_until, created_by, created_at, updated_by, updated_at)
       VALUES ('m-1', 'temporary-badge', '04AA', 'tmp-1', 'active', ?, ?, 'agent', ?, 'agent', ?)`,
    ).run(now, '2026-11-29T08:00:00Z', now, now);
    for (const migration of migrations.filter((m) => m.version === 180)) migration.up(db);

    const insertPoolCard = db.prepare(
      `INSERT INTO temporary_pool (identifier, card_type, label, state, registered_by, registered_at, updated_at) VALUES (?, 'DESFIRE', 'T-01', ?, 'agent', ?, ?)`,
    );
    insertPoolCard.run('04AA', 'issued', now, now);
    expect(() => insertPoolCard.run('04AA', 'available', now, now)).toThrow(/UNIQUE/);
    expect(() => insertPoolCard.run('04BB', 'borrowed', now, now)).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO temporary_issuances (id, mie_id, identity_id, card_identifier, reason, issued_by, issued_at, ends_at)
       VALUES ('i-1', 'm-1', 'tmp-1', '04AA', 'newcomer', 'agent', ?, '2026-11-29T08:00:00Z')`,
    ).run(now);
    expect(() =>
      db.prepare(`INSERT INTO temporary_issuances (id, mie_id, identity_id, card_identifier, reason, issued_by, issued_at, ends_at)
                  VALUES ('i-2', 'm-1', 'tmp-1', '04AA', 'newcomer', 'agent', ?, ?)`).run(now, now),
    ).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO regularization_tasks (id, identity_id, issuance_id, status, created_at) VALUES ('r-1', 'tmp-1', 'i-1', 'open', ?)`).run(now);
    const insertReview = db.prepare(
      `INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at)
       VALUES (?, 'tmp-1', 'import', '2026-11-28', '["m-1"]', '2026-12-06', 'open', 'system', ?)`,
    );
    insertReview.run('l-1', now);
    expect(() => insertReview.run('l-2', now)).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM leaver_holds').get()).toEqual({ n: 0 });
    db.close();
  });
});
