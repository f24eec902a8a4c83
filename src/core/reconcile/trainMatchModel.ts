import type { MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type CompareContext, type PairComparison } from '../../shared/matching/compareFeatures';
import { estimateMatchModel } from '../../shared/matching/estimateMatchModel';
import type { LevelVector, MatchModel } from '../../shared/matching/matchModel';
import type { MatchField } from '../../shared/matching/matchingConfig';
import { sortedTokens } from '../../shared/matching/compareNames';

export interface TrainMatchModelOptions {
  /** The identities' reference features (the people a record may be linked to). */
  references: readonly MatchFeatures[];
  /** Records to learn from (accounts, kept register entries), by index, with their features. */
  records: readonly number[];
  featuresOf(record: number): MatchFeatures;
  /** The seed's comparison context: only the levels are used here. */
  context: CompareContext;
  /** Reviewers' decisions as labelled pairs (record, identity, match). */
  labels?: readonly { record: number; identity: number; match: boolean }[];
  /** Records sampled for EM and random pairs for the u-probabilities. */
  sampleRecords?: number;
  randomPairs?: number;
  candidatesPerRecord?: number;
}

function levelsOf(comparison: PairComparison): LevelVector {
  const levels: LevelVector = {};
  // A surname found across birth and usage names is estimated as the same surname: too rare to learn apart.
  for (const item of comparison.evidence) levels[item.field] = item.level === 'crossed' ? 'exact' : item.level;
  return levels;
}

/** A small deterministic generator (mulberry32): the same data trains the same model. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One day in a century: the least chance two people share a birth date (few people, no collision seen). */
const leastBirthDateAgreement = 1 / 36_525;

/**
 * The chance that a record and a person who is not its own share their birth date. Counted over
 * every (record, person) pair, it also counts each record's own person: where most records have
 * their person among few people (FEBRL4: 5,000), that is most of the count. So it is bounded by the
 * chance that two different people of the establishment share one (a person has one row among
 * the people), itself no lower than one day in a century. 0 when either side has no date.
 */
export function birthDateAgreement(recordDates: readonly (string | null)[], personDates: readonly (string | null)[]): number {
  const counts = new Map<string, number>();
  let people = 0;
  for (const date of personDates) {
    if (date === null) continue;
    counts.set(date, (counts.get(date) ?? 0) + 1);
    people += 1;
  }
  let records = 0;
  let agreeing = 0;
  for (const date of recordDates) {
    if (date === null) continue;
    records += 1;
    agreeing += counts.get(date) ?? 0;
  }
  if (records === 0 || people === 0) return 0;
  let collidingPairs = 0;
  for (const count of counts.values()) collidingPairs += count * (count - 1);
  const amongPeople = people < 2 ? 1 : collidingPairs / (people * (people - 1));
  return Math.min(agreeing / (records * people), Math.max(amongPeople, leastBirthDateAgreement));
}

/** Bounds on the share of records that have their person here: a prior is never that sure. */
const [minMatchShare, maxMatchShare] = [0.5, 0.98];

/**
 * The prior odds of one (record, person) pair, ρ / ((1 − ρ) N), with ρ the share of sampled records
 * whose best blocked pair the model finds more likely a match than not (under ρ = 0.9 first): an
 * establishment whose accounts nearly all belong to staff gets a higher prior than one with many
 * service, interim and leftover accounts.
 */
function priorWeightOf(model: MatchModel, pairsOfRecord: readonly LevelVector[][], people: number): number {
  if (pairsOfRecord.length < 50) return model.priorWeight;
  let matched = 0;
  for (const pairs of pairsOfRecord) {
    let best = Number.NEGATIVE_INFINITY;
    for (const levels of pairs) {
      let weight = 0;
      for (const field in levels) weight += model.levels[field as MatchField]?.[levels[field as MatchField]!]?.weight ?? 0;
      best = Math.max(best, weight);
    }
    if (model.priorWeight + best > 0) matched += 1;
  }
  const share = Math.min(maxMatchShare, Math.max(minMatchShare, matched / pairsOfRecord.length));
  return Math.log2(share / ((1 - share) * Math.max(1, people)));
}

