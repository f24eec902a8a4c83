import type { MatchFeatures } from './buildMatchFeatures';
import { compareBirthDates } from './compareBirthDates';
import { compareFirstNames, compareLastNames, type NameComparison } from './compareNames';
import type { ComparisonLevel, MatchField, MatchingConfig } from './matchingConfig';
import { matchesLoginPattern } from './matchesLoginPattern';
import { surnameTokens } from './normalizeName';

/** One line of "why": the field, both values, how they compared and what it was worth. */
export interface FieldEvidence {
  field: MatchField;
  left: string | null;
  right: string | null;
  level: ComparisonLevel;
  comparator: string;
  points: number;
}

export interface PairComparison {
  score: number;
  /** The deterministic rule that decided, if any. */
  rule: string | null;
  /** The review rule that applies (e.g. same names only: never automatic, always shown to a human). */
  reviewRule: string | null;
  evidence: FieldEvidence[];
}

export interface CompareContext {
  config: MatchingConfig;
  /** The establishment's FINESS numbers: a register activity there is evidence. */
  establishmentFiness: ReadonlySet<string>;
  /** How many reference identities carry this surname form (term frequency). */
  lastNameCount(form: string): number;
}

function pointsFor(config: MatchingConfig, field: MatchField, level: ComparisonLevel): number {
  return config.points[field]?.[level] ?? 0;
}

function compareIdentifier(a: string | null, b: string | null): ComparisonLevel {
  if (a === null || b === null) return 'missing';
  return a === b ? 'exact' : 'different';
}

interface NamePair {
  last: NameComparison;
  first: NameComparison;
  inverted: boolean;
}

/** Names compared as given, and inverted when that fits better (or when one side's order is unknown). */
function compareNamePair(a: MatchFeatures, b: MatchFeatures, config: MatchingConfig): NamePair {
  const worth = (pair: NamePair) => pointsFor(config, 'lastName', pair.last.level) + pointsFor(config, 'firstName', pair.first.level);
  const candidates: NamePair[] = [];
  const splits = (features: MatchFeatures): { last: string[]; first: string[]; inverted: boolean }[] => {
    if (!features.nameOrderUnknown) return [{ last: features.lastNames, first: features.firstNames, inverted: false }];
    const tokens = features.firstNames;
    return tokens.flatMap((_, index) => [
      { last: [tokens.slice(index + 1).join(' ')], first: tokens.slice(0, index + 1), inverted: false },
      { last: [tokens.slice(0, index + 1).join(' ')], first: tokens.slice(index + 1), inverted: false },
    ]).filter((split) => split.last[0] !== '' && split.first.length > 0);
  };
  for (const left of splits(a)) {
    for (const right of splits(b)) {
      candidates.push({ last: compareLastNames(left.last, right.last), first: compareFirstNames(left.first, right.first), inverted: left.inverted || right.inverted });
    }
  }
  const direct = candidates[0]!;
  // Inverted columns are tried only when the names as given do not already agree.
  if (!a.nameOrderUnknown && !b.nameOrderUnknown && !(direct.last.level === 'exact' && direct.first.level === 'exact')) {
    candidates.push({
      last: compareLastNames([surnameTokens(a.firstNames.join(' ')).join(' ')], b.lastNames),
      first: compareFirstNames(a.lastNames[0]?.split(' ') ?? [], b.firstNames),
      inverted: true,
    });
  }
  return candidates.reduce((winner, next) => (worth(next) > worth(winner) ? next : winner));
}

