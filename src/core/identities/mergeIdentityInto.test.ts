import { describe, expect, it } from 'vitest';
import { factsOf, fixtureActor, fixtureClock, insertIdentity, insertLink, insertMie, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { mergeIdentityInto } from './mergeIdentityInto';

describe('mergeIdentityInto', () => {
  it('moves means, history, links, the RPPS and the desk facts, closes the other identity and journals what moved', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 't-1', status: 'temporary', rpps: '10001234567' });
    insertIdentity(db, { id: 'p-1', lastName: 'ROBERT', hrId: 'A1' });
    db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES ('t-1', 'rpps', '10001234567', 'agent-2', '2026-12-02')").run();
    insertMie(db, { id: 'm-1', identityId: 't-1', kind: 'temporary-badge' });
    insertLink(db, { recordId: insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' }), identityId: 't-1', rule: 'night-desk-temporary', decision: 'validated' });
    const result = mergeIdentityInto(db, fixtureClock, { actor: fixtureActor, fromId: 't-1', intoId: 'p-1', reason: 'régularisation confirmée' });
    expect(result).toEqual({ moved: { mie: 1, mie_history: 1, identity_links: 1, identity_desk_facts: 1 }, rppsMoved: '10001234567' });
    expect(db.prepare('SELECT id, status, rpps FROM identities ORDER BY id').all()).toEqual([
      { id: 'p-1', status: 'active', rpps: '10001234567' },
      { id: 't-1', status: 'left', rpps: null },
    ]);
    expect(db.prepare('SELECT identity_id FROM mie').pluck().all()).toEqual(['p-1']);
    expect(factsOf(db, 'p-1')).toEqual([{ fact: 'rpps', value: '10001234567', hr_value_seen: null }]);
    const entry = db.prepare("SELECT action, subject_id, after_json FROM journal WHERE action = 'identity.merge'").get() as { subject_id: string; after_json: string };
    expect(entry.subject_id).toBe('t-1');
    expect(JSON.parse(entry.after_json)).toMatchObject({ mergedInto: 'p-1', moved: { mie: 1 }, reason: 'régularisation confirmée' });
  });

  it('leaves the RPPS where it is when the target has its own', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 't-1', status: 'temporary', rpps: '10001234567' });
    insertIdentity(db, { id: 'p-1', lastName: 'ROBERT', rpps: '10009999999' });
    db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES ('t-1', 'rpps', '10001234567', 'agent-2', '2026-12-02')").run();
    expect(mergeIdentityInto(db, fixtureClock, { actor: fixtureActor, fromId: 't-1', intoId: 'p-1', reason: 'doublon' }).rppsMoved).toBeNull();
    expect(db.prepare('SELECT rpps FROM identities WHERE id = ?').pluck().get('p-1')).toBe('10009999999');
    expect(factsOf(db, 'p-1')).toEqual([]);
    expect(factsOf(db, 't-1')).toEqual([]);
  });
});
