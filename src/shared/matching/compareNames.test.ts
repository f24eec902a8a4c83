import { describe, expect, it } from 'vitest';
import { compareFirstNames, compareLastNames, isGenderVariant } from './compareNames';
import { foldName, surnameTokens } from './normalizeName';
import { mapProfessionCode } from './mapProfessionCode';
import { matchesLoginPattern } from './matchesLoginPattern';

const last = (...names: string[]) => names.map((name) => surnameTokens(name).join(' '));
const first = (name: string) => foldName(name).split(' ');

describe('French name normalization', () => {
  it('folds case, accents, ligatures, hyphens and apostrophes', () => {
    expect(foldName("Lœuillet-D'Aubigné")).toBe('LOEUILLET D AUBIGNE');
    expect(foldName('ÇÉLINE Ëlise Ünal')).toBe('CELINE ELISE UNAL');
  });
  it('drops particles but keeps a surname made of one', () => {
    expect(surnameTokens("D'Almeida")).toEqual(['ALMEIDA']);
    expect(surnameTokens('de La Fontaine')).toEqual(['FONTAINE']);
    expect(surnameTokens('Van den Berg')).toEqual(['BERG']);
    expect(surnameTokens('Le')).toEqual(['LE']);
  });
});

describe('surname comparison', () => {
  it('treats particles, double names in any order and birth/usage names as the same person', () => {
    expect(compareLastNames(last('DALMEIDA'), last("D'ALMEIDA")).level).not.toBe('exact');
    expect(compareLastNames(last("D'Almeida"), last('ALMEIDA')).level).toBe('exact');
    expect(compareLastNames(last('MARTIN-DUPONT'), last('DUPONT MARTIN')).level).toBe('exact');
    expect(compareLastNames(last('MARTIN-DUPONT'), last('DUPONT')).level).toBe('part');
    expect(compareLastNames(last('BERNARD', 'MARTIN'), last('MARTIN')).level).toBe('exact');
  });
  it('grades sound-alikes and typos below identity, and tells different names apart', () => {
    expect(compareLastNames(last('LEFEBVRE'), last('LEFEVRE')).level).toBe('phonetic');
    expect(compareLastNames(last('DUPONT'), last('DUMONT')).level).toBe('close');
    expect(compareLastNames(last('DUPONT'), last('GIRARD')).level).toBe('different');
    expect(compareLastNames([], last('GIRARD')).level).toBe('missing');
  });
});

describe('given-name comparison', () => {
  it('refuses masculine/feminine pairs one edit apart', () => {
    expect(isGenderVariant('DENIS', 'DENISE')).toBe(true);
    expect(compareFirstNames(first('Denis'), first('Denise')).level).toBe('different');
    expect(compareFirstNames(first('Daniel'), first('Danielle')).level).toBe('different');
    expect(compareFirstNames(first('Jean'), first('Jeanne')).level).toBe('different');
  });
  it('accepts initials, compound spellings and the first of several given names as compatible', () => {
    expect(compareFirstNames(first('Jean-Pierre'), first('Jean Pierre')).level).toBe('exact');
    expect(compareFirstNames(first('Jean-Pierre'), first('JEANPIERRE')).level).toBe('exact');
    expect(compareFirstNames(first('J.'), first('Jean')).level).toBe('compatible');
    expect(compareFirstNames(first('JP'), first('Jean-Pierre')).level).toBe('compatible');
    expect(compareFirstNames(first('Marie'), first('Marie Hélène Sophie')).level).toBe('compatible');
    expect(compareFirstNames(first('Hélène'), first('HELENE')).level).toBe('exact');
    expect(compareFirstNames(first('Nathalie'), first('Natalie')).level).toBe('phonetic');
    expect(compareFirstNames(first('Sophie'), first('Claire')).level).toBe('different');
    expect(compareFirstNames(first('Hélène'), first('Marie Hélène Sophie'))).toMatchObject({ level: 'compatible', comparator: 'any given name' });
  });
});

describe('birth dates, logins and professions', () => {
  it('matches prenom.nom, pnom and NOM_PRE account patterns', () => {
    expect(matchesLoginPattern('jean-pierre.martin', ['JEAN', 'PIERRE'], ['MARTIN'])).toBe(true);
    expect(matchesLoginPattern('jmartin2', ['JEAN'], ['MARTIN'])).toBe(true);
    expect(matchesLoginPattern('MARTIN_JEA', ['JEAN'], ['MARTIN'])).toBe(true);
    expect(matchesLoginPattern('pdurand', ['JEAN'], ['MARTIN'])).toBe(false);
    expect(matchesLoginPattern('laetitia.d-almeida', ['LAETITIA'], ['ALMEIDA'])).toBe(true);
    expect(matchesLoginPattern('tvandenberg', ['THEO'], ['BERG'])).toBe(true);
  });
  it('maps HR grades and application labels to TRE_G15 codes', () => {
    expect(mapProfessionCode('Infirmier diplômé d’État')).toBe('60');
    expect(mapProfessionCode('Praticien hospitalier')).toBe('10');
    expect(mapProfessionCode('Chirurgien-dentiste')).toBe('40');
    expect(mapProfessionCode('Aide-soignante')).toBe('35');
    expect(mapProfessionCode('Sage-femme')).toBe('50');
    expect(mapProfessionCode('10')).toBe('10');
    expect(mapProfessionCode('Adjoint administratif')).toBeNull();
    expect(mapProfessionCode('Pharmacien praticien hospitalier')).toBe('21');
    expect(mapProfessionCode('Assistant spécialiste')).toBe('10');
    expect(mapProfessionCode('Chef de clinique des universités - assistant des hôpitaux')).toBe('10');
    expect(mapProfessionCode('FFI')).toBe('10');
    expect(mapProfessionCode('Technicien(ne) de laboratoire médical')).toBe('86');
    expect(mapProfessionCode('Assistant(e) médico-administratif(ve)')).toBeNull();
  });
});
