import type { MatchFeatures } from './buildMatchFeatures';
import { phoneticKeys } from './compareNames';

/**
 * Blocking keys: records are compared only when they share one (identifiers, surname + initial,
 * surname sound + initial, given name + service, birth date in either day/month order). A query
 * (the record looking for its identity) also tries its given names as surnames: inverted columns.
 */
export function buildBlockingKeys(features: MatchFeatures, forQuery: boolean): string[] {
  const keys: string[] = [];
  if (features.rpps !== null) keys.push(`r:${features.rpps}`);
  if (features.hrId !== null) keys.push(`h:${features.hrId}`);
  if (features.adId !== null) keys.push(`a:${features.adId}`);
  if (features.email !== null) keys.push(`e:${features.email}`);
  const firstInitials = features.firstNames.map((name) => name[0]!);
  const surnames = features.nameOrderUnknown ? features.firstNames : features.lastNameTokens;
  // A query also tries its first names as surnames: inverted columns are common.
  const surnameCandidates = forQuery && !features.nameOrderUnknown ? [...surnames, ...features.firstNames] : surnames;
  const initialCandidates = forQuery && !features.nameOrderUnknown ? [...firstInitials, ...features.lastNameTokens.map((name) => name[0]!)] : firstInitials;
  for (const surname of surnameCandidates) {
    if (surname.length < 2) continue;
    const sound = phoneticKeys(surname).split('|')[0]!;
    for (const initial of initialCandidates.length > 0 ? initialCandidates : ['?']) {
      keys.push(`n:${surname}|${initial}`, `p:${sound}|${initial}`);
    }
  }
  // A surname typo defeats the name keys: given name + service (or + birth date) still meet.
  if (features.service !== null) for (const first of features.firstNames.slice(0, 1)) keys.push(`s:${first}|${features.service}`);
  if (features.birthDate !== null) {
    const [year, month, day] = features.birthDate.split('-');
    keys.push(`b:${year}|${[month, day].sort().join('|')}`);
  }
  return keys;
}
