import { describe, expect, it } from 'vitest';
import { compareBirthDates } from './compareBirthDates';

describe('compareBirthDates', () => {
  it('grades the ways a typed birth date goes wrong', () => {
    expect(compareBirthDates('1985-04-12', '1985-04-12')).toBe('exact');
    expect(compareBirthDates('1985-04-12', '1985-12-04')).toBe('swapped');
    expect(compareBirthDates('1985-04-12', '1985-04-13')).toBe('close');
    expect(compareBirthDates('1985-04-30', '1985-05-01')).toBe('close');
    // Across a new year, and never across two.
    expect(compareBirthDates('1980-12-31', '1981-01-01')).toBe('close');
    expect(compareBirthDates('1981-01-01', '1980-12-31')).toBe('close');
    expect(compareBirthDates('1979-12-31', '1981-01-01')).toBe('different');
    // One digit mistyped, two neighbours swapped (years and months alike).
    expect(compareBirthDates('1985-04-12', '1985-04-17')).toBe('typo');
    expect(compareBirthDates('1958-04-12', '1985-04-12')).toBe('typo');
    expect(compareBirthDates('1904-10-18', '1904-01-18')).toBe('typo');
    expect(compareBirthDates('1985-04-12', '1986-04-12')).toBe('typo');
    // Digits typed in a row (YYYYMMDD): a swap across the year and the month, even into an impossible month.
    expect(compareBirthDates('1940-34-07', '1943-04-07')).toBe('typo');
    expect(compareBirthDates('1950-53-09', '1955-03-09')).toBe('typo');
  });

  it('keeps the weaker levels for everything else', () => {
    expect(compareBirthDates('1985-04-12', '1985-07-29')).toBe('year');
    // Two digits apart that are not neighbours swapped: not one keystroke.
    expect(compareBirthDates('1985-04-12', '1985-04-28')).toBe('year');
    expect(compareBirthDates('1985-04-12', '1958-04-21')).toBe('different');
    expect(compareBirthDates('1985-04-12', '1985')).toBe('year');
    expect(compareBirthDates('1985', '1986-04-12')).toBe('different');
    expect(compareBirthDates('1985-04-12', null)).toBe('missing');
    expect(compareBirthDates('12/04/1985', '1985-04-12')).toBe('missing');
  });
});
