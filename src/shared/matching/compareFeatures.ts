import type { MatchFeatures, ServiceGroup } from './buildMatchFeatures';
import { ceilingsOf, pointsFor } from './ceilingsOf';
import { compareBirthDates } from './compareBirthDates';
import { compareFirstNames, compareLastNames, isRunTogether, isSameFirstName, isSameLastName, sameGivenNameInUse, type NameComparison } from './compareNames';
import type { MatchField, MatchingConfig, MatchLevel } from './matchingConfig';
import { isValidRpps } from '../identifiers/rpps';
import { matchesLoginPattern } from './matchesLoginPattern';
import { surnameTokens } from './normalizeName';
import { memoizeByObject } from '../text/memoizeByObject';

/** One line of "why": the field, both values, how they compared and what it was worth. */
export interface FieldEvidence {
  field: MatchField;
  left: string | null;
  right: string | null;
  level: MatchLevel;
  comparator: string;
  /** The seed's points table (shown beside the calibrated weight; decides under `seed-points`). */
  points: number;
  /** Calibrated match weight in bits, log2(m/u) with the term-frequency adjustment; absent under `seed-points`. */
  weight?: number;
}

export interface PairComparison {
  /** What decides: the sum of the weights (bits) under the calibrated policy, of the points otherwise. */
  score: number;
  /** The seed's points for the same evidence (equal to `score` under `seed-points`). */
  seedPoints: number;
  /** The deterministic rule that decided, if any. */
  rule: string | null;
  /** The review rule that applies (e.g. same names only: never automatic, always shown to a human). */
  reviewRule: string | null;
  evidence: FieldEvidence[];
}

export interface CompareContext {
  /** The table that decides: calibrated weights in bits (see `weightsConfigOf`), or the seed's points. */
  config: MatchingConfig;
  /** The seed's points table shown beside calibrated weights; absent when `config` is the seed table. */
  seedConfig?: MatchingConfig;
  /**
   * Calibrated weight of an exact surname or given name with its term-frequency adjustment
   * (log2(m / tf)): a name many people carry weighs less. Absent under `seed-points`.
   */
  exactNameWeight?(field: 'lastName' | 'firstName', value: string): number;
  /** The establishment's FINESS numbers: a register activity there is evidence. */
  establishmentFiness: ReadonlySet<string>;
  /** How many reference identities carry this surname form (term frequency). */
  lastNameCount(form: string): number;
}

export interface CompareOptions {
  /**
   * Gives up on a pair (null) that can reach neither a rule, a review rule nor this many points:
   * its names and login patterns are then never compared. Most blocked pairs end here cheaply.
   */
  floor?: number;
}

/** An interim or contractor account's name, in bits: such accounts are seldom a staff member's (1 in 64 said). */
const externalAccountWeight = -6;

/** Fields known without comparing names or login patterns. */
const cheapFields = ['rpps', 'hrId', 'adId', 'birthDate', 'sex', 'service', 'email', 'login', 'profession', 'finess'] as const;

const compactLogins = new Map<string, string>();

/** An account name without separators ("jean.dupont" → "jeandupont"), cached: compared for every pair. */
function compactLogin(login: string): string {
  let compact = compactLogins.get(login);
  if (compact === undefined) {
    compact = login.replace(/[^a-z0-9]/g, '');
    if (compactLogins.size > 200_000) compactLogins.clear();
    compactLogins.set(login, compact);
  }
  return compact;
}

function findSharedLogin(logins: readonly string[], others: readonly string[]): string | undefined {
  if (others.length === 0) return undefined;
  for (const login of logins) {
    const compact = compactLogin(login);
    for (const other of others) if (login === other || compact === compactLogin(other)) return login;
  }
  return undefined;
}

/** An account name or mailbox follows a pattern of the person's names: all given names, or the one in use of a civil list ("jl.boyer" for "Jean-Luc, Raymond"). */
function followsNames(login: string, person: MatchFeatures): boolean {
  return matchesLoginPattern(login, person.firstNames, person.lastNames) || (person.firstGivenName !== undefined && matchesLoginPattern(login, person.firstGivenName, person.lastNames));
}

function shareLastName(left: MatchFeatures, right: MatchFeatures): boolean {
  for (const a of left.lastNames) for (const b of right.lastNames) if (isSameLastName(a, b)) return true;
  return (left.runTogether !== undefined || right.runTogether !== undefined) && isRunTogether(left.lastNames, right.lastNames, left.runTogether, right.runTogether);
}

