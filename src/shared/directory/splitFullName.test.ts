import { describe, expect, it } from 'vitest';
import { splitFullName } from './splitFullName';

const known = { givenNames: new Set(['anh', 'mael']), lastNames: new Set(['nguyen', 'thomas']) };

describe('splitFullName', () => {
  it('strips civilities and titles, keeping civilities as sex evidence and titles as none', () => {
    expect(splitFullName('Dr DUPONT Marie', 'last-first')).toEqual({ lastName: 'DUPONT', firstName: 'Marie' });
    expect(splitFullName('Docteur Marie DUPONT', 'first-last')).toEqual({ lastName: 'DUPONT', firstName: 'Marie' });
    expect(splitFullName('Mme Pr LE GALL Anne', 'auto')).toEqual({ lastName: 'LE GALL', firstName: 'Anne', sex: 'F' });
    expect(splitFullName('Madame Durand Claire', 'last-first')).toEqual({ lastName: 'Durand', firstName: 'Claire', sex: 'F' });
    expect(splitFullName('Mlle ROUX Léa', 'auto')).toMatchObject({ sex: 'F' });
    expect(splitFullName('M. PETIT Paul', 'auto')).toEqual({ lastName: 'PETIT', firstName: 'Paul', sex: 'M' });
    expect(splitFullName('Monsieur Paul PETIT', 'auto')).toEqual({ lastName: 'PETIT', firstName: 'Paul', sex: 'M' });
    expect(splitFullName('Professeur Paul PETIT', 'auto')).toEqual({ lastName: 'PETIT', firstName: 'Paul' });
    expect(splitFullName('Mme', 'auto')).toEqual({ sex: 'F' });
    expect(splitFullName('  ', 'auto')).toBeNull();
  });

  it('follows a declared order, the cut placed by case when the case tells', () => {
    expect(splitFullName('DUPONT JEAN PIERRE', 'last-first')).toEqual({ lastName: 'DUPONT', firstName: 'JEAN PIERRE' });
    expect(splitFullName('LE GALL Marie Anne', 'last-first')).toEqual({ lastName: 'LE GALL', firstName: 'Marie Anne' });
    expect(splitFullName('Jean Pierre DUPONT', 'first-last')).toEqual({ lastName: 'DUPONT', firstName: 'Jean Pierre' });
    expect(splitFullName('Marie DE LA TOUR', 'first-last')).toEqual({ lastName: 'DE LA TOUR', firstName: 'Marie' });
    // A declared order is never reversed, whatever the names look like.
    expect(splitFullName('Claire Martin', 'last-first')).toEqual({ lastName: 'Claire', firstName: 'Martin' });
  });

  it('decides the order per value in auto mode: case first, then known given names, then the other sources', () => {
    expect(splitFullName('MARTIN Claire', 'auto')).toEqual({ lastName: 'MARTIN', firstName: 'Claire' });
    expect(splitFullName('Claire MARTIN', 'auto')).toEqual({ lastName: 'MARTIN', firstName: 'Claire' });
    expect(splitFullName('Claire Dubois', 'auto')).toEqual({ lastName: 'Dubois', firstName: 'Claire' });
    expect(splitFullName('Dubois Claire', 'auto')).toEqual({ lastName: 'Dubois', firstName: 'Claire' });
    expect(splitFullName('Marie Anne Sophie LEBLANC', 'auto')).toEqual({ lastName: 'LEBLANC', firstName: 'Marie Anne Sophie' });
    // Names only the other sources know.
    expect(splitFullName('Anh Nguyen', 'auto', known)).toEqual({ lastName: 'Nguyen', firstName: 'Anh' });
    expect(splitFullName('Nguyen Anh', 'auto', known)).toEqual({ lastName: 'Nguyen', firstName: 'Anh' });
    expect(splitFullName('Thomas Maël', 'auto', known)).toEqual({ lastName: 'Thomas', firstName: 'Maël' });
  });

  it('reads initials as given names and keeps a single word as the last name', () => {
    expect(splitFullName('DURAND J.', 'auto')).toEqual({ lastName: 'DURAND', firstName: 'J.' });
    expect(splitFullName('J. Durand', 'auto')).toEqual({ lastName: 'Durand', firstName: 'J.' });
    expect(splitFullName('JP DURAND', 'auto')).toEqual({ lastName: 'DURAND', firstName: 'JP' });
    expect(splitFullName('Durand JP', 'auto')).toEqual({ lastName: 'Durand', firstName: 'JP' });
    expect(splitFullName('Dr Durand', 'auto')).toEqual({ lastName: 'Durand' });
  });

  it('keeps surname particles with the surname, whatever the case and the order', () => {
    expect(splitFullName('DE LA FONTAINE MARIE', 'auto')).toEqual({ lastName: 'DE LA FONTAINE', firstName: 'MARIE' });
    expect(splitFullName('DE LA FONTAINE MARIE', 'last-first')).toEqual({ lastName: 'DE LA FONTAINE', firstName: 'MARIE' });
    expect(splitFullName('LE BRIS YANN', 'auto')).toEqual({ lastName: 'LE BRIS', firstName: 'YANN' });
    expect(splitFullName('EL AMRANI FATIMA ZAHRA', 'auto')).toEqual({ lastName: 'EL AMRANI', firstName: 'FATIMA ZAHRA' });
    expect(splitFullName('Marie de La Fontaine', 'auto')).toEqual({ lastName: 'de La Fontaine', firstName: 'Marie' });
    expect(splitFullName('Marie de LA FONTAINE', 'auto')).toEqual({ lastName: 'de LA FONTAINE', firstName: 'Marie' });
    expect(splitFullName('Karim Ben Salah', 'auto')).toEqual({ lastName: 'Ben Salah', firstName: 'Karim' });
    expect(splitFullName('Ana Da Silva Ferreira', 'first-last')).toEqual({ lastName: 'Da Silva Ferreira', firstName: 'Ana' });
    // A Vietnamese middle name spelled like a particle stays a given name.
    expect(splitFullName('NGUYEN VAN MINH', 'auto', known)).toEqual({ lastName: 'NGUYEN', firstName: 'VAN MINH' });
    expect(splitFullName('Thi Mai Nguyen', 'auto')).toEqual({ lastName: 'Nguyen', firstName: 'Thi Mai' });
    // Nothing but a surname with its particle: no given name is made up.
    expect(splitFullName('LE GALL', 'auto')).toEqual({ lastName: 'LE GALL' });
    expect(splitFullName('de Villiers', 'last-first')).toEqual({ lastName: 'de Villiers' });
  });

  it('reads a DICOM person name by its separators, whatever the declared order', () => {
    expect(splitFullName('MULLER^ANNE', 'first-last')).toEqual({ lastName: 'MULLER', firstName: 'ANNE' });
    expect(splitFullName('MULLER^ANNE^^DR', 'auto')).toEqual({ lastName: 'MULLER', firstName: 'ANNE' });
    expect(splitFullName('SCHMITT^Marie^Odile^Mme', 'last-first')).toEqual({ lastName: 'SCHMITT', firstName: 'Marie Odile', sex: 'F' });
    expect(splitFullName('DE LA FONTAINE^JEAN-LUC', 'auto')).toEqual({ lastName: 'DE LA FONTAINE', firstName: 'JEAN-LUC' });
    expect(splitFullName('KLEIN', 'auto')).toEqual({ lastName: 'KLEIN' });
    expect(splitFullName('^^', 'auto')).toBeNull();
  });

  it('reads "LAST, First" with its comma and ignores remarks in brackets', () => {
    expect(splitFullName('Dupont, Jean', 'auto')).toEqual({ lastName: 'Dupont', firstName: 'Jean' });
    expect(splitFullName('DUPONT Jean (intérim)', 'auto')).toEqual({ lastName: 'DUPONT', firstName: 'Jean' });
    expect(splitFullName('[EXT] Marie LEROY', 'auto')).toEqual({ lastName: 'LEROY', firstName: 'Marie' });
  });

  it('keeps a married surname written with épouse, ép. or née whole, in either order', () => {
    expect(splitFullName('PAYET épouse HOARAU Marie-Claude', 'auto')).toEqual({ lastName: 'PAYET épouse HOARAU', firstName: 'Marie-Claude' });
    expect(splitFullName('Marie-Claude PAYET épouse HOARAU', 'auto')).toEqual({ lastName: 'PAYET épouse HOARAU', firstName: 'Marie-Claude' });
    expect(splitFullName('Payet ép. Hoarau Marie-Claude', 'last-first')).toEqual({ lastName: 'Payet ép. Hoarau', firstName: 'Marie-Claude' });
    expect(splitFullName('Mme HOARAU née PAYET Marie', 'auto')).toEqual({ lastName: 'HOARAU née PAYET', firstName: 'Marie', sex: 'F' });
    expect(splitFullName('PAYET EPOUSE HOARAU MARIE CLAUDE', 'last-first')).toEqual({ lastName: 'PAYET EPOUSE HOARAU', firstName: 'MARIE CLAUDE' });
  });
});
