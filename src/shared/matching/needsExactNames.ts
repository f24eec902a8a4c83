import type { MatchFeatures } from './buildMatchFeatures';
import { ceilingsOf } from './ceilingsOf';
import type { CompareContext } from './compareFeatures';
import type { MatchField, MatchingConfig, MatchRule } from './matchingConfig';
import { memoizeByObject } from '../text/memoizeByObject';

/** Fields with their own blocking key: a pair where one is exact is found through that key. */
const identifierFields: ReadonlySet<MatchField> = new Set(['rpps', 'hrId', 'adId', 'email']);

/** Whether some rule needs no identifier and not both names: then anybody may match anybody. */
const hasLooseRule = memoizeByObject((config: MatchingConfig): boolean => {
  const reachable = (rule: MatchRule) => !rule.exact.some((field) => identifierFields.has(field)) && !(rule.exact.includes('lastName') && rule.exact.includes('firstName'));
  return config.rules.some(reachable) || config.reviewRules.some(reachable);
});

/**
 * True when an identity can claim this record only if they share an identifier (RPPS, matricule,
 * account, e-mail) or the very same names: with anything less, no rule or review rule can apply and
 * the score stays below `floor`. Then only those keys need looking up — the case of nearly all the
 * national register (a profession, a FINESS elsewhere, names), whose namesakes by sound or initial
 * are never worth comparing.
 */
export function needsExactNames(record: MatchFeatures, { config, establishmentFiness }: CompareContext, floor: number): boolean {
  if (record.nameOrderUnknown || record.firstNames.length === 0 || record.lastNames.length === 0 || hasLooseRule(config)) return false;
  const { any, notExact, lastNameExact } = ceilingsOf(config);
  // Identifiers are not shared here, so not exact; an account name may still be (it has no key of its own).
  let ceiling =
    (record.rpps !== null ? notExact.rpps : 0) +
    (record.hrId !== null ? notExact.hrId : 0) +
    (record.adId !== null ? notExact.adId : 0) +
    (record.email !== null ? notExact.email : 0) +
    (record.logins.length > 0 ? any.login : 0) +
    (record.birthDate !== null ? any.birthDate : 0) +
    (record.sex !== null ? any.sex : 0) +
    (record.service !== null ? any.service : 0) +
    (record.profession !== null ? any.profession : 0);
  if (record.finess.length > 0 && establishmentFiness.size > 0) {
    const here = record.finess.some((finess) => establishmentFiness.has(finess));
    ceiling += Math.max(0, config.points.finess?.[here ? 'exact' : 'different'] ?? 0);
  } else ceiling += any.finess;
  ceiling += Math.max(lastNameExact + notExact.firstName, notExact.lastName + any.firstName, notExact.lastName + notExact.firstName);
  return ceiling < floor;
}
