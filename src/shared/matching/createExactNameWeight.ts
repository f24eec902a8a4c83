import type { MatchModel } from './matchModel';
import { termFrequencyCapBits } from './weightsConfigOf';

export interface NameFrequencies {
  /** Surname form → how many people carry it. */
  lastNames: ReadonlyMap<string, number>;
  /** Given names (folded, space-separated) → how many people carry them. */
  firstNames: ReadonlyMap<string, number>;
  /** How many people were counted. */
  population: number;
}

/**
 * Term-frequency adjustment of exact name agreement, as Splink does it: the weight of an exact
 * surname is log2(m / tf) where tf is the share of people carrying that very surname, instead of the
 * average u of the level. A surname 3,000 people share in the register weighs less than a rare one.
 * The adjustment stays within ± `termFrequencyCapBits` of the level's average weight.
 */
export function createExactNameWeight(model: MatchModel, frequencies: NameFrequencies): (field: 'lastName' | 'firstName', value: string) => number {
  const parametersOf = { lastName: model.levels.lastName?.exact, firstName: model.levels.firstName?.exact };
  const counts = { lastName: frequencies.lastNames, firstName: frequencies.firstNames };
  const population = Math.max(1, frequencies.population);
  return (field, value) => {
    const parameters = parametersOf[field];
    if (parameters === undefined) return 0;
    const share = Math.max(1, counts[field].get(value) ?? 1) / population;
    const adjustment = Math.max(-termFrequencyCapBits, Math.min(termFrequencyCapBits, Math.log2(parameters.u / share)));
    return parameters.weight + adjustment;
  };
}