function compareIdentifier(a: string | null, b: string | null): MatchLevel {
  if (a === null || b === null) return 'missing';
  return a === b ? 'exact' : 'different';
}

/** RPPS numbers: a disagreement where one side fails its Luhn key is a typing error, not another person. */
function compareRpps(a: string | null, b: string | null): MatchLevel {
  const level = compareIdentifier(a, b);
  return level === 'different' && (!isValidRpps(a!) || !isValidRpps(b!)) ? 'invalid' : level;
}

/** E-mail addresses: the same mailbox, the same local part on another domain, or different. */
function compareEmails(a: string | null, b: string | null): MatchLevel {
  if (a === null || b === null) return 'missing';
  if (a === b) return 'exact';
  const at = a.indexOf('@');
  return at > 0 && b.startsWith(a.slice(0, at + 1)) ? 'part' : 'different';
}

/** The establishment's FINESS numbers as the explanation shows them, joined once per run. */
const establishmentFinessText = memoizeByObject((finess: ReadonlySet<string>): string => [...finess].join(' '));

/** The person's name as the explanation shows it beside a pattern ("Jean Dupont"). */
function nameOf(reference: MatchFeatures): string {
  return `${reference.firstNames.join(' ')} ${reference.lastNames[0] ?? ''}`.trim();
}

/** What comes before the first `@` (the whole address when there is none). */
function localPartOf(email: string): string {
  const at = email.indexOf('@');
  return at === -1 ? email : email.slice(0, at);
}

/** Levels that count as `exact` for the deterministic rules (a surname found across birth and usage names is the same surname). */
function isExactLevel(level: MatchLevel): boolean {
  return level === 'exact' || level === 'crossed';
}

interface NamePair {
  last: NameComparison;
  first: NameComparison;
  inverted: boolean;
}

/** Names compared as given, and inverted when that fits better (or when one side's order is unknown). */
function worth(config: MatchingConfig, pair: NamePair): number {
  return pointsFor(config, 'lastName', pair.last.level) + pointsFor(config, 'firstName', pair.first.level);
}

// Name lists are shared and frozen (buildMatchFeatures): what a list reads as in the other column is computed once per list.
/** Given names read as a surname (columns swapped in the export). */
const givenNamesAsSurname = memoizeByObject((firstNames: readonly string[]): readonly string[] => [surnameTokens(firstNames.join(' ')).join(' ')]);
/** The first surname form read as given names. */
const surnameAsGivenNames = memoizeByObject((lastNames: readonly string[]): readonly string[] => lastNames[0]?.split(' ') ?? []);

/** Every split of a one-column name into surname and given names, in both orders (once per token list). */
const readingsOf = memoizeByObject((tokens: readonly string[]): { last: readonly string[]; first: readonly string[]; inverted: boolean }[] =>
  tokens.flatMap((_, index) => [
    { last: [tokens.slice(index + 1).join(' ')], first: tokens.slice(0, index + 1), inverted: false },
    { last: [tokens.slice(0, index + 1).join(' ')], first: tokens.slice(index + 1), inverted: false },
  ]).filter((split) => split.last[0] !== '' && split.first.length > 0),
);

/** The ways a record's names may be read: as given, or every split of a one-column name. */
function splits(features: MatchFeatures): { last: readonly string[]; first: readonly string[]; inverted: boolean }[] {
  if (!features.nameOrderUnknown) return [{ last: features.lastNames, first: features.firstNames, inverted: false }];
  // A one-column name's readings are the same at every comparison: computed once per record.
  return readingsOf(features.firstNames);
}

function compareNamePair(a: MatchFeatures, b: MatchFeatures, config: MatchingConfig): NamePair {
  if (!a.nameOrderUnknown && !b.nameOrderUnknown) {
    // Both orders known (most pairs): the names as given, then inverted columns when those do not already agree.
    const direct: NamePair = { last: compareLastNames(a.lastNames, b.lastNames, a.runTogether, b.runTogether), first: compareFirstNames(a.firstNames, b.firstNames, a.firstGivenName, b.firstGivenName), inverted: false };
    if (direct.last.level === 'exact' && direct.first.level === 'exact') return direct;
    const inverted: NamePair = { last: compareLastNames(givenNamesAsSurname(a.firstNames), b.lastNames), first: compareFirstNames(surnameAsGivenNames(a.lastNames), b.firstNames), inverted: true };
    return worth(config, inverted) > worth(config, direct) ? inverted : direct;
  }
  const candidates: NamePair[] = [];
  for (const left of splits(a)) {
    for (const right of splits(b)) {
      candidates.push({ last: compareLastNames(left.last, right.last), first: compareFirstNames(left.first, right.first), inverted: left.inverted || right.inverted });
    }
  }
  return candidates.reduce((winner, next) => (worth(config, next) > worth(config, winner) ? next : winner));
}

