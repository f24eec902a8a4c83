import { describe, expect, it } from 'vitest';
import { fixtureActor, fixtureClock, insertIdentity, insertLink, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { linkRecordToIdentity } from './linkRecordToIdentity';

describe('linkRecordToIdentity', () => {
  it('links a record validated by the agent, and leaves a record already linked alone', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 't-1', status: 'temporary' });
    insertIdentity(db, { id: 'p-1', lastName: 'ROBERT' });
    const free = insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' });
    const taken = insertRecord(db, { sourceId: 'rpps', key: '10009999999', rpps: '10009999999' });
    insertLink(db, { recordId: taken, identityId: 'p-1', rule: 'rpps', decision: 'automatic' });
    for (const recordId of [free, taken]) linkRecordToIdentity(db, fixtureClock, { actor: fixtureActor, recordId, identityId: 't-1', rule: 'night-desk-temporary', evidence: [{ field: 'rpps', outcome: 'identical' }] });
    expect(db.prepare('SELECT record_id, identity_id, rule, decision, validated_by, evidence_json FROM identity_links ORDER BY record_id').all()).toEqual([
      { record_id: free, identity_id: 't-1', rule: 'night-desk-temporary', decision: 'validated', validated_by: 'agent-1', evidence_json: '[{"field":"rpps","outcome":"identical"}]' },
      { record_id: taken, identity_id: 'p-1', rule: 'rpps', decision: 'automatic', validated_by: null, evidence_json: '[]' },
    ]);
  });
});
