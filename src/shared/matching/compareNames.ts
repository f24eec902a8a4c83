// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- talisman has no typings; projects that reach this file only through imports (tests) need the declarations too
/// <reference path="./talisman.d.ts" />
import { distance } from 'fastest-levenshtein';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import fonem from 'talisman/phonetics/french/fonem';
import phonex from 'talisman/phonetics/french/phonex';
import type { ComparisonLevel } from './matchingConfig';

export interface NameComparison {
  level: ComparisonLevel;
  comparator: string;
  left: string;
  right: string;
}

const genderEndings = new Set(['E', 'NE', 'LE', 'TE', 'TTE', 'INE', 'ETTE', 'IENNE', 'ELLE']);

/** Denis/Denise, Jean/Jeanne, Daniel/Danielle: one edit apart, yet two different people. */
export function isGenderVariant(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short) && genderEndings.has(long.slice(short.length));
}

const phoneticCache = new Map<string, readonly [phonex: string, fonem: string]>();

/** Phonex and FONEM keys of a folded name, cached: surnames repeat a lot across sources. */
export function phoneticKeys(name: string): readonly [phonex: string, fonem: string] {
  let keys = phoneticCache.get(name);
  if (keys === undefined) {
    const plain = name.replace(/ /g, '');
    keys = [phonex(plain), fonem(plain)];
    if (phoneticCache.size > 200_000) phoneticCache.clear();
    phoneticCache.set(name, keys);
  }
  return keys;
}

/** Same French sound: Phonex or FONEM agree and the spellings stay close. */
function soundsAlike(a: string, b: string): boolean {
  const [phonexA, fonemA] = phoneticKeys(a);
  const [phonexB, fonemB] = phoneticKeys(b);
  return (phonexA === phonexB || fonemA === fonemB) && jaroWinkler(a.replace(/ /g, ''), b.replace(/ /g, '')) >= 0.85;
}

/** Two neighbouring letters typed in the wrong order ("WBEB" for "WEBB"). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] === b[index]) continue;
    if (first === -1) first = index;
    else return index === first + 1 && a[first] === b[index] && a[index] === b[first] && a.slice(index + 1) === b.slice(index + 1);
  }
  return false;
}

function isTypo(a: string, b: string): boolean {
  // The edit distance is at least the difference in length: not computed when that already exceeds one.
  return Math.min(a.length, b.length) >= 4 && ((Math.abs(a.length - b.length) <= 1 && distance(a, b) <= 1) || isTransposition(a, b) || jaroWinkler(a, b) >= 0.93);
}

const rank: Record<ComparisonLevel, number> = {
  exact: 0, part: 1, compatible: 2, phonetic: 3, close: 4, swapped: 5, inverted: 6, different: 7, missing: 8,
};

function best(comparisons: NameComparison[]): NameComparison {
  return comparisons.reduce((winner, next) => (rank[next.level] < rank[winner.level] ? next : winner));
}

const sortedCache = new Map<string, string>();

/** A surname form with its tokens in alphabetical order ("MARTIN DUPONT" → "DUPONT MARTIN"), cached. */
export function sortedTokens(form: string): string {
  let sorted = sortedCache.get(form);
  if (sorted === undefined) {
    sorted = form.includes(' ') ? form.split(' ').sort().join(' ') : form;
    if (sortedCache.size > 200_000) sortedCache.clear();
    sortedCache.set(form, sorted);
  }
  return sorted;
}

/** A compound surname form written without its spaces ("AH SING" → "AHSING"); a single word as it is. */
export function compactSurname(form: string): string {
  if (!form.includes(' ')) return form;
  let compact = compactCache.get(form);
  if (compact === undefined) {
    compact = form.replace(/ /g, '');
    if (compactCache.size > 200_000) compactCache.clear();
    compactCache.set(form, compact);
  }
  return compact;
}
const compactCache = new Map<string, string>();

/** Two surname forms are the same name: identical, the same parts in another order, or the same parts run together ("AH SING", "AHSING"). */
export function isSameLastName(a: string, b: string): boolean {
  if (a === b) return true;
  const compoundA = a.includes(' ');
  const compoundB = b.includes(' ');
  // Only a compound form can be the same parts in another order or spaced otherwise.
  if (!compoundA && !compoundB) return false;
  return (compoundA && compoundB && sortedTokens(a) === sortedTokens(b)) || compactSurname(a) === compactSurname(b);
}

/** Two given-name lists are the same: identical, or a compound spelled with or without its space. */
export function isSameFirstName(left: readonly string[], right: readonly string[]): boolean {
  return left.length > 0 && right.length > 0 && (left.length === 1 && right.length === 1 ? left[0] === right[0] : left.join('') === right.join(''));
}

/**
 * One side's surname as written in several words, particles kept and run together ("LE GALL" →
 * "LEGALL"), is the other's written in one ("LEGALL"): the same name, a particle glued by an export.
 */
export function isRunTogether(left: readonly string[], right: readonly string[], leftJoined: readonly string[] | undefined, rightJoined: readonly string[] | undefined): boolean {
  if (leftJoined !== undefined) for (const joined of leftJoined) for (const form of right) if (compactSurname(form) === joined) return true;
  if (rightJoined !== undefined) for (const joined of rightJoined) for (const form of left) if (compactSurname(form) === joined) return true;
  if (leftJoined !== undefined && rightJoined !== undefined) for (const joined of leftJoined) if (rightJoined.includes(joined)) return true;
  return false;
}

