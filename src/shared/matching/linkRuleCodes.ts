/**
 * Every rule a link can carry, as the engine and the desk write it in `identity_links.rule`: the
 * seed's deterministic and review rules, the calibrated or points decision, and the reasons a link
 * went to a human. Screens show each through a label (`review.ruleName.<code>`).
 */
export const linkRuleCodes = [
  'hr-reference',
  'rpps-last-first',
  'matricule-last-first',
  'matricule-last-birth',
  'last-first-only',
  'weights',
  'points',
  'human',
  'shared-name',
  'possible-duplicate-account',
  'one-account-per-source',
  'application-account-name',
  'account-before-arrival',
  'nothing-that-names',
  'night-desk-temporary',
  'none',
] as const;

export type LinkRuleCode = (typeof linkRuleCodes)[number];
