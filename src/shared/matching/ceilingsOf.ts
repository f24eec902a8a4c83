import { memoizeByObject } from '../text/memoizeByObject';
import type { MatchField, MatchingConfig, MatchLevel } from './matchingConfig';

const fields: readonly MatchField[] = ['rpps', 'hrId', 'adId', 'lastName', 'firstName', 'birthDate', 'sex', 'service', 'email', 'login', 'profession', 'finess'];

/** Points of a field at a level; `missing` is worth nothing, whatever the configuration. */
export function pointsFor(config: MatchingConfig, field: MatchField, level: MatchLevel): number {
  return level === 'missing' ? 0 : (config.points[field]?.[level] ?? 0);
}

/** The most a field can give, per configuration: bounds on a pair or a record before names are compared. */
export interface Ceilings {
  /** Best points of each field at any level (0 at worst: a missing value); exact given names with their rarity bonus. */
  any: Record<MatchField, number>;
  /** Best points of each field at a level other than `exact`. */
  notExact: Record<MatchField, number>;
  /** An exact surname with the rare-surname bonus. */
  lastNameExact: number;
}

export const ceilingsOf = memoizeByObject((config: MatchingConfig): Ceilings => {
  const best = (field: MatchField, keep: (level: string) => boolean) =>
    Math.max(0, ...Object.entries(config.points[field] ?? {}).flatMap(([level, points]) => (keep(level) && level !== 'missing' ? [points] : [])));
  const any = Object.fromEntries(fields.map((field) => [field, best(field, () => true)])) as Record<MatchField, number>;
  any.firstName = Math.max(any.firstName, pointsFor(config, 'firstName', 'exact') + (config.rareFirstNameBonus ?? 0));
  const notExact = Object.fromEntries(fields.map((field) => [field, best(field, (level) => level !== 'exact')])) as Record<MatchField, number>;
  return { any, notExact, lastNameExact: Math.max(pointsFor(config, 'lastName', 'exact') + config.rareLastNameBonus, notExact.lastName) };
});