/** No rule nor review rule can apply and the score stays below the floor: the pair decides nothing. */
function isHopeless(config: MatchingConfig, floor: number, ceiling: number, contradicted: boolean, maybeExact: (field: MatchField) => boolean): boolean {
  return (
    ceiling < floor &&
    !config.rules.some((rule) => rule.exact.every(maybeExact)) &&
    (contradicted || !config.reviewRules.some((rule) => rule.exact.every(maybeExact)))
  );
}

/** One line of evidence for a field that was not missing. */
/**
 * A service of another nomenclature: the HR service it alone stands for agrees exactly, one of several
 * (a pôle's) in part; an HR service placed elsewhere disagrees, one the correspondence never met says nothing.
 */
function serviceGroupLevel(group: ServiceGroup, service: string): MatchLevel {
  if (group.services.has(service)) return group.services.size === 1 ? 'exact' : 'part';
  return group.placed.has(service) ? 'different' : 'missing';
}

function addEvidence(
  { evidence, context, levels, weights }: { evidence: FieldEvidence[]; context: CompareContext; levels: Record<MatchField, MatchLevel>; weights: Partial<Record<MatchField, number>> },
  field: MatchField,
  left: string | null,
  right: string | null,
  comparator: string,
  seedExtra = 0,
): void {
  const level = levels[field];
  if (level === 'missing') return;
  const weight = weights[field] ?? pointsFor(context.config, field, level);
  if (context.seedConfig === undefined) evidence.push({ field, left, right, level, comparator, points: weight });
  else evidence.push({ field, left, right, level, comparator, points: pointsFor(context.seedConfig, field, level) + seedExtra, weight });
}

/** The seed's rare-surname bonus: full for a surname nobody else carries, none from 50 bearers on. */
function seedRarity(config: MatchingConfig, frequency: number): number {
  return Number.isFinite(frequency) ? Math.round(config.rareLastNameBonus * Math.max(0, 1 - Math.log(Math.max(1, frequency)) / Math.log(50))) : 0;
}

/**
 * Compares a source record with a reference (an identity's merged features), field by field. With
 * a `floor`, the cheap fields (identifiers, dates, profession, FINESS) are compared first and a pair
 * that cannot reach the floor, a rule or a review rule is dropped before its names are.
 */
