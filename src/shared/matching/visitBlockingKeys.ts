import type { MatchFeatures } from './buildMatchFeatures';
import { phoneticKeys, sortedTokens } from './compareNames';

/**
 * Kinds of blocking key: identifiers (`rpps`, `hrId`, `adId`, `email`), surname + initial (`name`),
 * surname sound + initial (`sound`), given name + service (`service`), birth date in either day/month
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
  const inverted = mode === 'query' && !features.nameOrderUnknown;
  const surnames = features.nameOrderUnknown ? features.firstNames : features.lastNameTokens;
  for (const surname of surnames) visitSurname(features, inverted, surname, visit);
  // A query also tries its first names as surnames: inverted columns are common.
  if (inverted) for (const surname of features.firstNames) visitSurname(features, inverted, surname, visit);
  // A surname typo defeats the name keys: given name + service (or + birth date) still meet.
  if (features.service !== null && features.firstNames.length > 0) visit('service', `${features.firstNames[0]}|${features.service}`, '');
  if (features.birthDate !== null) {
    const [year, month, day] = features.birthDate.split('-');
    visit('birth', `${year}|${[month, day].sort().join('|')}`, '');
  }
}

/** A surname and its sound, with each given-name initial (and, inverted, each surname initial). */
function visitSurname(features: MatchFeatures, inverted: boolean, surname: string, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  if (surname.length < 2) return;
  const [sound] = phoneticKeys(surname);
  if (features.firstNames.length === 0 && !(inverted && features.lastNameTokens.length > 0)) visitInitial(surname, sound, '?', visit);
  for (const name of features.firstNames) visitInitial(surname, sound, name[0]!, visit);
  if (inverted) for (const name of features.lastNameTokens) visitInitial(surname, sound, name[0]!, visit);
}

function visitInitial(surname: string, sound: string, initial: string, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  visit('name', surname, initial);
  visit('sound', sound, initial);
}

/** Names as they compare exactly: a surname form (parts in any order) with the given names, spaces aside. */
function visitFullNames(features: MatchFeatures, indexing: boolean, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  if (!features.nameOrderUnknown) {
    if (features.firstNames.length > 0) for (const form of features.lastNames) visitFullName(form, features.firstNames, visit);
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
  visit('fullName', sortedTokens(last), first.length === 1 ? first[0]! : first.join(''));
}
