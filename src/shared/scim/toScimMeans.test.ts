import { describe, expect, it } from 'vitest';
import type { MieView } from '../api/enrollment.contract';
import { toScimMeans } from './toScimMeans';

const mie: MieView = {
  id: 'm-1', kind: 'badge', identifier: '04A1B2C3D4', identityId: 'p-1', holderName: 'MARTIN Claire', status: 'active',
  validFrom: '2026-12-01T08:00:00Z', validUntil: '2027-06-30T23:59:59Z', label: null, cardType: 'DESFIRE_EV2', additional: false,
  replacesMieId: null, createdBy: 'agent-7', createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z',
};

describe('toScimMeans', () => {
  it('publishes a badge with its model, validity, binder and site', () => {
    expect(toScimMeans(mie, { desk: 'bureau-badges', site: '750000001' })).toEqual({
      type: 'badge', value: '04A1B2C3D4', model: 'DESFIRE_EV2', status: 'active', validFrom: '2026-12-01T08:00:00Z', validUntil: '2027-06-30T23:59:59Z',
      boundAt: '2026-12-01T08:00:00Z', boundBy: 'agent-7@bureau-badges', site: '750000001',
    });
  });

  it('tells a CPE from a CPS, a temporary card, and revokes replaced or returned cards', () => {
    expect(toScimMeans({ ...mie, kind: 'cps', cardType: 'CPE' }, { desk: 'd' }).type).toBe('cpe');
    expect(toScimMeans({ ...mie, kind: 'cps', cardType: 'CPS4' }, { desk: 'd' }).type).toBe('cps');
    expect(toScimMeans({ ...mie, kind: 'temporary-badge', status: 'returned' }, { desk: 'd' })).toMatchObject({ type: 'temporary', status: 'revoked' });
    expect(toScimMeans({ ...mie, status: 'replaced' }, { desk: 'd' }).status).toBe('revoked');
    expect(toScimMeans({ ...mie, validUntil: null, cardType: null }, { desk: 'd' })).not.toHaveProperty('validUntil');
  });
});
