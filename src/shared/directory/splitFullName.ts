import { normalizeForSearch } from '../text/normalizeForSearch';
import { foldName, surnameParticles } from '../matching/normalizeName';
import { frenchGivenNames } from './frenchGivenNames';

export type NameOrder = 'last-first' | 'first-last' | 'auto';

/** Names the other sources of the establishment already hold, folded by `normalizeForSearch`. */
export interface KnownNames {
  givenNames: ReadonlySet<string>;
  lastNames: ReadonlySet<string>;
}

export interface SplitName {
  lastName?: string;
  firstName?: string;
  /** From a civility (Mme, Madame, Mlle → F; M., Monsieur → M); titles (Dr, Pr) say nothing. */
  sex?: 'M' | 'F';
}

/** Civilities and titles, folded (lower case, no final dot), with what they say about sex. */
const civilities = new Map<string, 'M' | 'F' | null>([
  ['dr', null], ['docteur', null], ['pr', null], ['professeur', null],
  ['mme', 'F'], ['madame', 'F'], ['mlle', 'F'], ['mademoiselle', 'F'],
  ['m.', 'M'], ['mr', 'M'], ['monsieur', 'M'],
]);

function civilityOf(word: string): 'M' | 'F' | null | undefined {
  const lower = word.toLowerCase();
  // "M." only with its dot: a bare "M" is more often an initial.
  if (lower === 'm.') return 'M';
  return civilities.get(lower.replace(/\.$/, ''));
}

const hasTwoLetters = (word: string): boolean => /\p{L}.*\p{L}/u.test(word);
const isUpperWord = (word: string): boolean => hasTwoLetters(word) && word === word.toUpperCase() && word !== word.toLowerCase();
/** "J.", "J", "J.-P.", "JP" (capitals without a vowel): initials stand for given names. */
const isInitial = (word: string): boolean =>
  (/^(\p{Lu}\.?-?){1,3}$/u.test(word) && (word.includes('.') || word.length === 1)) || /^[B-DF-HJ-NP-TV-XZ]{2,3}$/.test(word);

function knownIn(word: string, names: ReadonlySet<string>): boolean {
  const parts = normalizeForSearch(word).split(' ').filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => names.has(part));
}

/**
 * Words that introduce a surname ("de La Fontaine", "Da Silva", "Ben Salah", "El Amrani", "Van den
 * Berg"), folded: a name group never ends with one, and a given name rarely holds one. The
 * comparison's particles, and those it keeps as part of the surname (BEN SALAH compares whole).
 */
const introducers: ReadonlySet<string> = new Set([...surnameParticles, 'DO', 'DEL', 'DELLA', 'TER', 'TEN', 'BEN', 'EL', 'AL', 'AIT']);
const isParticle = (word: string): boolean => introducers.has(foldName(word));

/** Words that join a birth name and a married name inside one surname ("DUPONT épouse MARTIN", "MARTIN née DUPONT"), folded. */
const maritalConnectors: ReadonlySet<string> = new Set(['EPOUSE', 'EPSE', 'EP', 'EPOUX', 'VEUVE', 'VVE', 'VEUF', 'NEE', 'NE']);
const isConnector = (word: string): boolean => maritalConnectors.has(foldName(word));

/**
 * Points against a cut that strands a particle: it ends a group (-10), or sits among the given names
 * (-3); and against one that leaves a marital connector anywhere but inside the surname (-10).
 */
function particlePenalty(surname: readonly string[], given: readonly string[]): number {
  if ((surname.length > 0 && isParticle(surname.at(-1)!)) || (given.length > 0 && isParticle(given.at(-1)!))) return -10;
  if (given.some(isConnector) || (surname.length > 0 && (isConnector(surname[0]!) || isConnector(surname.at(-1)!)))) return -10;
  // "NGUYEN Van Minh": a Vietnamese middle name spelled as a particle; only a small penalty.
  return given.some(isParticle) ? -3 : 0;
}

interface Candidate {
  surnameFirst: boolean;
  /** Words of the surname. */
  size: number;
}

