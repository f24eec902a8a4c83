/** Fields the matcher compares; each carries graded points in the configuration. */
export type MatchField =
  | 'rpps'
  | 'hrId'
  | 'adId'
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'sex'
  | 'service'
  | 'email'
  | 'login'
  | 'profession'
  | 'finess';

/** How two values compared, from strongest to weakest; `missing` is never a disagreement. */
export type ComparisonLevel =
  | 'exact'
  | 'part'
  | 'compatible'
  | 'phonetic'
  | 'close'
  | 'swapped'
  | 'inverted'
  | 'different'
  | 'missing';

/**
 * Levels of the whole-record comparison: the name comparators' levels plus given names reduced to an
 * initial, birth dates agreeing on the year only or one keystroke apart (`typo`), a surname found only across birth and usage names
 * (`crossed`), and an identifier that cannot be compared because one side fails its check digit.
 */
export type MatchLevel = ComparisonLevel | 'initial' | 'year' | 'typo' | 'crossed' | 'invalid';

/**
 * How a link is decided: `calibrated` (Fellegi–Sunter weights whose m-probabilities are estimated
 * by EM on the establishment's own records, bands as match probabilities), or `seed-points` (the
 * program's points table applied as written, for an establishment that must).
 */
export type ScoringPolicy = 'calibrated' | 'seed-points';

/** The calibrated policy's bands and bounds. */
export interface CalibratedBands {
  /** Match probability at or above which a link is automatic. */
  automaticProbability: number;
  /** Match probability at or above which a link goes to review. */
  reviewProbability: number;
  /**
   * Match probability at or above which a link that rests on names alone (no identifier, no birth
   * date, no account in common) is automatic; 0.995 when absent. Name frequencies cannot see a
   * locum or an interim from elsewhere who bears a staff member's name: a hundred such links at
   * 0.99 would hold one namesake's badge.
   */
  namesOnlyProbability?: number;
  /** Homonym guard in bits: no automatic link when a rival is within this many bits of the best. */
  homonymMarginBits: number;
}

/** See `CalibratedBands.namesOnlyProbability`; also the value of a stored configuration written before it existed. */
export const defaultNamesOnlyProbability = 0.995;

/** A deterministic rule: automatic when every listed field compares `exact`. */
export interface MatchRule {
  name: string;
  exact: readonly MatchField[];
}

export interface MatchingConfig {
  scoring: ScoringPolicy;
  calibrated: CalibratedBands;
  rules: readonly MatchRule[];
  /** Rules that never decide but always propose to a human when nothing contradicts them. */
  reviewRules: readonly MatchRule[];
  /** Points per field and level; a level not listed gives 0. */
  points: Readonly<Partial<Record<MatchField, Readonly<Partial<Record<MatchLevel, number>>>>>>;
  /** Extra points for an exact surname that few identities share (term frequency). */
  rareLastNameBonus: number;
  /** The most an exact given name can add for its rarity (calibrated weights only). */
  rareFirstNameBonus?: number;
  automaticThreshold: number;
  /** Calibrated policy: the automatic threshold of a link that rests on names alone (see `namesOnlyProbability`). */
  namesOnlyThreshold?: number;
  reviewThreshold: number;
  /** Homonym guard: no automatic link when the second-best candidate is within this many points. */
  homonymMargin: number;
}

/**
 * The program's table (rules 1–3, points, 75/65 thresholds) extended with graded levels, the
 * evidence it lacks (FINESS, profession, e-mail and login patterns, rare surnames) and negative
 * points for real disagreements. Missing values give 0.
 */
export const defaultMatchingConfig: MatchingConfig = {
  scoring: 'calibrated',
  calibrated: { automaticProbability: 0.99, reviewProbability: 0.5, namesOnlyProbability: defaultNamesOnlyProbability, homonymMarginBits: 4 },
  rules: [
    { name: 'rpps-last-first', exact: ['rpps', 'lastName', 'firstName'] },
    { name: 'matricule-last-first', exact: ['hrId', 'lastName', 'firstName'] },
    { name: 'matricule-last-birth', exact: ['hrId', 'lastName', 'birthDate'] },
  ],
  reviewRules: [{ name: 'last-first-only', exact: ['lastName', 'firstName'] }],
  points: {
    rpps: { exact: 40, different: -60 },
    hrId: { exact: 40, different: -40 },
    adId: { exact: 40, different: -20 },
    lastName: { exact: 20, crossed: 20, part: 18, inverted: 16, phonetic: 12, close: 10, different: -20 },
    firstName: { exact: 15, inverted: 12, compatible: 10, initial: 10, phonetic: 8, close: 5, different: -20 },
    // The seed knows no keystroke level: a mistyped date is a different one (-25), as written.
    birthDate: { exact: 15, swapped: 10, close: 10, typo: -25, year: -25, different: -25 },
    sex: { different: -10 },
    service: { exact: 5 },
    email: { exact: 20, part: 15, compatible: 15 },
    login: { exact: 35, compatible: 20 },
    profession: { exact: 10 },
    finess: { exact: 30 },
  },
  rareLastNameBonus: 10,
  automaticThreshold: 75,
  reviewThreshold: 65,
  homonymMargin: 10,
};
