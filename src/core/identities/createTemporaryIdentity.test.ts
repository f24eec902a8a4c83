import { describe, expect, it } from 'vitest';
import { factsOf, fixtureActor, fixtureClock, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { createTemporaryIdentity } from './createTemporaryIdentity';

describe('createTemporaryIdentity', () => {
  it('creates a searchable temporary person and keeps a register RPPS as a desk fact', () => {
    const db = openFixtureDatabase();
    const id = createTemporaryIdentity(db, fixtureClock, { actor: fixtureActor, person: { lastName: 'NGUYEN', firstName: 'Linh', birthDate: '1999-04-02', rpps: '10001234567', profession: 'Infirmier' } });
    expect(db.prepare('SELECT status, rpps, birth_date, profession FROM identities WHERE id = ?').get(id)).toEqual({ status: 'temporary', rpps: '10001234567', birth_date: '1999-04-02', profession: 'Infirmier' });
    expect(factsOf(db, id)).toEqual([{ fact: 'rpps', value: '10001234567', hr_value_seen: null }]);
    expect(db.prepare("SELECT identity_id FROM identity_search_words WHERE word = 'nguyen'").pluck().all()).toEqual([id]);
    const typed = createTemporaryIdentity(db, fixtureClock, { actor: fixtureActor, person: { lastName: 'ZORGLUB', firstName: 'Ysaline', birthDate: null, rpps: null, profession: null } });
    expect(factsOf(db, typed)).toEqual([]);
    expect(() => createTemporaryIdentity(db, fixtureClock, { actor: fixtureActor, person: { lastName: 'X', firstName: 'Y', birthDate: null, rpps: '10001234567', profession: null } })).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT COUNT(*) AS n FROM identities WHERE last_name = 'X'").get()).toEqual({ n: 0 });
  });
});
