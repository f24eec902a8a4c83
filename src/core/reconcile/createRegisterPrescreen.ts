import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { defaultMatchingConfig, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { needsExactNames } from '../../shared/matching/needsExactNames';
import { foldName, surnameTokens } from '../../shared/matching/normalizeName';
import { memoizeByKey } from '../../shared/text/memoizeByKey';

/** Given names run together ("JEAN PIERRE" and "Jean-Pierre" → "JEANPIERRE"): exact names need them too. */
const givenNamesOf = (name: string | null | undefined): string => foldName(name).replace(/ /g, '');


export interface RegisterRowColumns {
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
  /** Whether one of its rows has one of the establishment's FINESS numbers as a field (any field: it may only say too much). */
  atEstablishment: boolean;
}

/**
 * A look at a register row's plain columns before its JSON is even read. When every entry away from
 * the establishment can only be claimed through its RPPS or its very names (checked once, on the
 * richest entry the extract can give), a row whose RPPS no local record holds, whose names (a
 * surname part and the given names) no local record bears and whose activities never name the
 * establishment cannot be claimed: it is let go unparsed (nearly all the national register). Returns null when the
 * configuration lets names match loosely: then every row must be parsed and scored.
 */
export function createRegisterPrescreen({
  records,
  config = defaultMatchingConfig,
  establishmentFiness = [],
}: {
  records: readonly { attributes: CanonicalAttributes }[];
  config?: MatchingConfig;
  establishmentFiness?: readonly string[];
}): ((row: RegisterRowColumns) => boolean) | null {
  const richest = buildMatchFeatures({ attributes: { rpps: '10000000000', lastName: 'NOM', firstName: 'PRENOM', sex: 'F', profession: '10' }, finess: ['000000000'] });
  const context = { config, establishmentFiness: new Set(establishmentFiness), lastNameCount: () => 1 };
  if (!needsExactNames(richest, context, config.reviewThreshold - config.homonymMargin)) return null;
  const rppsHeld = new Set<string>();
  // Surname part → the given names borne with it.
  const namesBorne = new Map<string, Set<string>>();
  const bear = (surnamePart: string, given: string): void => {
    let givens = namesBorne.get(surnamePart);
    if (givens === undefined) namesBorne.set(surnamePart, (givens = new Set()));
    givens.add(given);
  };
  for (const { attributes } of records) {
    if (attributes.rpps) rppsHeld.add(attributes.rpps);
    const given = givenNamesOf(attributes.firstName);
    for (const name of [attributes.lastName, attributes.birthName]) for (const token of surnameTokens(name)) bear(token, given);
    // A name in one column: any part may be the surname, the others the given names.
    const parts = surnameTokens(attributes.fullName);
    for (const part of parts) bear(part, parts.filter((other) => other !== part).join(''));
  }
  // Each spelling folded once: two million register rows carry a few hundred thousand names. A
  // surname spelling is remembered with the given names borne here with any of its parts, so that
  // the given name of a row whose surname nobody here bears is never even folded.
  const givensBorneWith = memoizeByKey((lastName) => surnameTokens(lastName).flatMap((token) => namesBorne.get(token) ?? []), 300_000);
  const givensOf = memoizeByKey(givenNamesOf, 300_000);
  const bornTogether = (lastName: string, firstName: string): boolean => {
    const borne = givensBorneWith(lastName);
    if (borne.length === 0) return false;
    const given = givensOf(firstName);
    for (const givens of borne) if (givens.has(given)) return true;
    return false;
  };
  return ({ rpps, lastName, firstName, atEstablishment }) =>
    // Without both names the exact-names reasoning does not hold: let the full filter decide.
    !lastName ||
    !firstName ||
    (rpps !== null && rppsHeld.has(rpps)) ||
    atEstablishment ||
    bornTogether(lastName, firstName);
}
