import { describe, expect, it } from 'vitest';
import { birthDateAgreement } from './trainMatchModel';

describe('birthDateAgreement', () => {
  it('is the chance that a record and a person taken at random share their birth date, when people share dates more often', () => {
    // Records: two of 1980-01-01, one of 1990-05-05; people: two of 1980-01-01, one of 1990-05-05, one of 2000-02-02.
    const records = ['1980-01-01', '1980-01-01', '1990-05-05', null];
    const people = ['1980-01-01', '1980-01-01', '1990-05-05', '2000-02-02', null];
    const acrossPairs = (2 * 2 + 1 * 1) / (3 * 4);
    const amongPeople = (2 * 1) / (4 * 3);
    expect(amongPeople).toBeGreaterThan(acrossPairs / 3);
    expect(birthDateAgreement(records, people)).toBeCloseTo(Math.min(acrossPairs, amongPeople), 12);
  });

  it('does not count each record’s own person: where everyone has theirs, it is the chance between different people', () => {
    // 5,000 people with distinct dates, each with one record of the same date: every pair across agrees once per record.
    const people = Array.from({ length: 5000 }, (_, index) => new Date(Date.UTC(1920, 0, 1) + index * 7 * 86_400_000).toISOString().slice(0, 10));
    const records = [...people];
    const acrossPairs = 5000 / (5000 * 5000);
    const agreement = birthDateAgreement(records, people);
    expect(agreement).toBeCloseTo(1 / 36_525, 12);
    expect(agreement).toBeLessThan(acrossPairs / 5);
  });

  it('takes the pairs across when records are born on other days than the people', () => {
    const people = ['1980-01-01', '1980-01-01', '1990-05-05', '1990-05-05'];
    const records = ['1980-01-01', '2001-01-01', '2002-02-02', '2003-03-03'];
    expect(birthDateAgreement(records, people)).toBeCloseTo(2 / 16, 12);
  });

  it('is 0 when one side has no birth date', () => {
    expect(birthDateAgreement([null], ['1980-01-01'])).toBe(0);
    expect(birthDateAgreement(['1980-01-01'], [])).toBe(0);
  });
});
