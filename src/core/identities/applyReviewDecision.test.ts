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
});
