import { describe, expect, it } from 'vitest';
import { formatRppsExtractLine } from './formatRppsExtractLine';
import { readRegisterActivities } from './readRegisterActivities';

const row = {
  "Type d'identifiant PP": '8', 'Identifiant PP': '10100271385', 'Code profession': '60', 'Libellé profession': 'Infirmier', 'Code mode exercice': 'S',
  'Numéro FINESS site': '990000011', 'Numéro FINESS établissement juridique': '990000003', 'Raison sociale site': 'CHU LA PORTE VERTE', 'Code rôle': 'FON-01',
};

describe('readRegisterActivities', () => {
  it('reads one activity per extract row, in either layout', () => {
    const lines = [formatRppsExtractLine(row), formatRppsExtractLine({ ...row, 'Numéro FINESS site': '750000001', 'Code mode exercice': 'L' }, 52)];
    expect(readRegisterActivities(JSON.stringify({ lines }))).toEqual([
      { professionCode: '60', professionLabel: 'Infirmier', modeCode: 'S', finessSite: '990000011', finessEj: '990000003', siteName: 'CHU LA PORTE VERTE', roleCode: 'FON-01' },
      // The 52-column layout predates the role column.
      { professionCode: '60', professionLabel: 'Infirmier', modeCode: 'L', finessSite: '750000001', finessEj: '990000003', siteName: 'CHU LA PORTE VERTE', roleCode: '' },
    ]);
  });

  it('finds no activity in a raw form without rows', () => {
    expect(readRegisterActivities('{}')).toEqual([]);
    expect(readRegisterActivities(JSON.stringify({ lines: 'not rows' }))).toEqual([]);
  });
});
