import { describe, expect, it } from 'vitest';
import { birthDateAgreement } from './trainMatchModel';

describe('birthDateAgreement', () => {
  it('is the chance that a record and a person taken at random share their birth date', () => {
    // Records: two of 1980-01-01, one of 1990-05-05; people: one of each, one of 2000-02-02.
    const records = ['1980-01-01', '1980-01-01', '1990-05-05', null];
    const people = ['1980-01-01', '1990-05-05', '2000-02-02', null];
    expect(birthDateAgreement(records, people)).toBeCloseTo((2 * 1 + 1 * 1) / (3 * 3), 12);
  });

  it('is 0 when one side has no birth date', () => {
    expect(birthDateAgreement([null], ['1980-01-01'])).toBe(0);
    expect(birthDateAgreement(['1980-01-01'], [])).toBe(0);
  });
});
