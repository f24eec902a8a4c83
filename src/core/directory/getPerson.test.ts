import { describe, expect, it } from 'vitest';
import { insertIdentity, insertLink, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { getPerson } from './getPerson';

describe('getPerson', () => {
  it('lists the records linked to the person, then those waiting for a reviewer that may be theirs, as proposed or as a namesake', () => {
    const db = openFixtureDatabase();
    for (const id of ['p-1', 'p-2']) insertIdentity(db, { id, lastName: 'LE GALL', firstName: 'Isabelle' });
    const reference = insertRecord(db, { sourceId: 'sirh', key: '004211' });
    const registerEntry = insertRecord(db, { sourceId: 'rpps', key: '10001234567', rpps: '10001234567' });
    const account = insertRecord(db, { sourceId: 'ad', key: 'ilegall', adId: 'ilegall' });
    const otherAccount = insertRecord(db, { sourceId: 'ad', key: 'isabelle.legall', adId: 'isabelle.legall' });
    insertLink(db, { recordId: reference, identityId: 'p-1' });
    insertLink(db, { recordId: registerEntry, identityId: 'p-1', rule: 'weights', decision: 'automatic' });
    insertLink(db, { recordId: account, identityId: 'p-1', rule: 'shared-name', decision: 'pending' });
    insertLink(db, { recordId: otherAccount, identityId: 'p-1', rule: 'weights', decision: 'validated' });
    const alternative = db.prepare("INSERT INTO identity_link_alternatives (record_id, identity_id, score, probability, evidence_json) VALUES (?, ?, 88, 0.8, '[]')");
    alternative.run(account, 'p-2');

    const proposed = getPerson(db, 'p-1');
    expect(proposed.records.map((record) => [record.sourceId, record.recordKey, record.link?.decision])).toEqual([
      ['ad', 'isabelle.legall', 'validated'],
      ['rpps', '10001234567', 'automatic'],
      ['sirh', '004211', 'automatic'],
    ]);
    expect(proposed.pending).toEqual([expect.objectContaining({ sourceId: 'ad', recordKey: 'ilegall', proposedTo: null, link: expect.objectContaining({ decision: 'pending', rule: 'shared-name', score: 90 }) })]);

    // The namesake sees the same account, with the evidence for them and the person it was proposed to.
    const namesake = getPerson(db, 'p-2');
    expect(namesake.records).toEqual([]);
    expect(namesake.pending).toEqual([
      expect.objectContaining({ sourceId: 'ad', recordKey: 'ilegall', proposedTo: { identityId: 'p-1', lastName: 'LE GALL', firstName: 'Isabelle' }, link: expect.objectContaining({ decision: 'pending', score: 88, probability: 0.8 }) }),
    ]);

    // Once decided, the namesake no longer sees it.
    db.prepare("UPDATE identity_links SET decision = 'validated' WHERE record_id = ?").run(account);
    expect(getPerson(db, 'p-2').pending).toEqual([]);
  });

  it('finds the records a person is a namesake for through the index on the alternatives', () => {
    const db = openFixtureDatabase();
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT a.record_id FROM identity_link_alternatives a JOIN identity_links l ON l.record_id = a.record_id WHERE a.identity_id = ? AND l.decision = \'pending\'')
      .all('p-1') as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/identity_link_alternatives_identity/);
  });
});
