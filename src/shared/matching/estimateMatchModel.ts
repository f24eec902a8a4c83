import type { LevelParameters, LevelVector, MatchModel } from './matchModel';
import type { MatchField, MatchLevel } from './matchingConfig';

export interface EstimateMatchModelOptions {
  /** Levels of pairs drawn at random (almost all non-matches): the u-probabilities. */
  randomPairs: readonly LevelVector[];
  /**
   * Training sessions, as Splink runs them: candidate pairs brought together by one blocking rule
   * (matches and non-matches mixed, unlabelled), and the fields that rule blocked on. EM finds the
   * m-probabilities of the other fields in each session (a blocked field agrees by construction);
   * a field's m is the mean over the sessions that did not block on it.
   */
  sessions: readonly { pairs: readonly LevelVector[]; blockedFields: readonly MatchField[] }[];
  /** Pairs a reviewer decided: accepted ones are matches, rejected ones are not (they stay fixed in EM). */
  labelledPairs?: readonly { levels: LevelVector; match: boolean }[];
  /** Number of people a record may be linked to: the prior odds of a match are 1 : (people − 1). */
  people: number;
  /**
   * u of a field's `exact` level known without sampling (from value frequencies: the chance that a
   * record and a person taken at random share the value). A few thousand random pairs can only say
   * "rarer than one in ten thousand" of a birth date; the frequencies say how much rarer.
   */
  exactAgreement?: Partial<Record<MatchField, number>>;
  iterations?: number;
}

/** Weights beyond these bounds would only say the model is sure of an estimate drawn from few pairs. */
const maxWeight = 24;
const minWeight = -16;
/** Share of records (accounts) that belong to someone here: fixes the prior, as Splink fixes λ. */
const recordMatchShare = 0.9;
/** Starting m-probabilities: agreement likely among matches. */
const agreeing: ReadonlySet<MatchLevel> = new Set(['exact', 'crossed']);

interface Pattern {
  levels: [MatchField, MatchLevel][];
  count: number;
  /** 1 or 0 for a labelled pattern; undefined: estimated. */
  fixed?: number;
}

function keyOf(levels: LevelVector): string {
  let key = '';
  for (const field in levels) key += `${field}=${levels[field as MatchField]}|`;
  return key;
}

function aggregate(pairs: readonly LevelVector[], fixed: number | undefined, into: Map<string, Pattern>): void {
  for (const levels of pairs) {
    const key = `${fixed ?? '?'}#${keyOf(levels)}`;
    const pattern = into.get(key);
    if (pattern !== undefined) pattern.count += 1;
    else into.set(key, { levels: Object.entries(levels) as [MatchField, MatchLevel][], count: 1, fixed });
  }
}

/** Level frequencies per field over the pairs, smoothed so that a level never seen is rare, not impossible. */
function distributionOf(patterns: Iterable<Pattern>, weightOf: (pattern: Pattern) => number, levelsSeen: Map<MatchField, Set<MatchLevel>>): Map<MatchField, Map<MatchLevel, number>> {
  const counts = new Map<MatchField, Map<MatchLevel, number>>();
  for (const pattern of patterns) {
    const weight = weightOf(pattern) * pattern.count;
    if (weight === 0) continue;
    for (const [field, level] of pattern.levels) {
      let levels = counts.get(field);
      if (levels === undefined) counts.set(field, (levels = new Map()));
      levels.set(level, (levels.get(level) ?? 0) + weight);
    }
  }
  const distribution = new Map<MatchField, Map<MatchLevel, number>>();
  for (const [field, seen] of levelsSeen) {
    const levels = counts.get(field) ?? new Map<MatchLevel, number>();
    let total = 0;
    for (const level of seen) total += levels.get(level) ?? 0;
    const pseudo = 0.5;
    const shares = new Map<MatchLevel, number>();
    for (const level of seen) shares.set(level, ((levels.get(level) ?? 0) + pseudo) / (total + pseudo * seen.size));
    distribution.set(field, shares);
  }
  return distribution;
}

/**
 * Estimates a Fellegi–Sunter model: u-probabilities from random pairs, m-probabilities by
 * expectation–maximisation over blocked candidate pairs (u held fixed, as Splink trains m), with the
 * reviewers' decisions as fixed labels. Pairs are grouped by their pattern of levels first, so EM runs
 * over a few thousand patterns whatever the number of pairs. Pure and deterministic.
 */
