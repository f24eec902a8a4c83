import type { MatchFeatures } from './buildMatchFeatures';
import { compactSurname, phoneticKeys, sortedTokens } from './compareNames';

/**
 * Kinds of blocking key: identifiers (`rpps`, `hrId`, `adId`, `email`), surname + initial (`name`),
 * surname sound + initial (`sound`; typing errors: `visitTypoKeys`), given name + service (`service`), birth date in either day/month
 * order (`birth`), and the whole names as they compare exactly (`fullName`: surname parts sorted,
 * with the given names run together in place of the initial).
 */
export type BlockingKind = 'rpps' | 'hrId' | 'adId' | 'email' | 'name' | 'sound' | 'service' | 'birth' | 'fullName';

/**
 * How the keys are used: `index` files a reference under all its keys; `query` looks a record up
 * (also with its given names as surnames: inverted columns); `exact-query` looks up only its
 * identifiers and exact names (see `needsExactNames`).
 */
export type BlockingMode = 'index' | 'query' | 'exact-query';

/**
 * Blocking keys: records are compared only when they share one. Each key is handed to `visit` as
 * its kind, its value and, for names and sounds, a given-name initial: no string is built per key,
 * so a register of two million rows is looked up without concatenating ten million keys.
 */
export function visitBlockingKeys(features: MatchFeatures, mode: BlockingMode, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  if (features.rpps !== null) visit('rpps', features.rpps, '');
  if (features.hrId !== null) visit('hrId', features.hrId, '');
  if (features.adId !== null) visit('adId', features.adId, '');
  if (features.email !== null) visit('email', features.email, '');
  if (mode !== 'query') visitFullNames(features, mode === 'index', visit);
  if (mode === 'exact-query') return;
  forEachSurname(features, mode, (surname, inverted) => {
    const [sound] = phoneticKeys(surname);
    forEachInitial(features, inverted, (initial) => {
      visit('name', surname, initial);
      visit('sound', sound, initial);
    });
  });
  // Spelled together ("AHSING", "LEGALL"): by name only, filed and looked up alike.
  if (features.joinedSurnames !== undefined && !features.nameOrderUnknown) {
    for (const joined of features.joinedSurnames) forEachInitial(features, false, (initial) => visit('name', joined, initial));
  }
  // A surname typo defeats the name keys: given name + service (or + birth date) still meet.
  if (features.service !== null && features.firstNames.length > 0) visit('service', `${features.firstNames[0]}|${features.service}`, '');
  if (features.birthDate !== null) {
    const [year, month, day] = features.birthDate.split('-');
    visit('birth', `${year}|${[month, day].sort().join('|')}`, '');
  }
}

/**
 * Each surname a record is filed or looked up under (at least two letters). A query also tries its
 * given names as surnames: inverted columns are common.
 */
function forEachSurname(features: MatchFeatures, mode: 'index' | 'query', visit: (surname: string, inverted: boolean) => void): void {
  const inverted = mode === 'query' && !features.nameOrderUnknown;
  const surnames = features.nameOrderUnknown ? features.firstNames : features.lastNameTokens;
  for (const surname of surnames) if (surname.length >= 2) visit(surname, inverted);
  if (inverted) for (const surname of features.firstNames) if (surname.length >= 2) visit(surname, inverted);
}

/** The initials a surname rides with: each given name's (inverted, each surname's too), `?` for none. */
function forEachInitial(features: MatchFeatures, inverted: boolean, visit: (initial: string) => void): void {
  if (features.firstNames.length === 0 && !(inverted && features.lastNameTokens.length > 0)) visit('?');
  for (const name of features.firstNames) visit(name[0]!);
  if (inverted) for (const name of features.lastNameTokens) visit(name[0]!);
}

/** Surnames shorter than this have too many neighbours one letter away: their exact and sound keys suffice. */
const typoKeyMinLength = 5;

/**
 * Typing-error keys: each surname whole and with each one letter dropped, with a given-name initial,
 * as 32-bit hashes. Two surnames a letter added, dropped, changed or two letters swapped apart
 * ("chandlder"/"chandler", "whiet"/"white", "keernene"/"kernene") share one where their sounds may
 * differ. Hashes, not strings: a surname of eight letters has nine forms per initial, and no string
 * is built for any (a hash shared by chance only adds a candidate to score).
 */
export function visitTypoKeys(features: MatchFeatures, visit: (hash: number) => void): void {
  // Filed and looked up alike: a typing error in columns also inverted is left to the reviewer.
  forEachSurname(features, 'index', (surname) => {
    if (surname.length < typoKeyMinLength) return;
    forEachInitial(features, false, (initial) => {
      visit(typoHash(surname, -1, initial));
      for (let index = 0; index < surname.length; index += 1) {
        // A doubled letter dropped gives the same form once.
        if (index > 0 && surname.charCodeAt(index) === surname.charCodeAt(index - 1)) continue;
        visit(typoHash(surname, index, initial));
      }
    });
  });
}

/** FNV-1a over the surname without its letter at `skip` (none for -1), then the initial. */
function typoHash(surname: string, skip: number, initial: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < surname.length; index += 1) {
    if (index === skip) continue;
    hash = Math.imul(hash ^ surname.charCodeAt(index), 0x01000193);
  }
  hash = Math.imul(hash ^ 0x7c, 0x01000193);
  hash = Math.imul(hash ^ initial.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

/** Names as they compare exactly: a surname form (parts in any order) with the given names, spaces aside. */
function visitFullNames(features: MatchFeatures, indexing: boolean, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  if (!features.nameOrderUnknown) {
    if (features.firstNames.length > 0) {
      for (const form of features.lastNames) visitFullName(form, features.firstNames, visit);
      // "LE GALL" is filed as "LEGALL" too, and "LEGALL" looks itself up as it is: they meet.
      if (features.runTogether !== undefined) for (const joined of features.runTogether) visitFullName(joined, features.firstNames, visit);
      // The given name in use compares exactly with a list of civil given names that starts with it.
      if (features.firstGivenName !== undefined) for (const form of features.lastNames) visitFullName(form, features.firstGivenName, visit);
    }
    return;
  }
  // A one-column name compares in every split (see compareFeatures): a reference is filed under each.
  if (!indexing) return;
  const tokens = features.firstNames;
  for (let index = 0; index < tokens.length - 1; index += 1) {
    visitFullName(tokens.slice(index + 1).join(' '), tokens.slice(0, index + 1), visit);
    visitFullName(tokens.slice(0, index + 1).join(' '), tokens.slice(index + 1), visit);
  }
}

/** The given names ride as the "initial": no key string is built per record. */
function visitFullName(last: string, first: readonly string[], visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  const given = first.length === 1 ? first[0]! : first.join('');
  visit('fullName', sortedTokens(last), given);
  // The same parts run together compare exactly too ("AH SING" and "AHSING").
  if (last.includes(' ')) visit('fullName', compactSurname(last), given);
}
