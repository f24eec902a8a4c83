import { describe, expect, it } from 'vitest';
import { generateSyntheticHospital } from '../../../test/support/generateSyntheticHospital';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type CompareContext } from '../../shared/matching/compareFeatures';
import { defaultMatchingConfig } from '../../shared/matching/matchingConfig';
import { needsExactNames } from '../../shared/matching/needsExactNames';
import { indexIdentities } from './indexIdentities';

// What the index's bounded scoring relies on, checked against full comparisons on a labelled hospital.
const hospital = generateSyntheticHospital({ seed: 31, employees: 300 });
const features = hospital.records.map((record) =>
  buildMatchFeatures({ attributes: record.attributes, finess: record.finess, accountKey: record.role === 'directory' || record.role === 'application' ? record.key : undefined }),
);
const references = features.filter((_, index) => hospital.records[index]!.role === 'hr');
const counts = new Map<string, number>();
for (const reference of references) for (const form of reference.lastNames) counts.set(form, (counts.get(form) ?? 0) + 1);
const context: CompareContext = { config: defaultMatchingConfig, establishmentFiness: new Set(hospital.establishmentFiness), lastNameCount: (form) => counts.get(form) ?? 1 };
const floor = defaultMatchingConfig.reviewThreshold - defaultMatchingConfig.homonymMargin;
// Local records and register entries of professionals elsewhere (homonyms of staff included), each against every identity.
const queries = [
  ...features.filter((_, index) => hospital.records[index]!.role !== 'hr').slice(0, 250),
  ...features.filter((_, index) => hospital.records[index]!.role === 'register' && hospital.records[index]!.personId === null).slice(0, 150),
];

describe('bounded scoring', () => {
  it('drops a pair only when it can reach neither a rule, a review rule nor the floor, and scores the others in full', { timeout: 60_000 }, () => {
    let dropped = 0;
    let kept = 0;
    const wrong: string[] = [];
    for (const record of queries) {
      for (const reference of references) {
        const full = compareFeatures(record, reference, context);
        const bounded = compareFeatures(record, reference, context, { floor });
        if (bounded === null) {
          dropped += 1;
          if (full.rule !== null || full.reviewRule !== null || full.score >= floor) wrong.push(`${JSON.stringify(record.lastNames)} dropped at ${full.score}`);
        } else {
          kept += 1;
          if (JSON.stringify(bounded) !== JSON.stringify(full)) wrong.push(`${JSON.stringify(record.lastNames)} scored differently`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(dropped).toBeGreaterThan(kept);
    expect(kept).toBeGreaterThan(0);
  });

  it('needs exact names only for records no identity can claim otherwise', { timeout: 60_000 }, () => {
    let exactOnly = 0;
    const wrong: string[] = [];
    for (const record of queries) {
      if (!needsExactNames(record, context, floor)) continue;
      exactOnly += 1;
      for (const reference of references) {
        const full = compareFeatures(record, reference, context);
        const level = (field: string) => full.evidence.find((item) => item.field === field)?.level;
        const sharesIdentifier = ['rpps', 'hrId', 'adId', 'email'].some((field) => level(field) === 'exact');
        const sameNames = level('lastName') === 'exact' && level('firstName') === 'exact';
        if (!sharesIdentifier && !sameNames && (full.rule !== null || full.reviewRule !== null || full.score >= floor)) wrong.push(`${JSON.stringify(record.lastNames)} reaches ${full.score}`);
      }
    }
    expect(wrong).toEqual([]);
    // Register entries elsewhere are the case; local records (accounts, staff's own entries) are not.
    expect(exactOnly).toBeGreaterThan(0);
    expect(exactOnly).toBeLessThan(queries.length);
  });
});

describe('typing-error keys', () => {
  const person = (lastName: string, firstName: string, rpps?: string) => buildMatchFeatures({ attributes: { lastName, firstName, ...(rpps === undefined ? {} : { rpps }) } });
  const people = [person('CHANDLER', 'Madison', '10067643816'), person('CHANDLDER', 'Madison'), person('WHITE', 'Noah')];
  const index = indexIdentities({ references: people, config: defaultMatchingConfig, establishmentFiness: [] });

  it('compares a record with the person whose surname is one typing error away, sound aside', () => {
    expect(index.score(person('CHANDLDR', 'Madison')).seen).toEqual(expect.arrayContaining([0, 1]));
    expect(index.score(person('WHIET', 'Noah')).seen).toEqual([2]);
    // Another initial, or two errors away, is not a neighbour.
    expect(index.score(person('WHIET', 'Paul')).seen).toEqual([]);
    expect(index.score(person('WHAIET', 'Noah')).seen).toEqual([]);
    expect(index.block(person('WHIET', 'Noah'), 10)).toEqual([2]);
  });

  it('is a rescue: not opened when another key found a candidate that links by itself', () => {
    const exact = index.score(person('CHANDLER', 'Madison', '10067643816'));
    expect(exact.candidates[0]?.identity).toBe(0);
    expect(exact.candidates[0]?.rule).not.toBeNull();
    // CHANDLDER is one letter from CHANDLER, yet a record whose exact names link is not compared with it.
    expect(exact.seen).not.toContain(1);
    // Without the RPPS nothing links by itself: the neighbour is compared.
    expect(index.score(person('CHANDLER', 'Madison')).seen).toContain(1);
  });
});