export function estimateMatchModel({ randomPairs, sessions, labelledPairs = [], people, exactAgreement = {}, iterations = 40 }: EstimateMatchModelOptions): MatchModel {
  const random = new Map<string, Pattern>();
  aggregate(randomPairs, undefined, random);
  const levelsSeen = new Map<MatchField, Set<MatchLevel>>();
  const see = (vectors: Iterable<LevelVector>) => {
    for (const levels of vectors) {
      for (const [field, level] of Object.entries(levels) as [MatchField, MatchLevel][]) {
        let seen = levelsSeen.get(field);
        if (seen === undefined) levelsSeen.set(field, (seen = new Set()));
        seen.add(level);
      }
    }
  };
  see(randomPairs);
  for (const session of sessions) see(session.pairs);
  see(labelledPairs.map((pair) => pair.levels));
  const u = distributionOf(random.values(), () => 1, levelsSeen);
  for (const [field, known] of Object.entries(exactAgreement) as [MatchField, number][]) {
    const shares = u.get(field);
    const sampled = shares?.get('exact');
    if (shares === undefined || sampled === undefined || !(known > 0 && known < 1)) continue;
    // The other levels keep their sampled proportions of what is left.
    for (const [level, share] of shares) shares.set(level, level === 'exact' ? known : (share * (1 - known)) / (1 - sampled));
  }

  const estimates = new Map<MatchField, Map<MatchLevel, number>[]>();
  let patternsTotal = 0;
  let iterationsDone = 0;
  let matchShareSum = 0;
  for (const session of sessions) {
    const blocked = new Set(session.blockedFields);
    const strip = (levels: LevelVector): LevelVector => {
      const kept: LevelVector = {};
      for (const field in levels) if (!blocked.has(field as MatchField)) kept[field as MatchField] = levels[field as MatchField];
      return kept;
    };
    const training = new Map<string, Pattern>();
    aggregate(session.pairs.map(strip), undefined, training);
    aggregate(labelledPairs.filter((pair) => pair.match).map((pair) => strip(pair.levels)), 1, training);
    aggregate(labelledPairs.filter((pair) => !pair.match).map((pair) => strip(pair.levels)), 0, training);
    const sessionSeen = new Map([...levelsSeen].filter(([field]) => !blocked.has(field)));
    const { m, matchShare, done } = runEm([...training.values()], u, sessionSeen, iterations);
    patternsTotal += training.size;
    iterationsDone += done;
    matchShareSum += matchShare;
    for (const [field, shares] of m) {
      const list = estimates.get(field) ?? [];
      list.push(shares);
      estimates.set(field, list);
    }
  }

  const levels: MatchModel['levels'] = {};
  for (const [field, seen] of levelsSeen) {
    const list = estimates.get(field);
    if (list === undefined) continue;
    const parameters: Partial<Record<MatchLevel, LevelParameters>> = {};
    for (const level of seen) {
      const mp = list.reduce((sum, shares) => sum + shares.get(level)!, 0) / list.length;
      const up = u.get(field)!.get(level)!;
      parameters[level] = { m: mp, u: up, weight: Math.max(minWeight, Math.min(maxWeight, Math.log2(mp / up))) };
    }
    levels[field] = parameters;
  }
  // A record has a person here with probability ρ, any of the N equally: prior odds of one pair ρ / ((1 − ρ) N).
  return {
    priorWeight: Math.log2(recordMatchShare / ((1 - recordMatchShare) * Math.max(1, people))),
    levels,
    training: {
      pairs: sessions.reduce((sum, session) => sum + session.pairs.length, 0),
      patterns: patternsTotal,
      labelledPairs: labelledPairs.length,
      randomPairs: randomPairs.length,
      iterations: iterationsDone,
      matchShare: sessions.length === 0 ? 0 : matchShareSum / sessions.length,
    },
  };
}

/** EM with u fixed: the posterior of each pattern, then m as the posterior-weighted level shares, until stable. */
function runEm(patterns: Pattern[], u: Map<MatchField, Map<MatchLevel, number>>, levelsSeen: Map<MatchField, Set<MatchLevel>>, iterations: number) {
  let m = new Map<MatchField, Map<MatchLevel, number>>();
  for (const [field, seen] of levelsSeen) {
    const agreeingSeen = [...seen].filter((level) => agreeing.has(level)).length;
    const shares = new Map<MatchLevel, number>();
    for (const level of seen) shares.set(level, agreeing.has(level) ? 0.9 / agreeingSeen : (agreeingSeen === 0 ? 1 : 0.1) / (seen.size - agreeingSeen));
    m.set(field, shares);
  }
  const posterior = new Float64Array(patterns.length);
  let matchShare = 0.1;
  let done = 0;
  for (; done < iterations; done += 1) {
    const priorLog = Math.log(matchShare / (1 - matchShare));
    let matches = 0;
    let total = 0;
    let change = 0;
    patterns.forEach((pattern, index) => {
      let logOdds = priorLog;
      for (const [field, level] of pattern.levels) logOdds += Math.log(m.get(field)!.get(level)! / u.get(field)!.get(level)!);
      const estimate = pattern.fixed ?? 1 / (1 + Math.exp(-Math.max(-700, Math.min(700, logOdds))));
      change = Math.max(change, Math.abs(estimate - posterior[index]!));
      posterior[index] = estimate;
      if (pattern.fixed === undefined) {
        matches += estimate * pattern.count;
        total += pattern.count;
      }
    });
    const byPattern = new Map(patterns.map((pattern, index) => [pattern, posterior[index]!]));
    m = distributionOf(patterns, (pattern) => byPattern.get(pattern)!, levelsSeen);
    matchShare = Math.min(0.99, Math.max(1e-6, total === 0 ? 0.1 : matches / total));
    if (change < 1e-5 && done > 2) break;
  }
  return { m, matchShare, done };
}
