import { describe, expect, it } from 'vitest';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { createElsewhereNamesakeTest } from './createElsewhereNamesakeTest';

const here = '990000011';
const person = (attributes: CanonicalAttributes) => buildMatchFeatures({ attributes });
const entry = (attributes: CanonicalAttributes, finess: string[]) => buildMatchFeatures({ attributes, finess });

describe('createElsewhereNamesakeTest', () => {
  const held = appendRppsCheckDigit('1010000006');
  const other = appendRppsCheckDigit('1010000007');
  const isNamesakeElsewhere = createElsewhereNamesakeTest({
    references: [person({ lastName: 'LE GOFF', firstName: 'Annaïg', profession: 'Infirmière', rpps: held }), person({ lastName: 'MORVAN', firstName: 'Erwan' })],
    establishmentFiness: [here],
  });

  it('keeps aside an entry elsewhere, of another profession, whose RPPS nobody here holds', () => {
    expect(isNamesakeElsewhere(entry({ rpps: other, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001']))).toBe(true);
    // Nobody here of that name at all, or a person without a profession: nothing to agree on either.
    expect(isNamesakeElsewhere(entry({ rpps: other, lastName: 'MORVAN', firstName: 'ERWAN', profession: '60' }, ['350000001']))).toBe(true);
  });

  it('leaves every entry that could still be somebody here to the register phase', () => {
    // The person's profession.
    expect(isNamesakeElsewhere(entry({ rpps: other, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '60' }, ['350000001']))).toBe(false);
    // An activity here.
    expect(isNamesakeElsewhere(entry({ rpps: other, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001', here]))).toBe(false);
    // An RPPS held here, an invalid one (it would not be told apart), none, or no activity at all.
    expect(isNamesakeElsewhere(entry({ rpps: held, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001']))).toBe(false);
    expect(isNamesakeElsewhere(entry({ rpps: '10100000000', lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001']))).toBe(false);
    expect(isNamesakeElsewhere(entry({ lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001']))).toBe(false);
    expect(isNamesakeElsewhere(entry({ rpps: other, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, []))).toBe(false);
  });

  it('says nothing without the establishment’s FINESS', () => {
    const withoutFiness = createElsewhereNamesakeTest({ references: [person({ lastName: 'LE GOFF', firstName: 'Annaïg' })], establishmentFiness: [] });
    expect(withoutFiness(entry({ rpps: other, lastName: 'LE GOFF', firstName: 'ANNAIG', profession: '10' }, ['350000001']))).toBe(false);
  });
});
