import { describe, expect, it } from 'vitest';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { defaultMatchingConfig } from '../../shared/matching/matchingConfig';
import { indexIdentities } from './indexIdentities';
import { birthDateAgreement, trainMatchModel } from './trainMatchModel';

describe('trainMatchModel', () => {
  it('finds that nearly every account has its person here even where a few surnames are carried by dozens of people', () => {
    // An overseas hospital: 5 surnames for 300 people (60 bearers each, far beyond the 12 compared), 60 given names.
    const surnames = ['PAYET', 'HOAREAU', 'GRONDIN', 'FONTAINE', 'RIVIERE'];
    const givenNames = 'MARIE JEAN NATHALIE PHILIPPE SANDRINE THIERRY ISABELLE PASCAL SOPHIE ERIC CELINE DAVID VALERIE FREDERIC CHRISTINE LAURENT PATRICIA OLIVIER SYLVIE STEPHANE CATHERINE NICOLAS MARTINE CHRISTOPHE NADINE FRANCK BRIGITTE BRUNO AURELIE JULIEN EMILIE SEBASTIEN JOHANNA LUDOVIC MANON KEVIN CLAIRE MICKAEL SABRINA YANNICK FABIOLA JOHNNY VANESSA CEDRIC MELANIE JEROME AMANDINE GUILLAUME LAETITIA ARNAUD MURIEL GREGORY JESSICA DIDIER CORINNE SERGE ELODIE TONY DOMINIQUE GILLES'.split(' ');
    const people = surnames.flatMap((lastName) => givenNames.map((firstName) => ({ lastName, firstName })));
    const references = people.map((attributes, index) => buildMatchFeatures({ attributes: { ...attributes, hrId: String(1000 + index), birthDate: `19${60 + (index % 40)}-0${1 + (index % 9)}-1${index % 10}` } }));
    // Their AD accounts carry the two names only; one in ten is nobody's here (a namesake from elsewhere).
    const accounts = people.map((attributes, index) => buildMatchFeatures({ attributes: index % 10 === 9 ? { lastName: attributes.lastName, firstName: 'AUTREPRENOM' } : attributes }));
    const model = trainMatchModel({
      references,
      records: accounts.map((_, index) => index),
      featuresOf: (record) => accounts[record]!,
      context: indexIdentities({ references: [], config: defaultMatchingConfig, establishmentFiness: [] }).context,
      sampleRecords: 300,
    });
    // Prior odds ρ / ((1 − ρ) N): ρ ≈ 0.9 here, not the floor of 0.5 it falls to when the own person is not among those compared.
    const share = 1 / (1 + 1 / (2 ** model.priorWeight * people.length));
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.95);
  });
});

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