export function compareFeatures(record: MatchFeatures, reference: MatchFeatures, context: CompareContext): PairComparison;
export function compareFeatures(record: MatchFeatures, reference: MatchFeatures, context: CompareContext, options: CompareOptions): PairComparison | null;
export function compareFeatures(record: MatchFeatures, reference: MatchFeatures, context: CompareContext, { floor }: CompareOptions = {}): PairComparison | null {
  const { config } = context;
  const sharedLogin = findSharedLogin(record.logins, reference.logins);
  const registerSide = record.finess.length > 0 ? record.finess : reference.finess;
  const finessHere = registerSide.length > 0 && context.establishmentFiness.size > 0 ? registerSide.find((finess) => context.establishmentFiness.has(finess)) : undefined;
  const levels: Record<MatchField, MatchLevel> = {
    rpps: compareRpps(record.rpps, reference.rpps),
    hrId: compareIdentifier(record.hrId, reference.hrId),
    adId: compareIdentifier(record.adId, reference.adId),
    // Names are compared last: they cost the most.
    lastName: 'missing',
    firstName: 'missing',
    birthDate: compareBirthDates(record.birthDate, reference.birthDate),
    sex: record.sex !== null && reference.sex !== null ? (record.sex === reference.sex ? 'exact' : 'different') : 'missing',
    service: record.service !== null && reference.service !== null ? (record.service === reference.service ? 'exact' : 'different') : reference.service !== null && record.serviceGroup !== undefined ? serviceGroupLevel(record.serviceGroup, reference.service) : 'missing',
    email: compareEmails(record.email, reference.email),
    login: sharedLogin !== undefined ? 'exact' : 'missing',
    profession: record.profession !== null && reference.profession !== null ? (record.profession === reference.profession ? 'exact' : 'different') : 'missing',
    finess: registerSide.length > 0 && context.establishmentFiness.size > 0 ? (finessHere !== undefined ? 'exact' : 'different') : 'missing',
  };
  let known = 0;
  let contradicted = false;
  const seedTable = context.seedConfig ?? config;
  for (const field of cheapFields) {
    known += pointsFor(config, field, levels[field]);
    if (pointsFor(seedTable, field, levels[field]) < 0) contradicted = true;
  }
  // E-mail and login patterns are compared last of all: what they may still add.
  const ceilings = ceilingsOf(config);
  const patternCeiling =
    (levels.email !== 'exact' && record.email !== null ? ceilings.notExact.email : 0) + (sharedLogin === undefined && record.logins.length > 0 ? ceilings.notExact.login : 0);
  if (floor !== undefined) {
    // Before the names: can they still be exact? (Only as given; an unknown order may be anything.)
    const ordered = !record.nameOrderUnknown && !reference.nameOrderUnknown;
    const lastMaybe = !ordered || shareLastName(record, reference);
    const firstMaybe =
      !ordered ||
      isSameFirstName(record.firstNames, reference.firstNames) ||
      ((record.firstGivenName !== undefined || reference.firstGivenName !== undefined) && sameGivenNameInUse(record.firstNames, reference.firstNames, record.firstGivenName, reference.firstGivenName) !== null);
    const ceiling =
      known +
      (lastMaybe ? Math.max(ceilings.lastNameExact, ceilings.notExact.lastName) : ceilings.notExact.lastName) +
      (firstMaybe ? ceilings.any.firstName : ceilings.notExact.firstName) +
      patternCeiling;
    if (isHopeless(config, floor, ceiling, contradicted, (field) => (field === 'lastName' ? lastMaybe : field === 'firstName' ? firstMaybe : isExactLevel(levels[field])))) return null;
  }

  const names = compareNamePair(record, reference, config);
  levels.lastName = names.inverted && names.last.level === 'exact' ? 'inverted' : names.last.level;
  // The same surname, but the birth name of one side against the usage name of the other.
  if (levels.lastName === 'exact' && !record.nameOrderUnknown && !reference.nameOrderUnknown && (names.last.left !== record.lastNames[0] || names.last.right !== reference.lastNames[0])) levels.lastName = 'crossed';
  levels.firstName = names.inverted && names.first.level === 'exact' ? 'inverted' : names.first.comparator === 'initials' ? 'initial' : names.first.level;
  const frequency = isExactLevel(levels.lastName) ? context.lastNameCount(names.last.right) : Number.POSITIVE_INFINITY;
  const seedConfig = seedTable;
  const rarity = seedRarity(seedConfig, frequency);
  const weights: Partial<Record<MatchField, number>> = {};
  const exactNameWeight = context.exactNameWeight;
  if (exactNameWeight !== undefined) {
    if (levels.lastName === 'exact') weights.lastName = exactNameWeight('lastName', names.last.right);
    if (levels.firstName === 'exact') weights.firstName = exactNameWeight('firstName', names.first.right);
  } else if (levels.lastName !== 'missing') weights.lastName = pointsFor(config, 'lastName', levels.lastName) + (isExactLevel(levels.lastName) ? rarity : 0);
  const lastPoints = weights.lastName ?? pointsFor(config, 'lastName', levels.lastName);
  const firstPoints = weights.firstName ?? pointsFor(config, 'firstName', levels.firstName);
  if (pointsFor(seedConfig, 'lastName', levels.lastName) < 0 || pointsFor(seedConfig, 'firstName', levels.firstName) < 0) contradicted = true;
  if (floor !== undefined && isHopeless(config, floor, known + lastPoints + firstPoints + patternCeiling, contradicted, (field) => isExactLevel(levels[field]))) return null;

  if (levels.email !== 'exact' && levels.email !== 'part' && record.email !== null && reference.firstNames.length > 0 && reference.lastNames.length > 0) {
    levels.email = followsNames(localPartOf(record.email), reference) ? 'compatible' : 'different';
  }
  const patternLogin = sharedLogin === undefined ? record.logins.find((login) => followsNames(login, reference)) : undefined;
  if (patternLogin !== undefined) levels.login = 'compatible';
  // An account name that follows none of the patterns of the person's names argues (a little) against.
  else if (sharedLogin === undefined && record.logins.length > 0 && reference.lastNames.length > 0 && reference.firstNames.length > 0) levels.login = 'different';
  // Calibrated: an interim or contractor account (ext.…) belongs to someone off the HR export far more
  // often than the level's weight says; its name argues against whatever the names.
  const external = record.externalAccount === true && sharedLogin === undefined && context.seedConfig !== undefined;
  if (external) {
    levels.login = 'different';
    weights.login = pointsFor(config, 'login', 'different') + externalAccountWeight;
  }

  // Calibrated: an account name or mailbox built from the names says nothing more once those very names agree
  // (a namesake's would follow the same pattern): Fellegi–Sunter would otherwise count the names twice.
  // The same holds when the given name in use is one of the person's civil given names (not mere initials).
  if (context.seedConfig !== undefined && isExactLevel(levels.lastName) && (levels.firstName === 'exact' || (levels.firstName === 'compatible' && names.first.comparator !== 'initials'))) {
    if (levels.login === 'compatible') weights.login = 0;
    if (levels.email === 'compatible') weights.email = 0;
  }
  // Nor when it is built from the record's own names, whatever the person's: those names were compared
  // already. Otherwise `julie.belmabon` counts twice for a BELMABON-LANCORRE Julie (the surname in part,
  // then the mailbox) and outweighs the BELMABON Julie whose names agree.
  if (context.seedConfig !== undefined && record.firstNames.length > 0 && record.lastNames.length > 0) {
    if (levels.login === 'compatible' && patternLogin !== undefined && followsNames(patternLogin, record)) weights.login = 0;
    if (levels.email === 'compatible' && followsNames(localPartOf(record.email!), record)) weights.email = 0;
  }
  const evidence: FieldEvidence[] = [];
  const explain = { evidence, context, levels, weights };
  addEvidence(explain, 'rpps', record.rpps, reference.rpps, 'equal');
  addEvidence(explain, 'hrId', record.hrId, reference.hrId, 'equal');
  addEvidence(explain, 'adId', record.adId, reference.adId, 'equal');
  addEvidence(explain, 'lastName', names.last.left, names.last.right, names.inverted ? 'inverted order' : names.last.comparator, rarity);
  addEvidence(explain, 'firstName', names.first.left, names.first.right, names.inverted ? 'inverted order' : names.first.comparator);
  addEvidence(explain, 'birthDate', record.birthDate, reference.birthDate, 'calendar');
  addEvidence(explain, 'sex', record.sex, reference.sex, 'equal');
  if (record.serviceGroup === undefined) addEvidence(explain, 'service', record.service, reference.service, 'equal');
  else addEvidence(explain, 'service', record.serviceGroup.name, reference.service, 'learned nomenclature');
  const referenceName = levels.email === 'compatible' || (sharedLogin === undefined && levels.login !== 'missing') ? nameOf(reference) : '';
  if (levels.email === 'compatible') addEvidence(explain, 'email', record.email, referenceName, 'name pattern');
  else addEvidence(explain, 'email', record.email, reference.email, levels.email === 'part' ? 'local part' : 'equal');
  if (sharedLogin !== undefined) addEvidence(explain, 'login', sharedLogin, reference.logins.join(' '), 'same account');
  else addEvidence(explain, 'login', patternLogin ?? record.logins[0] ?? null, referenceName, external ? 'external account' : 'name pattern');
  addEvidence(explain, 'profession', record.profession, reference.profession, 'TRE_G15');
  if (levels.finess !== 'missing') addEvidence(explain, 'finess', finessHere ?? registerSide[0] ?? null, establishmentFinessText(context.establishmentFiness), 'activity at the establishment');

  const rule = config.rules.find((candidate) => candidate.exact.every((field) => isExactLevel(levels[field])))?.name ?? null;
  // A contradiction is a real disagreement (negative points in the seed's table): not a slightly unlikely profession.
  const negative = evidence.some((item) => item.points < 0);
  const reviewRule = negative ? null : (config.reviewRules.find((candidate) => candidate.exact.every((field) => isExactLevel(levels[field])))?.name ?? null);
  let score = 0;
  let seedPoints = 0;
  for (const item of evidence) {
    score += item.weight ?? item.points;
    seedPoints += item.points;
  }
  return { score, seedPoints, rule, reviewRule, evidence };
}
