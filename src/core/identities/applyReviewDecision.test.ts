import { describe, expect, it } from 'vitest';
import { fixtureClock, insertIdentity, insertLink, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { applyReviewDecision } from './applyReviewDecision';

describe('applyReviewDecision', () => {
  it('validates an accepted link and lends a free RPPS or account; a rejected link disappears', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1' });
    insertIdentity(db, { id: 'p-2', lastName: 'ROBERT', rpps: '10009999999' });
    const entry = insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' });
    const account = insertRecord(db, { sourceId: 'ad', key: 'idurand', adId: 'idurand' });
    const namesake = insertRecord(db, { sourceId: 'rpps', key: '10009999999', rpps: '10009999999' });
    for (const recordId of [entry, account, namesake]) insertLink(db, { recordId, identityId: 'p-1', rule: 'names', decision: 'pending' });
    applyReviewDecision(db, fixtureClock, { recordId: entry, identityId: 'p-1', decision: 'accept', decidedBy: 'agent-1', role: 'register', rpps: '10001234567', adId: null });
    applyReviewDecision(db, fixtureClock, { recordId: account, identityId: 'p-1', decision: 'accept', decidedBy: 'agent-1', role: 'directory', rpps: null, adId: 'idurand' });
    applyReviewDecision(db, fixtureClock, { recordId: namesake, identityId: 'p-1', decision: 'reject', decidedBy: 'agent-1', role: 'register', rpps: '10009999999', adId: null });
    expect(db.prepare('SELECT record_id, decision, validated_by FROM identity_links ORDER BY record_id').all()).toEqual([
      { record_id: entry, decision: 'validated', validated_by: 'agent-1' },
      { record_id: account, decision: 'validated', validated_by: 'agent-1' },
    ]);
    expect(db.prepare('SELECT rpps, ad_id FROM identities WHERE id = ?').get('p-1')).toEqual({ rpps: '10001234567', ad_id: 'idurand' });
  });

  it('never takes an RPPS another person holds', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1' });
    insertIdentity(db, { id: 'p-2', lastName: 'ROBERT', rpps: '10001234567' });
    const entry = insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' });
    insertLink(db, { recordId: entry, identityId: 'p-1', rule: 'names', decision: 'pending' });
    applyReviewDecision(db, fixtureClock, { recordId: entry, identityId: 'p-1', decision: 'accept', decidedBy: 'agent-1', role: 'register', rpps: '10001234567', adId: null });
    expect(db.prepare('SELECT id, rpps FROM identities ORDER BY id').all()).toEqual([{ id: 'p-1', rpps: null }, { id: 'p-2', rpps: '10001234567' }]);
  });

  it('accepts a namesake among the proposal’s alternatives instead, or proposes the next one when the proposed person is rejected', () => {
    const db = openFixtureDatabase();
    for (const id of ['p-1', 'p-2', 'p-3']) insertIdentity(db, { id, lastName: 'LE GALL', firstName: 'Isabelle' });
    const entry = insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' });
    const account = insertRecord(db, { sourceId: 'ad', key: 'ilegall', adId: 'ilegall' });
    const alternative = db.prepare("INSERT INTO identity_link_alternatives (record_id, identity_id, score, probability, evidence_json) VALUES (?, ?, ?, 0.8, '[\"pair\"]')");
    for (const recordId of [entry, account]) {
      insertLink(db, { recordId, identityId: 'p-1', rule: 'weights', decision: 'pending' });
      alternative.run(recordId, 'p-2', 88);
      alternative.run(recordId, 'p-3', 85);
    }
    const linkOf = (recordId: number) => db.prepare('SELECT identity_id AS identityId, decision, score, evidence_json AS evidence FROM identity_links WHERE record_id = ?').get(recordId);
    const alternativesOf = (recordId: number) => db.prepare('SELECT identity_id FROM identity_link_alternatives WHERE record_id = ? ORDER BY identity_id').pluck().all(recordId);

    applyReviewDecision(db, fixtureClock, { recordId: entry, identityId: 'p-3', decision: 'accept', decidedBy: 'agent-1', role: 'register', rpps: '10001234567', adId: null });
    expect(linkOf(entry)).toEqual({ identityId: 'p-3', decision: 'validated', score: 85, evidence: '["pair"]' });
    expect(alternativesOf(entry)).toEqual([]);
    expect(db.prepare('SELECT id FROM identities WHERE rpps = ?').pluck().get('10001234567')).toBe('p-3');

    // "Not her": the best remaining namesake is proposed; rejecting an alternative only drops it.
    applyReviewDecision(db, fixtureClock, { recordId: account, identityId: 'p-1', decision: 'reject', decidedBy: 'agent-1', role: 'directory', rpps: null, adId: 'ilegall' });
    expect(linkOf(account)).toEqual({ identityId: 'p-2', decision: 'pending', score: 88, evidence: '["pair"]' });
    expect(alternativesOf(account)).toEqual(['p-3']);
    applyReviewDecision(db, fixtureClock, { recordId: account, identityId: 'p-3', decision: 'reject', decidedBy: 'agent-1', role: 'directory', rpps: null, adId: 'ilegall' });
    expect(linkOf(account)).toMatchObject({ identityId: 'p-2', decision: 'pending' });
    expect(alternativesOf(account)).toEqual([]);
    applyReviewDecision(db, fixtureClock, { recordId: account, identityId: 'p-2', decision: 'reject', decidedBy: 'agent-1', role: 'directory', rpps: null, adId: 'ilegall' });
    expect(linkOf(account)).toBeUndefined();
  });
});
