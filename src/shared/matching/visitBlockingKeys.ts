import type { MatchFeatures } from './buildMatchFeatures';
import { phoneticKeys } from './compareNames';

/**
 * Kinds of blocking key: identifiers (`rpps`, `hrId`, `adId`, `email`), surname + initial (`name`),
 * surname sound + initial (`sound`), given name + service (`service`), birth date in either day/month
 * order (`birth`).
 */
export type BlockingKind = 'rpps' | 'hrId' | 'adId' | 'email' | 'name' | 'sound' | 'service' | 'birth';

/**
 * Blocking keys: records are compared only when they share one. Each key is handed to `visit` as
 * its kind, its value and, for names and sounds, a given-name initial: no string is built per key,
 * so a register of two million rows is looked up without concatenating ten million keys. A query
 * (the record looking for its identity) also tries its given names as surnames: inverted columns.
 */
export function visitBlockingKeys(features: MatchFeatures, forQuery: boolean, visit: (kind: BlockingKind, value: string, initial: string) => void): void {
  if (features.rpps !== null) visit('rpps', features.rpps, '');
  if (features.hrId !== null) visit('hrId', features.hrId, '');
  if (features.adId !== null) visit('adId', features.adId, '');
  if (features.email !== null) visit('email', features.email, '');
  const inverted = forQuery && !features.nameOrderUnknown;
  const surnames = features.nameOrderUnknown ? features.firstNames : features.lastNameTokens;
  const visitSurname = (surname: string) => {
    if (surname.length < 2) return;
    const [sound] = phoneticKeys(surname);
    const visitInitial = (initial: string) => {
      visit('name', surname, initial);
      visit('sound', sound, initial);
    };
    if (features.firstNames.length === 0 && !(inverted && features.lastNameTokens.length > 0)) visitInitial('?');
    for (const name of features.firstNames) visitInitial(name[0]!);
    if (inverted) for (const name of features.lastNameTokens) visitInitial(name[0]!);
  };
  for (const surname of surnames) visitSurname(surname);
  // A query also tries its first names as surnames: inverted columns are common.
  if (inverted) for (const surname of features.firstNames) visitSurname(surname);
  // A surname typo defeats the name keys: given name + service (or + birth date) still meet.
  if (features.service !== null && features.firstNames.length > 0) visit('service', `${features.firstNames[0]}|${features.service}`, '');
  if (features.birthDate !== null) {
    const [year, month, day] = features.birthDate.split('-');
    visit('birth', `${year}|${[month, day].sort().join('|')}`, '');
  }
}
