import type { MatchField, MatchLevel } from './matchingConfig';

/** m- and u-probabilities of one comparison level, and its match weight log2(m/u) in bits. */
export interface LevelParameters {
  m: number;
  u: number;
  weight: number;
}

/**
 * A Fellegi–Sunter model: per field and level, the probability of that level among true pairs (m,
 * estimated by EM on the establishment's records) and among random pairs (u), and the prior odds of a
 * match for one (record, person) pair.
 */
export interface MatchModel {
  /** log2 of the prior odds that a record and a person taken at random are the same: ρ / ((1 − ρ) N), ρ = 0.9 of records having a person among N. */
  priorWeight: number;
  levels: Partial<Record<MatchField, Partial<Record<MatchLevel, LevelParameters>>>>;
  /** How the m-probabilities were obtained, for the explanation and the bench. */
  training: {
    pairs: number;
    patterns: number;
    labelledPairs: number;
    randomPairs: number;
    iterations: number;
    /** Share of matches among the blocked training pairs, as EM found it. */
    matchShare: number;
  };
}

/** One compared pair reduced to its levels (missing fields left out). */
export type LevelVector = Partial<Record<MatchField, MatchLevel>>;
