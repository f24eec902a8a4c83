import { describe, expect, it } from 'vitest';
import { factsOf, fixtureActor, fixtureClock, insertIdentity, insertLink, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { setHrEndDate } from './setHrEndDate';

describe('setHrEndDate', () => {
  it('corrects the end date and remembers the HR value it overrode, dropping a desk departure', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1', hrEndDate: '2026-12-02', status: 'left' });
    insertLink(db, { recordId: insertRecord(db, { sourceId: 'sirh', key: 'A1', attributes: { endDate: '2026-12-02' } }), identityId: 'p-1' });
    db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES ('p-1', 'departure', '2026-12-02', 'agent-2', '2026-12-02')").run();
    setHrEndDate(db, fixtureClock, { actor: fixtureActor, identityId: 'p-1', endDate: '2027-06-30' });
    expect(db.prepare('SELECT status, hr_end_date FROM identities').get()).toEqual({ status: 'active', hr_end_date: '2027-06-30' });
    expect(factsOf(db, 'p-1')).toEqual([{ fact: 'end-date', value: '2027-06-30', hr_value_seen: '2026-12-02' }]);
    setHrEndDate(db, fixtureClock, { actor: fixtureActor, identityId: 'p-1', endDate: null });
    expect(factsOf(db, 'p-1')).toEqual([{ fact: 'end-date', value: null, hr_value_seen: '2026-12-02' }]);
  });
});
