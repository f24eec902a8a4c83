import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit, isValidRpps } from './rpps';

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
});
