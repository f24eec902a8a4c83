import type { NameFrequencies } from '../../shared/matching/createExactNameWeight';
import { foldName, surnameTokens } from '../../shared/matching/normalizeName';

/**
 * Counts how many people carry each surname form and each given-name spelling, as the comparators
 * fold them. Raw spellings are counted first and folded once each: two million register rows
 * carry a few hundred thousand spellings.
 */
export function countNameFrequencies(
  names: Iterable<readonly [lastName: string | null | undefined, firstName: string | null | undefined]>,
  /** Raw spellings already counted elsewhere (e.g. while the register was streamed), added to `names`. */
  counted: { lastNames: ReadonlyMap<string, number>; firstNames: ReadonlyMap<string, number>; population: number } = { lastNames: new Map(), firstNames: new Map(), population: 0 },
): NameFrequencies {
  const rawLast = new Map(counted.lastNames);
  const rawFirst = new Map(counted.firstNames);
  let population = counted.population;
  for (const [lastName, firstName] of names) {
    population += 1;
    if (lastName) rawLast.set(lastName, (rawLast.get(lastName) ?? 0) + 1);
    if (firstName) rawFirst.set(firstName, (rawFirst.get(firstName) ?? 0) + 1);
  }
  const lastNames = new Map<string, number>();
  for (const [raw, count] of rawLast) {
    const form = surnameTokens(raw).join(' ');
    if (form !== '') lastNames.set(form, (lastNames.get(form) ?? 0) + count);
  }
  const firstNames = new Map<string, number>();
  for (const [raw, count] of rawFirst) {
    const folded = foldName(raw);
    if (folded !== '') firstNames.set(folded, (firstNames.get(folded) ?? 0) + count);
  }
  return { lastNames, firstNames, population };
}
