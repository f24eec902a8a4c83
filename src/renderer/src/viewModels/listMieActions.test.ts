import { describe, expect, it } from 'vitest';
import type { MieView } from '../../../shared/api/enrollment.contract';
import { listMieActions } from './listMieActions';

const mie = (status: MieView['status'], identityId = 'p1'): MieView => ({
  id: 'm1',
  kind: 'badge',
  identifier: '04AA',
  identityId,
  holderName: 'Léa MARTIN',
  status,
  validFrom: '2026-11-29',
  validUntil: null,
  label: null,
  cardType: 'DESFIRE',
  additional: false,
  replacesMieId: null,
  createdBy: 'a',
  createdAt: '2026-11-29',
  updatedAt: '2026-11-29',
});

const office = ['mie.suspend', 'mie.resume', 'mie.declare-lost', 'mie.declare-stolen', 'mie.return', 'mie.expire', 'mie.replace', 'receipt.read'] as const;

describe('listMieActions', () => {
  it('offers what the status allows', () => {
    expect(listMieActions(mie('active'), office, 'agent')).toEqual(['suspend', 'declare-lost', 'declare-stolen', 'return', 'expire', 'replace', 'receipt']);
    expect(listMieActions(mie('suspended'), office, 'agent')).toEqual(['resume', 'declare-lost', 'declare-stolen', 'return', 'expire', 'replace', 'receipt']);
    expect(listMieActions(mie('lost'), office, 'agent')).toEqual(['replace', 'receipt']);
    expect(listMieActions(mie('replaced'), office, 'agent')).toEqual(['receipt']);
  });

  it('offers only what the role permits, and nothing on the agent’s own MIE', () => {
    expect(listMieActions(mie('active'), ['mie.suspend', 'mie.declare-lost', 'receipt.read'], 'agent')).toEqual(['suspend', 'declare-lost', 'receipt']);
    expect(listMieActions(mie('active', 'agent'), office, 'agent')).toEqual(['receipt']);
  });
});
