import { describe, expect, it } from 'vitest';
import { factsOf, fixtureActor, fixtureClock, insertIdentity, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { recordDeparture } from './recordDeparture';

describe('recordDeparture', () => {
  it('sets the end date as a departure fact that replaces a corrected end date; a temporary person stays temporary', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1' });
    insertIdentity(db, { id: 't-1', status: 'temporary' });
    db.prepare("INSERT INTO identity_desk_facts (identity_id, fact, value, hr_value_seen, decided_by, decided_at) VALUES ('p-1', 'end-date', '2027-06-30', '2026-11-30', 'agent-2', '2026-12-01')").run();
    recordDeparture(db, fixtureClock, { actor: fixtureActor, identityId: 'p-1', date: '2026-12-03' });
    recordDeparture(db, fixtureClock, { actor: fixtureActor, identityId: 't-1', date: '2026-12-03' });
    expect(db.prepare('SELECT id, status, hr_end_date FROM identities ORDER BY id').all()).toEqual([
      { id: 'p-1', status: 'leaving', hr_end_date: '2026-12-03' },
      { id: 't-1', status: 'temporary', hr_end_date: '2026-12-03' },
    ]);
    expect(factsOf(db, 'p-1')).toEqual([{ fact: 'departure', value: '2026-12-03', hr_value_seen: null }]);
  });
});
