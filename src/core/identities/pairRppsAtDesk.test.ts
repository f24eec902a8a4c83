import { describe, expect, it } from 'vitest';
import { factsOf, fixtureActor, fixtureClock, insertIdentity, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { pairRppsAtDesk } from './pairRppsAtDesk';

describe('pairRppsAtDesk', () => {
  it('gives the person the RPPS, makes it searchable and records who paired it', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1' });
    pairRppsAtDesk(db, fixtureClock, { actor: fixtureActor, identityId: 'p-1', rpps: '10001234567' });
    expect(db.prepare('SELECT rpps, search_text FROM identities WHERE id = ?').get('p-1')).toEqual({ rpps: '10001234567', search_text: 'durand ines 10001234567' });
    expect(db.prepare('SELECT fact, value, decided_by FROM identity_desk_facts').all()).toEqual([{ fact: 'rpps', value: '10001234567', decided_by: 'agent-1' }]);
    expect(db.prepare("SELECT identity_id FROM identity_search_words WHERE word = '10001234567'").pluck().all()).toEqual(['p-1']);
    insertIdentity(db, { id: 'p-2', lastName: 'ROBERT' });
    expect(() => pairRppsAtDesk(db, fixtureClock, { actor: fixtureActor, identityId: 'p-2', rpps: '10001234567' })).toThrow(/UNIQUE/);
    expect(factsOf(db, 'p-2')).toEqual([]);
  });
});