/**
 * Learns the establishment's Fellegi–Sunter model without labels: u from random (record, person)
 * pairs, m by EM over the pairs two blocking rules bring together (same surname; same birth date),
 * each rule's own field left out of its session; reviewers' decisions as fixed labels.
 */
export function trainMatchModel({
  references,
  records,
  featuresOf,
  context,
  labels = [],
  sampleRecords = 1_200,
  randomPairs = 8_000,
  candidatesPerRecord = 12,
}: TrainMatchModelOptions): MatchModel {
  const random = seededRandom(20_261_203);
  // Two blocking rules, as Splink trains: same surname (its level then says nothing), same birth date.
  const bySurname = new Map<string, number[]>();
  const byBirthDate = new Map<string, number[]>();
  const file = (map: Map<string, number[]>, key: string, identity: number) => {
    const members = map.get(key);
    if (members === undefined) map.set(key, [identity]);
    else if (members.at(-1) !== identity) members.push(identity);
  };
  references.forEach((reference, identity) => {
    for (const form of reference.lastNames) file(bySurname, sortedTokens(form), identity);
    if (reference.birthDate !== null) file(byBirthDate, reference.birthDate, identity);
  });
  const surnameSession: LevelVector[] = [];
  const birthSession: LevelVector[] = [];
  // Each sampled record's compared pairs, to estimate afterwards how many records have their person here.
  const pairsOfRecord: LevelVector[][] = [];
  const step = Math.max(1, records.length / sampleRecords);
  for (let position = 0; position < records.length; position += step) {
    const record = records[Math.floor(position)]!;
    const features = featuresOf(record);
    const surnames = new Set<number>();
    const blocks = (features.nameOrderUnknown ? features.firstNames : features.lastNames).map((form) => bySurname.get(sortedTokens(form)) ?? []);
    // A common surname (PAYET, MARTIN) has more bearers than the cap: those who share a given name
    // come first, or the record's own person is rarely compared and the share of records with a
    // person here (the prior) comes out far too low where surnames are concentrated.
    const givenTokens = new Set(features.firstNames);
    if (blocks.some((block) => block.length > candidatesPerRecord)) {
      for (const block of blocks) {
        for (const identity of block) {
          if (surnames.size >= candidatesPerRecord) break;
          if (references[identity]!.firstNames.some((token) => givenTokens.has(token))) surnames.add(identity);
        }
      }
    }
    for (const block of blocks) for (const identity of block) if (surnames.size < candidatesPerRecord) surnames.add(identity);
    const own: LevelVector[] = [];
    for (const identity of surnames) own.push(levelsOf(compareFeatures(features, references[identity]!, context)));
    surnameSession.push(...own);
    const born = features.birthDate === null ? [] : (byBirthDate.get(features.birthDate) ?? []).slice(0, candidatesPerRecord);
    for (const identity of born) {
      const levels = levelsOf(compareFeatures(features, references[identity]!, context));
      birthSession.push(levels);
      own.push(levels);
    }
    pairsOfRecord.push(own);
  }
  const randomLevels: LevelVector[] = [];
  if (records.length > 0 && references.length > 0) {
    for (let drawn = 0; drawn < randomPairs; drawn += 1) {
      const record = records[Math.floor(random() * records.length)]!;
      const identity = Math.floor(random() * references.length);
      randomLevels.push(levelsOf(compareFeatures(featuresOf(record), references[identity]!, context)));
    }
  }
  const exactAgreement = { birthDate: birthDateAgreement(records.map((record) => featuresOf(record).birthDate), references.map((reference) => reference.birthDate)) };
  const labelledPairs = labels.map((label) => ({ levels: levelsOf(compareFeatures(featuresOf(label.record), references[label.identity]!, context)), match: label.match }));
  const sessions = [
    { pairs: surnameSession, blockedFields: ['lastName'] as const },
    { pairs: birthSession, blockedFields: ['birthDate'] as const },
  ].filter((session) => session.pairs.length > 0);
  const model = estimateMatchModel({ randomPairs: randomLevels, sessions, labelledPairs, people: references.length, exactAgreement });
  return { ...model, priorWeight: priorWeightOf(model, pairsOfRecord, references.length) };
}