/** Surname forms: identical (or run together: `isRunTogether`), one shared part (compound or birth/usage name), same sound, a typo, or different. */
export function compareLastNames(left: readonly string[], right: readonly string[], leftJoined?: readonly string[], rightJoined?: readonly string[]): NameComparison {
  if (left.length === 0 || right.length === 0) return { level: 'missing', comparator: 'none', left: left[0] ?? '', right: right[0] ?? '' };
  if ((leftJoined !== undefined || rightJoined !== undefined) && !left.some((a) => right.some((b) => isSameLastName(a, b))) && isRunTogether(left, right, leftJoined, rightJoined)) {
    return { level: 'exact', comparator: 'run together', left: left[0]!, right: right[0]! };
  }
  const comparisons: NameComparison[] = [];
  for (const a of left) {
    for (const b of right) {
      if (isSameLastName(a, b)) comparisons.push({ level: 'exact', comparator: 'equal', left: a, right: b });
      // Only a compound form has a part to share (two single words that differ share nothing).
      else if ((a.includes(' ') || b.includes(' ')) && a.split(' ').some((token) => token.length > 1 && b.split(' ').includes(token))) comparisons.push({ level: 'part', comparator: 'shared part', left: a, right: b });
      else if (soundsAlike(a, b)) comparisons.push({ level: 'phonetic', comparator: 'phonex/fonem', left: a, right: b });
      else if (isTypo(a.replace(/ /g, ''), b.replace(/ /g, ''))) comparisons.push({ level: 'close', comparator: 'levenshtein/jaro-winkler', left: a, right: b });
      else comparisons.push({ level: 'different', comparator: 'levenshtein/jaro-winkler', left: a, right: b });
    }
  }
  return best(comparisons);
}

function initialsOf(tokens: readonly string[]): string {
  return tokens.map((token) => token[0]).join('');
}

/** "J" or "JP" for Jean-Pierre. (Module level, like every helper on a hot path: tsx's keepNames wraps each named closure on every call.) */
function isInitials(short: readonly string[], long: readonly string[]): boolean {
  const typed = short.join('');
  return typed.length >= 1 && typed.length <= 2 && long.length >= 1 && initialsOf(long).startsWith(typed);
}

function sharesGivenName(left: readonly string[], right: readonly string[]): boolean {
  for (const name of left) if (name.length > 1 && right.includes(name)) return true;
  return false;
}

/**
 * The given name in use on one side is the other's first civil given name ("Manon" and "Manon,
 * Élisabeth"), or both lists start with the same one: the same name in use. The name that agreed.
 */
export function sameGivenNameInUse(left: readonly string[], right: readonly string[], leftFirst: readonly string[] | undefined, rightFirst: readonly string[] | undefined): readonly string[] | null {
  if (rightFirst !== undefined && isSameFirstName(left, rightFirst)) return rightFirst;
  if (leftFirst !== undefined && isSameFirstName(leftFirst, right)) return leftFirst;
  if (leftFirst !== undefined && rightFirst !== undefined && isSameFirstName(leftFirst, rightFirst)) return rightFirst;
  return null;
}

/** Given names: identical (or the one in use: `sameGivenNameInUse`), compatible (first of several, initials, compound spelled apart), same sound, typo, or different. */
export function compareFirstNames(left: readonly string[], right: readonly string[], leftFirst?: readonly string[], rightFirst?: readonly string[]): NameComparison {
  const a = left.join(' ');
  const b = right.join(' ');
  if (a === '' || b === '') return { level: 'missing', comparator: 'none', left: a, right: b };
  if (isSameFirstName(left, right)) return { level: 'exact', comparator: 'equal', left: a, right: b };
  if (leftFirst !== undefined || rightFirst !== undefined) {
    // The right side names the weight's term frequency: the name in use, not the whole civil list.
    const inUse = sameGivenNameInUse(left, right, leftFirst, rightFirst);
    if (inUse !== null) return { level: 'exact', comparator: 'given name in use', left: a, right: inUse.join(' ') };
  }
  const [firstA, firstB] = [left[0]!, right[0]!];
  if (isGenderVariant(firstA, firstB)) return { level: 'different', comparator: 'gender variant', left: a, right: b };
  if (firstA === firstB) return { level: 'compatible', comparator: 'first given name', left: a, right: b };
  if (isInitials(left, right) || isInitials(right, left)) return { level: 'compatible', comparator: 'initials', left: a, right: b };
  // Several civil given names ("Marie Hélène Sophie") against the one in use ("Hélène").
  if (sharesGivenName(left, right)) return { level: 'compatible', comparator: 'any given name', left: a, right: b };
  if (soundsAlike(firstA, firstB)) return { level: 'phonetic', comparator: 'phonex/fonem', left: a, right: b };
  if (isTypo(firstA, firstB)) return { level: 'close', comparator: 'levenshtein/jaro-winkler', left: a, right: b };
  return { level: 'different', comparator: 'levenshtein/jaro-winkler', left: a, right: b };
}
