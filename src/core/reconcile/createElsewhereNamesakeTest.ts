import type { MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { visitBlockingKeys } from '../../shared/matching/visitBlockingKeys';
import { isValidRpps } from '../../shared/identifiers/rpps';

export interface ElsewhereNamesakeTestOptions {
  /** The identities' features as the register phase compares them (HR records). */
  references: readonly MatchFeatures[];
  establishmentFiness: readonly string[];
}

/**
 * Tells a register entry that, under the calibrated policy, can be nothing but a namesake: all its
 * activities are elsewhere, its RPPS is valid and held by nobody here, it carries no other key, and
 * none of the people here bearing its very names has its profession. The register phase looks such
 * an entry up by those names and RPPS only, and proposes it to nobody (no key, no profession in
 * common: see `isWorthReviewWithoutKey`); it is always told apart from an entry that links by its
 * FINESS or RPPS (different on both). All it can still do is make a person's name "not alone" in
 * the register, which the phase checks on demand. A national register holds hundreds of thousands
 * of them: they are kept aside instead of being scored against every namesake.
 */
export function createElsewhereNamesakeTest({ references, establishmentFiness }: ElsewhereNamesakeTestOptions): (entry: MatchFeatures) => boolean {
  const establishment = new Set(establishmentFiness);
  const heldRpps = new Set<string>();
  // Exact names (surname form → given names) → the professions of the people here filed under them.
  const professionsByName = new Map<string, Map<string, Set<string>>>();
  for (const reference of references) {
    if (reference.rpps !== null) heldRpps.add(reference.rpps);
    const profession = reference.profession ?? '';
    visitBlockingKeys(reference, 'index', (kind, value, initial) => {
      if (kind !== 'fullName') return;
      let byGiven = professionsByName.get(value);
      if (byGiven === undefined) professionsByName.set(value, (byGiven = new Map()));
      let professions = byGiven.get(initial);
      if (professions === undefined) byGiven.set(initial, (professions = new Set()));
      professions.add(profession);
    });
  }
  return (entry) => {
    if (establishment.size === 0 || entry.finess.length === 0 || entry.finess.some((finess) => establishment.has(finess))) return false;
    if (entry.rpps === null || heldRpps.has(entry.rpps) || !isValidRpps(entry.rpps)) return false;
    if (entry.hrId !== null || entry.adId !== null || entry.email !== null || entry.logins.length > 0) return false;
    const profession = entry.profession;
    if (profession === null) return true;
    let sharesProfession = false;
    visitBlockingKeys(entry, 'exact-query', (kind, value, initial) => {
      if (kind === 'fullName' && professionsByName.get(value)?.get(initial)?.has(profession) === true) sharesProfession = true;
    });
    return !sharesProfession;
  };
}

/** The exact-names keys an entry is looked up by (register phase, calibrated, elsewhere). */
export function exactNameKeysOf(features: MatchFeatures, mode: 'index' | 'exact-query'): string[] {
  const keys: string[] = [];
  visitBlockingKeys(features, mode, (kind, value, initial) => {
    if (kind === 'fullName') keys.push(`${value}\u0000${initial}`);
  });
  return keys;
}
