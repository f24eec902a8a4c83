import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit, isValidRpps, readRpps } from './rpps';

describe('RPPS numbers', () => {
  it('accepts the documented example and rejects a wrong key', () => {
    expect(isValidRpps('10100271385')).toBe(true);
    expect(isValidRpps('10100271384')).toBe(false);
    expect(isValidRpps('1010027138')).toBe(false);
    expect(isValidRpps('1010027138a')).toBe(false);
  });

  it('computes a key that validates', () => {
    expect(appendRppsCheckDigit('1010027138')).toBe('10100271385');
    for (const body of ['9970000001', '9990123456', '0000000000']) {
      expect(isValidRpps(appendRppsCheckDigit(body))).toBe(true);
    }
    expect(() => appendRppsCheckDigit('12')).toThrow(/10 significant digits/);
  });

  it('reads the 11-digit number and the national identifier 8 + RPPS, nothing else', () => {
    expect(readRpps('10100271385')).toBe('10100271385');
    expect(readRpps('810100271385')).toBe('10100271385');
    expect(readRpps(' 101 0027 1385 ')).toBe('10100271385');
    expect(readRpps('810100271384')).toBeNull();
    expect(readRpps('010100271385')).toBeNull();
    expect(readRpps('10100271384')).toBeNull();
    expect(readRpps('751234567')).toBeNull();
  });
});
