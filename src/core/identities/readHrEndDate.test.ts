import { describe, expect, it } from 'vitest';
import { insertIdentity, insertLink, insertRecord, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { readHrEndDate } from './readHrEndDate';

describe('readHrEndDate', () => {
  it('reads the end date of the anchoring HR record only', () => {
    const db = openFixtureDatabase();
    insertIdentity(db, { id: 'p-1', hrEndDate: '2027-01-01' });
    insertIdentity(db, { id: 'p-2' });
    insertLink(db, { recordId: insertRecord(db, { sourceId: 'sirh', key: 'A1', attributes: { endDate: '2026-12-02' } }), identityId: 'p-1' });
    insertLink(db, { recordId: insertRecord(db, { sourceId: 'ad', key: 'idurand', attributes: { endDate: '2020-01-01' } }), identityId: 'p-2', rule: 'names' });
    expect(readHrEndDate(db, 'p-1')).toBe('2026-12-02');
    expect(readHrEndDate(db, 'p-2')).toBeNull();
  });
});