function scoreCandidate(words: readonly string[], { surnameFirst, size }: Candidate, known: KnownNames, mixedCase: boolean): number {
  const surname = surnameFirst ? words.slice(0, size) : words.slice(words.length - size);
  const given = surnameFirst ? words.slice(size) : words.slice(0, words.length - size);
  // A surname in capitals may keep its particles in lower case ("Marie de LA FONTAINE").
  let score = particlePenalty(surname, given) + (given.length === 0 ? wholeSurnamePenalty : 0);
  if (mixedCase) score += surname.every((word) => isUpperWord(word) || isParticle(word) || isConnector(word)) && !given.some((word) => isUpperWord(word) && !isInitial(word) && !isParticle(word)) ? 8 : -8;
  for (const word of given) {
    if (isParticle(word)) continue;
    if (isInitial(word)) score += 3;
    else if (knownIn(word, frenchGivenNames) || knownIn(word, known.givenNames)) score += 2;
    if (knownIn(word, known.lastNames) && !knownIn(word, known.givenNames) && !knownIn(word, frenchGivenNames)) score -= 2;
  }
  for (const word of surname) {
    if (isParticle(word) || isConnector(word)) continue;
    if (isInitial(word)) score -= 3;
    if (knownIn(word, known.lastNames)) score += 2;
    else if (knownIn(word, frenchGivenNames) || knownIn(word, known.givenNames)) score -= 2;
  }
  return score;
}

/** A value read as a surname alone ("LE GALL"): only when every cut strands a particle. */
const wholeSurnamePenalty = -6;

/**
 * A DICOM person name (radiology: `MULLER^ANNE^MARIE^DR`) says itself which part is which: family
 * name, given name, middle names, prefix, suffix, separated by `^`, whatever the declared order.
 * The prefix is a civility or a title (sex evidence, as in a display name).
 */
function splitDicomName(fullName: string): SplitName | null {
  const [family = '', given = '', middle = '', prefix = ''] = fullName.split('=')[0]!.split('^').map((part) => part.trim().replace(/\s+/g, ' '));
  const firstName = [given, middle].filter((part) => part !== '').join(' ');
  const civility = prefix === '' ? undefined : civilityOf(prefix);
  const name: SplitName = {};
  if (family !== '') name.lastName = family;
  if (firstName !== '') name.firstName = firstName;
  if (civility !== undefined && civility !== null) name.sex = civility;
  return Object.keys(name).length === 0 ? null : name;
}

const noKnownNames: KnownNames = { givenNames: new Set(), lastNames: new Set() };

/**
 * Splits a full-name value ("Dr DUPONT Jean", "Mme Marie-Claire Le Gall", "MARTIN J.") into last
 * and first name. Leading civilities and titles are stripped (civilities kept as sex evidence).
 * `last-first` and `first-last` fix the orientation; `auto` chooses it per value. Within an
 * orientation, the cut between surname and given names follows case (UPPER words are the surname),
 * then known given names (a compact French list and `known`, the other sources' names), then one
 * surname word. Remarks in brackets are ignored. A DICOM person name (`NOM^PRENOM`) is read by its
 * separators. Returns null when no name is left once the civilities are stripped.
 */
export function splitFullName(fullName: string, order: NameOrder, known: KnownNames = noKnownNames): SplitName | null {
  if (fullName.includes('^')) return splitDicomName(fullName);
  // A remark in brackets ("DUPONT Jean (intérim)", "[EXT]") is not a name.
  const words = fullName.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim().split(/[\s,]+/).filter((word) => word !== '');
  let sex: 'M' | 'F' | undefined;
  while (words.length > 0) {
    const civility = civilityOf(words[0]!);
    if (civility === undefined) break;
    if (civility !== null) sex ??= civility;
    words.shift();
  }
  const withSex = (name: SplitName): SplitName => (sex === undefined ? name : { ...name, sex });
  if (words.length === 0) return sex === undefined ? null : { sex };
  if (words.length === 1) return withSex({ lastName: words[0]! });
  const lettered = words.filter((word) => hasTwoLetters(word) && !isInitial(word));
  const mixedCase = lettered.some(isUpperWord) && lettered.some((word) => !isUpperWord(word));
  const orientations = order === 'auto' ? [true, false] : [order === 'last-first'];
  let best: { candidate: Candidate; score: number } | null = null;
  for (const surnameFirst of orientations) {
    // The whole value as a surname is a candidate only where a particle could be stranded.
    const longest = words.some(isParticle) ? words.length : words.length - 1;
    for (let size = 1; size <= longest; size += 1) {
      const candidate = { surnameFirst, size };
      const score = scoreCandidate(words, candidate, known, mixedCase);
      // Ties keep the earlier candidate: surname first (the French convention), then the shorter surname.
      if (best === null || score > best.score) best = { candidate, score };
    }
  }
  const { surnameFirst, size } = best!.candidate;
  const surname = surnameFirst ? words.slice(0, size) : words.slice(words.length - size);
  const given = surnameFirst ? words.slice(size) : words.slice(0, words.length - size);
  return withSex(given.length === 0 ? { lastName: surname.join(' ') } : { lastName: surname.join(' '), firstName: given.join(' ') });
}
