import { describe, expect, it } from 'vitest';
import type { CanonicalAttributes } from '../directory/canonicalAttributes';
import { buildMatchFeatures, givenNamesListInSource } from './buildMatchFeatures';
import { compareFeatures, type CompareContext, type FieldEvidence } from './compareFeatures';
import { defaultMatchingConfig } from './matchingConfig';

const context: CompareContext = { config: defaultMatchingConfig, establishmentFiness: new Set(['750000001', '750000002']), lastNameCount: () => 1 };
const person = (attributes: CanonicalAttributes, accountKey?: string, finess?: string[]) => buildMatchFeatures({ attributes, accountKey, finess });
const field = (evidence: readonly FieldEvidence[], name: FieldEvidence['field']) => evidence.find((item) => item.field === name);

describe('compareFeatures', () => {
  it('reads swapped columns as inverted, and the names as given when they agree', () => {
    const reference = person({ lastName: 'Dupont', firstName: 'Jean' });
    const swapped = compareFeatures(person({ lastName: 'Jean', firstName: 'Dupont' }), reference, context);
    expect([field(swapped.evidence, 'lastName')?.level, field(swapped.evidence, 'firstName')?.level]).toEqual(['inverted', 'inverted']);
    expect(field(swapped.evidence, 'lastName')?.comparator).toBe('inverted order');
    const given = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jean' }), reference, context);
    expect([field(given.evidence, 'lastName')?.level, field(given.evidence, 'firstName')?.level]).toEqual(['exact', 'exact']);
    // A typo in the given name: the names as given still win over the inverted reading.
    const typo = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jaen' }), reference, context);
    expect(field(typo.evidence, 'lastName')?.level).toBe('exact');
  });

  it('reads a one-column name in either order, record by record, the same tokens giving the same readings', () => {
    const reference = person({ lastName: 'Martin Dupont', firstName: 'Anne Sophie' });
    for (let round = 0; round < 2; round += 1) {
      const lastFirst = compareFeatures(person({ fullName: 'MARTIN DUPONT Anne Sophie' }), reference, context);
      expect([field(lastFirst.evidence, 'lastName')?.level, field(lastFirst.evidence, 'firstName')?.level]).toEqual(['exact', 'exact']);
      const firstLast = compareFeatures(person({ fullName: 'Anne Sophie Martin Dupont' }), reference, context);
      expect([field(firstLast.evidence, 'lastName')?.level, field(firstLast.evidence, 'firstName')?.level]).toEqual(['exact', 'exact']);
    }
    const other = compareFeatures(person({ fullName: 'LEROY Paul' }), reference, context);
    expect(field(other.evidence, 'lastName')?.level).toBe('different');
  });

  it('reads a surname written "DUPONT épouse MARTIN" or "MARTIN née DUPONT" as the usage and birth names', () => {
    const reference = person({ lastName: 'Payet', birthName: 'Hoarau', firstName: 'Marie-Claude' });
    for (const lastName of ['HOARAU épouse PAYET', 'Hoarau ép. Payet', 'PAYET née HOARAU']) {
      const married = person({ lastName, firstName: 'Marie-Claude' });
      expect(married.lastNames).toEqual(['PAYET', 'HOARAU']);
      expect(field(compareFeatures(married, reference, context).evidence, 'lastName')?.level).toBe('exact');
    }
    // Against the birth name alone (an HR export that keeps only it): the names crossed, as for a birth-name column.
    const birthOnly = compareFeatures(person({ lastName: 'HOARAU épouse PAYET', firstName: 'Marie-Claude' }), person({ lastName: 'Hoarau', firstName: 'Marie-Claude' }), context);
    expect(field(birthOnly.evidence, 'lastName')?.level).toBe('crossed');
    // A birth-name column wins over the one the surname carries.
    expect(person({ lastName: 'PAYET née HOARAU', birthName: 'Hoareau' }).lastNames).toEqual(['PAYET', 'HOAREAU']);
  });

  it('reads a surname run together as the same name written apart, particles included, and no other', () => {
    for (const [apart, together] of [['Le Gall', 'LEGALL'], ['Da Silva', 'DASILVA'], ['de La Fontaine', 'DELAFONTAINE'], ['Ah-Sing', 'AHSING'], ['Martin-Dupont', 'MARTINDUPONT'], ["N'Diaye", 'NDIAYE']]) {
      for (const [record, reference] of [[together, apart], [apart, together]]) {
        const compared = compareFeatures(person({ lastName: record!, firstName: 'Anne' }), person({ lastName: reference!, firstName: 'Anne' }), context);
        expect(field(compared.evidence, 'lastName')?.level, `${record} / ${reference}`).toBe('exact');
        // The bounded comparison knows it before comparing the names: the pair is not let go.
        expect(compareFeatures(person({ lastName: record!, firstName: 'Anne' }), person({ lastName: reference!, firstName: 'Anne' }), context, { floor: 40 })).not.toBeNull();
      }
    }
    // "LEROY" is not "ROY", nor "DUPONT" "PONT": a glued particle counts only against the name written with it.
    for (const [record, reference] of [['LEROY', 'Roy'], ['DUPONT', 'Pont']]) {
      expect(field(compareFeatures(person({ lastName: record!, firstName: 'Anne' }), person({ lastName: reference!, firstName: 'Anne' }), context).evidence, 'lastName')?.level).not.toBe('exact');
    }
  });

  it('reads the given name in use as the first of a civil list, for the names and for the account patterns', () => {
    const civil = person({ lastName: 'Boyer', firstName: 'Jean-Luc, Raymond' });
    expect(civil.firstGivenName).toEqual(['JEAN', 'LUC']);
    const inUse = compareFeatures(person({ lastName: 'BOYER', firstName: 'Jean-Luc', email: 'jean-luc.boyer@chu.re' }, 'jl.boyer'), civil, context);
    expect(field(inUse.evidence, 'firstName')).toMatchObject({ level: 'exact', comparator: 'given name in use' });
    expect([field(inUse.evidence, 'login')?.level, field(inUse.evidence, 'email')?.level]).toEqual(['compatible', 'compatible']);
    // Words separated by spaces may be one compound given name ("Thi Lan", "Marie Claire"): no name in use is read from them.
    expect(field(compareFeatures(person({ lastName: 'Tran', firstName: 'Thi Mai' }), person({ lastName: 'TRAN', firstName: 'Thi Lan' }), context).evidence, 'firstName')?.level).toBe('compatible');
    expect(field(compareFeatures(person({ lastName: 'Tran', firstName: 'Thi' }), person({ lastName: 'TRAN', firstName: 'Thi Lan' }), context).evidence, 'firstName')?.level).toBe('compatible');
    // Two lists with commas agree on the name in use when they start alike.
    expect(field(compareFeatures(person({ lastName: 'Boyer', firstName: 'Marie, Anne' }), person({ lastName: 'BOYER', firstName: 'Marie, Claire' }), context).evidence, 'firstName')?.level).toBe('exact');
    // "Jean" is not "Jean-Luc": the first given name of the list is the whole compound.
    expect(field(compareFeatures(person({ lastName: 'BOYER', firstName: 'Jean' }), civil, context).evidence, 'firstName')?.level).toBe('compatible');
    // A second civil given name alone stays a weaker agreement.
    expect(field(compareFeatures(person({ lastName: 'BOYER', firstName: 'Raymond' }), civil, context).evidence, 'firstName')?.level).toBe('compatible');
    expect(person({ firstName: 'Manon' }).firstGivenName).toBeUndefined();
  });

  it('reads the first word as the given name in use when the source lists civil given names with spaces', () => {
    const listed = buildMatchFeatures({ attributes: { lastName: 'TURPIN', firstName: 'Danielle Marie' }, givenNamesListed: true });
    expect(listed.firstGivenName).toEqual(['DANIELLE']);
    expect(buildMatchFeatures({ attributes: { firstName: 'Jean-Luc Raymond' }, givenNamesListed: true }).firstGivenName).toEqual(['JEAN', 'LUC']);
    expect(field(compareFeatures(person({ lastName: 'Turpin', firstName: 'Danielle' }), listed, context).evidence, 'firstName')?.level).toBe('exact');
    // Elsewhere the same words may be one compound: no name in use.
    expect(person({ firstName: 'Danielle Marie' }).firstGivenName).toBeUndefined();
    // A source lists civil given names when many of its people have several; a column of names in use has a few compounds.
    const names = (several: number) => Array.from({ length: 100 }, (_, index) => (index < several ? 'Danielle Marie' : 'Danielle'));
    expect(givenNamesListInSource(names(60))).toBe(true);
    expect(givenNamesListInSource(names(10))).toBe(false);
    expect(givenNamesListInSource(['Danielle Marie', 'Anne Claire'])).toBe(false);
  });

  it('takes no card serial nor numeric user id for an account name', () => {
    const reference = person({ lastName: 'Maillot', firstName: 'Mélissa' });
    for (const key of ['0067835036', '04A2B3C1', '04a2b3c1d2e3f4', '125']) {
      expect(person({ fullName: 'MAILLOT Mélissa' }, key).logins, key).toEqual([]);
      expect(field(compareFeatures(person({ lastName: 'MAILLOT', firstName: 'Mélissa' }, key), reference, context).evidence, 'login')?.level ?? 'missing', key).toBe('missing');
    }
    expect(person({ lastName: 'MAILLOT' }, 'MAILLOTM01').logins).toEqual(['maillotm01']);
    expect(person({ lastName: 'MAILLOT' }, 'm.maillot').logins).toEqual(['m.maillot']);
  });

  it('finds a shared part only in compound surnames, and a sound or a typo in single ones', () => {
    const compound = compareFeatures(person({ lastName: 'Martin', firstName: 'Anne' }), person({ lastName: 'Martin Dupont', firstName: 'Anne' }), context);
    expect(field(compound.evidence, 'lastName')?.level).toBe('part');
    const sound = compareFeatures(person({ lastName: 'Gauthier', firstName: 'Anne' }), person({ lastName: 'Gautier', firstName: 'Anne' }), context);
    expect(field(sound.evidence, 'lastName')?.level).toBe('phonetic');
    const apart = compareFeatures(person({ lastName: 'Martin', firstName: 'Anne' }), person({ lastName: 'Bernard', firstName: 'Anne' }), context);
    expect(field(apart.evidence, 'lastName')?.level).toBe('different');
  });

  it('knows the same account written with or without separators, and a mailbox built from the names', () => {
    const reference = person({ lastName: 'Dupont', firstName: 'Jean', adId: 'jean.dupont' });
    const account = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jean' }, 'jeandupont'), reference, context);
    expect(field(account.evidence, 'login')).toMatchObject({ level: 'exact', comparator: 'same account', left: 'jeandupont' });
    const mailbox = compareFeatures(person({ lastName: 'Dupond', firstName: 'Jean', email: 'jean.dupont@autre-domaine.fr' }), person({ lastName: 'Dupont', firstName: 'Jean' }), context);
    expect(field(mailbox.evidence, 'email')).toMatchObject({ level: 'compatible', comparator: 'name pattern', right: 'JEAN DUPONT' });
    const pattern = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jean' }, 'jdupont'), person({ lastName: 'Dupont', firstName: 'Jean' }), context);
    expect(field(pattern.evidence, 'login')).toMatchObject({ level: 'compatible', left: 'jdupont', right: 'JEAN DUPONT' });
  });

  it('shows the establishment’s FINESS numbers beside a register activity, and nothing without one', () => {
    const reference = person({ lastName: 'Dupont', firstName: 'Jean' });
    const here = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jean' }, undefined, ['750000002']), reference, context);
    expect(field(here.evidence, 'finess')).toMatchObject({ level: 'exact', left: '750000002', right: '750000001 750000002' });
    const elsewhere = compareFeatures(person({ lastName: 'Dupont', firstName: 'Jean' }, undefined, ['130000009']), reference, context);
    expect(field(elsewhere.evidence, 'finess')).toMatchObject({ level: 'different', left: '130000009' });
    expect(field(compareFeatures(reference, reference, context).evidence, 'finess')).toBeUndefined();
  });
});
