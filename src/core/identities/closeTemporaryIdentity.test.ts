import { describe, expect, it } from 'vitest';
import { fixtureClock, insertIdentity, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { closeTemporaryIdentity } from './closeTemporaryIdentity';

describe('closeTemporaryIdentity', () => {
  it('closes the temporary person today and keeps the row', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 't-1', status: 'temporary' });
    insertIdentity(db, { id: 't-2', status: 'temporary' });
    closeTemporaryIdentity(db, fixtureClock, { identityId: 't-1' });
    expect(db.prepare('SELECT id, status, hr_end_date FROM identities ORDER BY id').all()).toEqual([
      { id: 't-1', status: 'left', hr_end_date: '2026-12-03' },
      { id: 't-2', status: 'temporary', hr_end_date: null },
    ]);
  });
});
