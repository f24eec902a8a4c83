import type { MatchModel } from './matchModel';
import { defaultNamesOnlyProbability, type MatchField, type MatchingConfig, type MatchLevel } from './matchingConfig';

/** The most a name's rarity may move its weight, in bits (a name nobody else carries, or one thousands carry). */
export const termFrequencyCapBits = 8;

/** 40 seed points (an identifier) ≈ 10 bits: only for levels the model could not estimate. */
const seedPointsInBits = 0.25;

function logit2(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

/**
 * The decision table of the calibrated policy: the model's match weights (bits) in place of points,
 * and the probability bands turned into thresholds on the summed weights (prior excluded). The
 * deterministic rules, review rules and everything else stay as configured.
 */
export function weightsConfigOf(model: MatchModel, config: MatchingConfig): MatchingConfig {
  // A level training never met (an account name only learned later in the run) keeps the seed's points, read as quarter-bits.
  const points: Partial<Record<MatchField, Partial<Record<MatchLevel, number>>>> = {};
  for (const [field, levels] of Object.entries(config.points) as [MatchField, Partial<Record<MatchLevel, number>>][]) {
    points[field] = Object.fromEntries(Object.entries(levels).map(([level, seedPoints]) => [level, seedPoints * seedPointsInBits]));
  }
  for (const [field, levels] of Object.entries(model.levels) as [MatchField, NonNullable<MatchModel['levels'][MatchField]>][]) {
    points[field] = { ...points[field], ...Object.fromEntries(Object.entries(levels).map(([level, parameters]) => [level, parameters.weight])) };
  }
  const exactSurname = model.levels.lastName?.exact;
  if (exactSurname !== undefined) points.lastName = { ...points.lastName, crossed: exactSurname.weight };
  const { automaticProbability, reviewProbability, namesOnlyProbability = defaultNamesOnlyProbability, homonymMarginBits } = config.calibrated;
  return {
    ...config,
    points,
    rareLastNameBonus: termFrequencyCapBits,
    rareFirstNameBonus: termFrequencyCapBits,
    automaticThreshold: logit2(automaticProbability) - model.priorWeight,
    namesOnlyThreshold: logit2(Math.max(automaticProbability, namesOnlyProbability)) - model.priorWeight,
    reviewThreshold: logit2(reviewProbability) - model.priorWeight,
    homonymMargin: homonymMarginBits,
  };
}
