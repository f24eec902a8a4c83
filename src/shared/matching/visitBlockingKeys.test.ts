import { describe, expect, it } from 'vitest';
import { buildMatchFeatures } from './buildMatchFeatures';
import { phoneticKeys } from './compareNames';
import { visitBlockingKeys, visitTypoKeys, type BlockingMode } from './visitBlockingKeys';

const keysOf = (attributes: Record<string, string>, mode: BlockingMode) => {
  const keys = new Set<string>();
  visitBlockingKeys(buildMatchFeatures({ attributes }), mode, (kind, value, initial) => keys.add(`${kind}:${value}:${initial}`));
  return keys;
};
const typoKeysOf = (attributes: Record<string, string>) => {
  const hashes = new Set<number>();
  visitTypoKeys(buildMatchFeatures({ attributes }), (hash) => hashes.add(hash));
  return hashes;
};
/** The kinds of key by which a query meets a filed reference (`typo` for a typing-error key). */
const meet = (query: Record<string, string>, reference: Record<string, string>) => {
  const filed = keysOf(reference, 'index');
  const kinds = [...keysOf(query, 'query')].filter((key) => filed.has(key)).map((key) => key.split(':')[0]);
  const filedTypos = typoKeysOf(reference);
  if ([...typoKeysOf(query)].some((hash) => filedTypos.has(hash))) kinds.push('typo');
  return kinds;
};

describe('visitBlockingKeys', () => {
  it('files a person under the given name in use of a civil list, where exact names are looked up', () => {
    const filed = keysOf({ lastName: 'LEBRETON', firstName: 'Manon, Élisabeth' }, 'index');
    expect([...keysOf({ lastName: 'Lebreton', firstName: 'Manon' }, 'exact-query')].some((key) => key.startsWith('fullName:') && filed.has(key))).toBe(true);
  });

  it('brings together a surname written in several words and the same one run together, particles included', () => {
    for (const [apart, together] of [['LE GALL', 'LEGALL'], ['DA SILVA', 'DASILVA'], ['DE LA FONTAINE', 'DELAFONTAINE'], ['AH-SING', 'AHSING'], ['MARTIN DUPONT', 'MARTINDUPONT']]) {
      expect(meet({ lastName: together!, firstName: 'Anne' }, { lastName: apart!, firstName: 'Anne' }), `${together} → ${apart}`).toContain('name');
      expect(meet({ lastName: apart!, firstName: 'Anne' }, { lastName: together!, firstName: 'Anne' }), `${apart} → ${together}`).toContain('name');
    }
    // A surname that merely ends like another with a particle before it is another name.
    expect(meet({ lastName: 'LEROY', firstName: 'Anne' }, { lastName: 'ROY', firstName: 'Anne' })).not.toContain('name');
  });

  it('brings together surnames one typing error apart whose sounds differ', () => {
    const pairs = [
      ['chandlder', 'chandler'], // a letter added
      ['brable', 'bramble'], // a letter dropped
      ['whiet', 'white'], // two letters swapped
      ['steniert', 'steinert'],
      ['grainger', 'graihner'], // a letter changed
    ];
    for (const [typed, registered] of pairs) {
      const kinds = meet({ lastName: typed!, firstName: 'Madison' }, { lastName: registered!, firstName: 'Madison' });
      expect(kinds, `${typed} / ${registered}`).toContain('typo');
    }
    // The point of the key: the sound alone does not bring the first one together.
    expect(phoneticKeys('chandlder')[0]).not.toBe(phoneticKeys('chandler')[0]);
  });

  it('keeps the given-name initial: a surname typo with another initial is not a candidate by this key', () => {
    expect(meet({ lastName: 'chandlder', firstName: 'Madison' }, { lastName: 'chandler', firstName: 'Paul' })).not.toContain('typo');
  });

  it('leaves short surnames to their exact and sound keys (too many neighbours one letter away)', () => {
    expect(typoKeysOf({ lastName: 'Reid', firstName: 'Joel' }).size).toBe(0);
    expect(meet({ lastName: 'Roux', firstName: 'Anne' }, { lastName: 'Rous', firstName: 'Anne' })).not.toContain('typo');
  });

  it('does not bring together surnames two errors apart', () => {
    expect(meet({ lastName: 'chandlder', firstName: 'Madison' }, { lastName: 'chantler', firstName: 'Madison' })).not.toContain('typo');
    expect(meet({ lastName: 'martinez', firstName: 'Paul' }, { lastName: 'martin', firstName: 'Paul' })).not.toContain('typo');
  });

  it('looks up only identifiers and exact names in exact-query mode', () => {
    const kinds = new Set([...keysOf({ lastName: 'Chandler', firstName: 'Madison', rpps: '10000000001', birthDate: '1980-01-02' }, 'exact-query')].map((key) => key.split(':')[0]));
    expect([...kinds].sort()).toEqual(['fullName', 'rpps']);
  });
});
