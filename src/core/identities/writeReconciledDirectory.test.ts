import { describe, expect, it } from 'vitest';
import { factsOf, fixtureClock, insertIdentity, insertLink, insertMie, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { writeReconciledDirectory, type ReconciledIdentity, type ReconciledLink } from './writeReconciledDirectory';

const person = (id: string, fields: Partial<ReconciledIdentity> = {}): ReconciledIdentity => ({
  id,
  lastName: id.toUpperCase(),
  birthName: null,
  firstName: 'Inès',
  birthDate: null,
  sex: null,
  rpps: null,
  hrId: null,
  adId: null,
  profession: null,
  service: null,
  email: null,
  endDate: null,
  ...fields,
});
const link = (recordId: number, identityId: string, rule = 'hr-reference', decision = 'automatic'): ReconciledLink => ({
  record_id: recordId,
  identity_id: identityId,
  rule,
  score: 90,
  decision,
  evidence_json: '[]',
  created_at: '2026-12-03T09:00:00.000Z',
});

describe('writeReconciledDirectory', () => {
  it('rewrites identities and links from the sources without erasing any desk decision', () => {
    const db = openFixtureDatabase();
    const fact = db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, hr_value_seen, decided_by, decided_at) VALUES (?, ?, ?, ?, 'agent-1', '2026-12-02')");
    const hr = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((key) => insertRecord(db, { sourceId: 'sirh', key })) as [number, number, number, number, number, number];
    const registerEntry = insertRecord(db, { sourceId: 'rpps', key: '10002222222', rpps: '10002222222' });
    // The previous run and the desk since then.
    insertIdentity(db, { id: 'p-1', rpps: '10001111111' });
    fact.run('p-1', 'rpps', '10001111111', null);
    insertIdentity(db, { id: 'p-2' });
    fact.run('p-2', 'departure', '2026-12-03', null);
    insertIdentity(db, { id: 'p-3', hrEndDate: null });
    fact.run('p-3', 'end-date', null, '2026-12-01');
    insertIdentity(db, { id: 'p-4', hrEndDate: null });
    fact.run('p-4', 'end-date', null, '2026-11-01');
    insertIdentity(db, { id: 'd-1' });
    insertMie(db, { id: 'm-d', identityId: 'd-1' });
    insertIdentity(db, { id: 'p-5' });
    insertIdentity(db, { id: 't-1', status: 'temporary', rpps: '10002222222' });
    fact.run('t-1', 'rpps', '10002222222', null);
    insertMie(db, { id: 'm-t', identityId: 't-1', kind: 'temporary-badge' });
    insertIdentity(db, { id: 'x-1' });
    insertMie(db, { id: 'm-x', identityId: 'x-1', status: 'returned' });
    insertIdentity(db, { id: 'x-2' });
    ['p-1', 'p-2', 'p-3', 'p-4', 'd-1', 'p-5'].forEach((id, index) => insertLink(db, { recordId: hr[index]!, identityId: id }));
    insertLink(db, { recordId: registerEntry, identityId: 't-1', rule: 'night-desk-temporary', decision: 'validated' });

    // This run: A5 is now read as a second record of p-5; p-5's register RPPS is the one the desk paired to p-1.
    const result = writeReconciledDirectory(db, fixtureClock, {
      identities: [
        person('p-1', { hrId: 'A1' }),
        person('p-2', { hrId: 'A2' }),
        person('p-3', { hrId: 'A3', endDate: '2026-12-01' }),
        person('p-4', { hrId: 'A4', endDate: '2026-12-01' }),
        person('p-5', { hrId: 'A6', rpps: '10001111111' }),
      ],
      links: [link(hr[0], 'p-1'), link(hr[1], 'p-2'), link(hr[2], 'p-3'), link(hr[3], 'p-4'), link(hr[5], 'p-5'), link(hr[4], 'p-5', 'names'), link(registerEntry, 'p-1', 'names', 'pending')],
    });

    expect(result).toEqual({ merged: 1, keptTemporary: 1, markedLeft: 1, removed: 1 });
    expect(db.prepare('SELECT id, rpps, hr_id, hr_end_date, status FROM identities ORDER BY id').all()).toEqual([
      { id: 'd-1', rpps: null, hr_id: null, hr_end_date: null, status: 'left' },
      { id: 'p-1', rpps: '10001111111', hr_id: 'A1', hr_end_date: null, status: 'active' },
      // A desk departure: HR has no end date yet, the departure holds.
      { id: 'p-2', rpps: null, hr_id: 'A2', hr_end_date: '2026-12-03', status: 'leaving' },
      // The corrected end date holds while HR still says what the agent overrode…
      { id: 'p-3', rpps: null, hr_id: 'A3', hr_end_date: null, status: 'active' },
      // …and HR speaks again once it changed.
      { id: 'p-4', rpps: null, hr_id: 'A4', hr_end_date: '2026-12-01', status: 'left' },
      { id: 'p-5', rpps: null, hr_id: 'A6', hr_end_date: null, status: 'active' },
      { id: 't-1', rpps: '10002222222', hr_id: null, hr_end_date: null, status: 'temporary' },
      { id: 'x-1', rpps: null, hr_id: null, hr_end_date: null, status: 'left' },
    ]);
    expect(factsOf(db, 'p-3')).toEqual([{ fact: 'end-date', value: null, hr_value_seen: '2026-12-01' }]);
    expect(factsOf(db, 'p-4')).toEqual([]);
    // The desk's link outranks a proposal of the engine.
    expect(db.prepare('SELECT identity_id, rule, decision FROM identity_links WHERE record_id = ?').get(registerEntry)).toEqual({ identity_id: 't-1', rule: 'night-desk-temporary', decision: 'validated' });
    // The merged identity's badge followed the person, with a journal entry.
    expect(db.prepare("SELECT identity_id FROM mie WHERE id = 'm-d'").pluck().get()).toBe('p-5');
    expect(db.prepare("SELECT subject_id FROM journal WHERE action = 'identity.merge'").pluck().all()).toEqual(['d-1']);
  });

  it('lets a sure link of the engine take a record from a desk link, and closes a temporary person with no live card', () => {
    const db = openFixtureDatabase();
    const anchor = insertRecord(db, { sourceId: 'sirh', key: 'A1' });
    const registerEntry = insertRecord(db, { sourceId: 'rpps', key: '10002222222', rpps: '10002222222' });
    insertIdentity(db, { id: 'p-1' });
    insertIdentity(db, { id: 't-1', status: 'temporary' });
    insertMie(db, { id: 'm-t', identityId: 't-1', kind: 'temporary-badge', status: 'returned' });
    insertLink(db, { recordId: anchor, identityId: 'p-1' });
    insertLink(db, { recordId: registerEntry, identityId: 't-1', rule: 'night-desk-temporary', decision: 'validated' });
    writeReconciledDirectory(db, fixtureClock, { identities: [person('p-1', { hrId: 'A1', rpps: '10002222222' })], links: [link(anchor, 'p-1'), link(registerEntry, 'p-1', 'rpps')] });
    expect(db.prepare('SELECT identity_id, rule FROM identity_links WHERE record_id = ?').get(registerEntry)).toEqual({ identity_id: 'p-1', rule: 'rpps' });
    expect(db.prepare('SELECT id, rpps, status FROM identities ORDER BY id').all()).toEqual([
      { id: 'p-1', rpps: '10002222222', status: 'active' },
      { id: 't-1', rpps: null, status: 'left' },
    ]);
  });

  it('writes a proposal’s alternatives with it, and rebuilds them at each run', () => {
    const db = openFixtureDatabase();
    const [first, second] = [insertRecord(db, { sourceId: 'sirh', key: 'A1' }), insertRecord(db, { sourceId: 'sirh', key: 'A2' })];
    const account = insertRecord(db, { sourceId: 'ad', key: 'jmartin', adId: 'jmartin' });
    const people = [person('p-1', { hrId: 'A1' }), person('p-2', { hrId: 'A2' })];
    const proposal = (alternatives: ReconciledLink['alternatives']): ReconciledLink => ({ ...link(account, 'p-1', 'weights', 'pending'), alternatives });
    const alternativesOf = () => db.prepare('SELECT record_id AS recordId, identity_id AS identityId, score, probability, evidence_json AS evidence FROM identity_link_alternatives').all();
    writeReconciledDirectory(db, fixtureClock, {
      identities: people,
      links: [link(first, 'p-1'), link(second, 'p-2'), proposal([{ identity_id: 'p-2', score: 12.5, probability: 0.93, evidence_json: '[{"field":"lastName"}]' }])],
    });
    expect(alternativesOf()).toEqual([{ recordId: account, identityId: 'p-2', score: 12.5, probability: 0.93, evidence: '[{"field":"lastName"}]' }]);
    expect(db.prepare('SELECT identity_id FROM identity_links WHERE record_id = ?').pluck().get(account)).toBe('p-1');
    // The next run sees no namesake any more: nothing is left of the old alternative.
    writeReconciledDirectory(db, fixtureClock, { identities: people, links: [link(first, 'p-1'), link(second, 'p-2'), proposal(undefined)] });
    expect(alternativesOf()).toEqual([]);
  });

  it('writes only the people who changed, identifiers swapped between two people included', () => {
    const db = openFixtureDatabase();
    const anchors = ['A1', 'A2', 'A3'].map((key) => insertRecord(db, { sourceId: 'sirh', key }));
    const links = anchors.map((record, index) => link(record, `p-${index + 1}`));
    const first = [person('p-1', { hrId: 'A1', rpps: '10001111111' }), person('p-2', { hrId: 'A2', rpps: '10002222222' }), person('p-3', { hrId: 'A3' })];
    writeReconciledDirectory(db, fixtureClock, { identities: first, links });
    const later = { now: () => new Date('2026-12-04T09:00:00.000Z') };
    // The two RPPS change hands (a register mix-up corrected upstream); p-3 does not change.
    writeReconciledDirectory(db, later, { identities: [person('p-1', { hrId: 'A1', rpps: '10002222222' }), person('p-2', { hrId: 'A2', rpps: '10001111111' }), first[2]!], links });
    expect(db.prepare('SELECT id, rpps, hr_id AS hrId, updated_at AS updatedAt FROM identities ORDER BY id').all()).toEqual([
      { id: 'p-1', rpps: '10002222222', hrId: 'A1', updatedAt: '2026-12-04T09:00:00.000Z' },
      { id: 'p-2', rpps: '10001111111', hrId: 'A2', updatedAt: '2026-12-04T09:00:00.000Z' },
      { id: 'p-3', rpps: null, hrId: 'A3', updatedAt: fixtureClock.now().toISOString() },
    ]);
    expect(db.prepare("SELECT word FROM identity_search_words WHERE identity_id = 'p-1' AND word LIKE '1000%'").pluck().all()).toEqual(['10002222222']);
  });

  it('rewrites only the links that changed, and drops those the engine no longer makes', () => {
    const db = openFixtureDatabase();
    const anchor = insertRecord(db, { sourceId: 'sirh', key: 'A1' });
    const [kept, changed, dropped] = ['akept', 'achanged', 'adropped'].map((key) => insertRecord(db, { sourceId: 'ad', key, adId: key }));
    const people = [person('p-1', { hrId: 'A1' })];
    const proposal = (recordId: number, score: number, createdAt: string): ReconciledLink => ({ ...link(recordId, 'p-1', 'weights', 'pending'), score, created_at: createdAt });
    writeReconciledDirectory(db, fixtureClock, { identities: people, links: [link(anchor, 'p-1'), proposal(kept!, 12, 'run-1'), proposal(changed!, 12, 'run-1'), proposal(dropped!, 12, 'run-1')] });
    writeReconciledDirectory(db, fixtureClock, { identities: people, links: [link(anchor, 'p-1'), proposal(kept!, 12, 'run-2'), proposal(changed!, 14.5, 'run-2')] });
    expect(db.prepare('SELECT record_id AS recordId, score, created_at AS createdAt FROM identity_links WHERE rule = ? ORDER BY record_id').all('weights')).toEqual([
      { recordId: kept, score: 12, createdAt: 'run-1' },
      { recordId: changed, score: 14.5, createdAt: 'run-2' },
    ]);
    // A changed explanation alone is a change.
    writeReconciledDirectory(db, fixtureClock, {
      identities: people,
      links: [link(anchor, 'p-1'), { ...proposal(kept!, 12, 'run-3'), evidence_json: JSON.stringify([{ field: 'lastName', left: 'DURAND', right: 'DURAND', level: 'exact', weight: 7.9 }]) }, proposal(changed!, 14.5, 'run-3')],
    });
    expect(db.prepare('SELECT created_at FROM identity_links WHERE record_id = ?').pluck().get(kept)).toBe('run-3');
    expect(db.prepare('SELECT created_at FROM identity_links WHERE record_id = ?').pluck().get(changed)).toBe('run-2');
  });
});
