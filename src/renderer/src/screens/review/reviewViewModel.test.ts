import { describe, expect, it } from 'vitest';
import { buildEvidenceRows, listRecordFacts, reviewActionForKey } from './reviewViewModel';

describe('review view model', () => {
  it('orders evidence by weight, signs points and sums them', () => {
    const { rows, total } = buildEvidenceRows([
      { field: 'service', left: 'URG', right: 'URG', level: 'exact', comparator: 'equal', points: 5 },
      { field: 'birthDate', left: '1980-03-12', right: '1981-03-12', level: 'different', comparator: 'calendar', points: -25 },
      { field: 'lastName', left: 'MARTIN', right: 'MARTIN', level: 'exact', comparator: 'equal', points: 20 },
      { field: 'profession', left: null, right: '60', level: 'different', comparator: 'TRE_G15', points: 0 },
    ]);
    expect(rows.map((row) => [row.fieldKey, row.points, row.tone])).toEqual([
      ['review.field.birthDate', '−25', 'against'],
      ['review.field.lastName', '+20', 'for'],
      ['review.field.service', '+5', 'for'],
      ['review.field.profession', '0', 'neutral'],
    ]);
    expect(rows[3]!.recordValue).toBe('—');
    expect(rows[3]!.personValue).toBe('Infirmier');
    expect([rows[0]!.recordValue, rows[0]!.personValue]).toEqual(['12/03/1980', '12/03/1981']);
    expect(buildEvidenceRows([{ field: 'birthDate', left: '1980-03-12', right: '1980-03', level: 'different', comparator: 'calendar', points: 0 }], 'en').rows[0]).toMatchObject({ recordValue: '12 Mar 1980', personValue: '1980-03' });
    expect(rows[2]!.recordValue).toBe('Urgences');
    expect(buildEvidenceRows([{ field: 'service', left: 'URG', right: 'XYZ9', level: 'different', comparator: 'equal', points: 0 }], 'en').rows[0]).toMatchObject({ recordValue: 'Emergency department', personValue: 'Service (code XYZ9)' });
    expect(total).toBe('0');
  });

  it('lists the useful record facts in a fixed order', () => {
    expect(listRecordFacts({ service: 'URG', lastName: 'DUPONT', enabled: true, firstName: '', adId: 'adupont' })).toEqual([
      ['lastName', 'DUPONT'],
      ['adId', 'adupont'],
      ['service', 'Urgences'],
    ]);
    expect(listRecordFacts({ service: 'Bloc opératoire', profession: '21' }, 'en')).toEqual([
      ['service', 'Bloc opératoire'],
      ['profession', 'Pharmacist'],
    ]);
  });

  it('maps one key to each action', () => {
    expect(['a', 'R', 'ArrowLeft', 'ArrowRight', 'm', 'x', '4'].map(reviewActionForKey)).toEqual(['accept', 'reject', 'previous', 'next', 'reason', null, null]);
    expect(['1', '3'].map(reviewActionForKey)).toEqual([{ namesake: 0 }, { namesake: 2 }]);
  });
});