/** Compares a source record with a reference (an identity's merged features), field by field. */
export function compareFeatures(record: MatchFeatures, reference: MatchFeatures, context: CompareContext): PairComparison {
  const { config } = context;
  const evidence: FieldEvidence[] = [];
  const add = (field: MatchField, left: string | null, right: string | null, level: ComparisonLevel, comparator: string, extra = 0) => {
    if (level === 'missing') return;
    evidence.push({ field, left, right, level, comparator, points: pointsFor(config, field, level) + extra });
  };
  add('rpps', record.rpps, reference.rpps, compareIdentifier(record.rpps, reference.rpps), 'equal');
  add('hrId', record.hrId, reference.hrId, compareIdentifier(record.hrId, reference.hrId), 'equal');
  add('adId', record.adId, reference.adId, compareIdentifier(record.adId, reference.adId), 'equal');

  const names = compareNamePair(record, reference, config);
  const nameLevel = (level: ComparisonLevel): ComparisonLevel => (names.inverted && level === 'exact' ? 'inverted' : level);
  const lastLevel = nameLevel(names.last.level);
  const frequency = lastLevel === 'exact' ? context.lastNameCount(names.last.right) : Number.POSITIVE_INFINITY;
  const rarity = Number.isFinite(frequency) ? Math.round(config.rareLastNameBonus * Math.max(0, 1 - Math.log(Math.max(1, frequency)) / Math.log(50))) : 0;
  add('lastName', names.last.left, names.last.right, lastLevel, names.inverted ? 'inverted order' : names.last.comparator, rarity);
  add('firstName', names.first.left, names.first.right, nameLevel(names.first.level), names.inverted ? 'inverted order' : names.first.comparator);

  add('birthDate', record.birthDate, reference.birthDate, compareBirthDates(record.birthDate, reference.birthDate), 'calendar');
  add('sex', record.sex, reference.sex, record.sex !== null && reference.sex !== null && record.sex !== reference.sex ? 'different' : 'missing', 'equal');
  add('service', record.service, reference.service, record.service !== null && reference.service !== null && record.service === reference.service ? 'exact' : 'missing', 'equal');
  const referenceName = `${reference.firstNames.join(' ')} ${reference.lastNames[0] ?? ''}`.trim();
  if (record.email !== null && reference.email !== null && record.email === reference.email) add('email', record.email, reference.email, 'exact', 'equal');
  else if (record.email !== null && matchesLoginPattern(record.email.split('@')[0]!, reference.firstNames, reference.lastNames)) add('email', record.email, referenceName, 'compatible', 'name pattern');
  const accounts = record.logins.filter((login) => !login.includes('@'));
  const patternLogin = accounts.find((login) => matchesLoginPattern(login, reference.firstNames, reference.lastNames));
  const sharedLogin = accounts.find((login) => reference.logins.some((other) => other.replace(/[^a-z0-9]/g, '') === login.replace(/[^a-z0-9]/g, '')));
  if (sharedLogin !== undefined) add('login', sharedLogin, reference.logins.join(' '), 'exact', 'same account');
  else if (patternLogin !== undefined) add('login', patternLogin, referenceName, 'compatible', 'name pattern');
  const professionLevel = record.profession !== null && reference.profession !== null ? (record.profession === reference.profession ? 'exact' : 'different') : 'missing';
  add('profession', record.profession, reference.profession, professionLevel, 'TRE_G15');
  const registerSide = record.finess.length > 0 ? record.finess : reference.finess;
  if (registerSide.length > 0 && context.establishmentFiness.size > 0) {
    const here = registerSide.find((finess) => context.establishmentFiness.has(finess));
    add('finess', here ?? registerSide[0]!, [...context.establishmentFiness].join(' '), here !== undefined ? 'exact' : 'different', 'activity at the establishment');
  }

  const levels = new Map(evidence.map((item) => [item.field, item.level]));
  const rule = config.rules.find((candidate) => candidate.exact.every((field) => levels.get(field) === 'exact'))?.name ?? null;
  const contradicted = evidence.some((item) => item.points < 0);
  const reviewRule = contradicted ? null : (config.reviewRules.find((candidate) => candidate.exact.every((field) => levels.get(field) === 'exact'))?.name ?? null);
  const score = evidence.reduce((sum, item) => sum + item.points, 0);
  return { score, rule, reviewRule, evidence };
}
