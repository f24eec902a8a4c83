import { performance } from 'node:perf_hooks';
import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import { isNonHealthJob } from '../../shared/matching/isNonHealthJob';
import { buildMatchFeatures, givenNamesListInSource, type MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type FieldEvidence } from '../../shared/matching/compareFeatures';
import { createExactNameWeight, type NameFrequencies } from '../../shared/matching/createExactNameWeight';
import type { MatchModel } from '../../shared/matching/matchModel';
import { defaultMatchingConfig, type MatchField, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { genericAccountName } from '../../shared/matching/accountNamePatterns';
import { sortedTokens } from '../../shared/matching/compareNames';
import { weightsConfigOf } from '../../shared/matching/weightsConfigOf';
import { countNameFrequencies } from './countNameFrequencies';
import { createElsewhereNamesakeTest, exactNameKeysOf } from './createElsewhereNamesakeTest';
import { learnServiceGroups } from './learnServiceGroups';
import { indexIdentities, type Candidate } from './indexIdentities';
import { trainMatchModel } from './trainMatchModel';

export interface ReconcileRecord {
  sourceId: string;
  role: SourceRole;
  key: string;
  attributes: CanonicalAttributes;
  /** Register entries: FINESS numbers of their activities. */
  finess?: readonly string[];
}

/** A human's word on one record: link it to the identity anchored on `anchor`, or never to it. */
export interface HumanDecision {
  record: string;
  anchor: string;
  decision: 'accept' | 'reject';
}

export type LinkDecision = 'auto' | 'review' | 'none';
export type OrphanReason = 'departed' | 'unknown' | 'generic' | 'duplicate';

export interface ReconciledLink {
  record: number;
  /** Index of the identity (see `identities`), or null when no candidate reached the review threshold. */
  identity: number | null;
  decision: LinkDecision;
  /** True when a human accepted this link (it wins over the engine). */
  validated: boolean;
  /** What decided: summed weights in bits (calibrated), or points (seed-points). */
  score: number;
  /** The seed's points for the same evidence, shown beside the weights. */
  seedPoints: number;
  /** Match probability (calibrated policy): prior odds times each field's Bayes factor. Null under seed-points. */
  probability: number | null;
  rule: string;
  evidence: FieldEvidence[];
  /** Score of the runner-up identity, when there was one (homonym guard). */
  runnerUpScore: number | null;
  /**
   * A proposal's other possible people (a namesake the homonym guard weighed, within its margin),
   * best first, at most `maxAlternatives`: the reviewer sees them and may choose one instead.
   */
  alternatives?: LinkAlternative[];
}

/** Another person a proposed record may be, with the evidence for that pair. */
export interface LinkAlternative {
  identity: number;
  score: number;
  probability: number | null;
  evidence: FieldEvidence[];
}

/** How many other people a proposal names at most (namesakes in one establishment are seldom more). */
const maxAlternatives = 3;

export interface ReconciledIdentity {
  /** Index of the HR record the identity is anchored on. */
  anchor: number;
  members: number[];
  /** Merged features: HR data enriched with the RPPS, account and e-mail of automatic links. */
  features: MatchFeatures;
}

export interface ReconcileResult {
  identities: ReconciledIdentity[];
  /**
   * One per record, in input order (HR anchors included, with rule `hr-reference`); a hole for a
   * register entry that no identity could claim (most of the national register, never scored) or
   * that none took (a namesake registered elsewhere).
   */
  links: (ReconciledLink | undefined)[];
  orphans: { record: number; reason: OrphanReason }[];
  /** The model the calibrated policy estimated for this run (null under seed-points). */
  model: MatchModel | null;
  stats: { candidatePairs: number; timingsMs: Record<string, number> };
}

export interface ReconcileRecordsOptions {
  records: readonly ReconcileRecord[];
  config?: MatchingConfig;
  establishmentFiness?: readonly string[];
  decisions?: readonly HumanDecision[];
  /**
   * Sources where one person may hold several records (declared `recordsPerPerson: "several"`):
   * their second records link on their own evidence, with no one-account-per-source prior.
   */
  severalRecordsPerPerson?: ReadonlySet<string>;
  /** ISO day; HR end dates before it make linked accounts "departed". */
  today: string;
  /** Sees the identities compared with each record (to measure blocking recall). */
  onCandidates?: (record: number, identities: readonly number[]) => void;
  /**
   * Called as the register and directory phases end: a caller may collect their garbage there, before
   * the next phase grows the heap. Not after the applications: at scale 1 that collection took 0.9 s
   * to free 70 MB, and the write phase then needed none (peak RSS 1,300 MB against 1,284 MB).
   */
  onPhaseEnd?: (phase: string) => void;
  /**
   * Name frequencies for the term-frequency adjustment (e.g. counted over the whole national
   * register while it is streamed); by default counted over the records given.
   */
  nameFrequencies?: NameFrequencies;
}

/** The same day `years` years earlier, on ISO days (YYYY-MM-DD…): compared as strings. */
function yearsBefore(isoDay: string, years: number): string {
  return `${Number(isoDay.slice(0, 4)) - years}${isoDay.slice(4, 10)}`;
}

/** How long the register may still show a newcomer at the previous employer only. */
const registerLagYears = 2;

/** How many leftover accounts the establishment's overall share of matched accounts counts for in the leftovers' estimate. */
const eliminationPriorWeight = 50;

/** Leftover accounts × people without an account in the source compared pair by pair up to this many pairs. */
const eliminationExhaustiveBudget = 400_000;

/** The name two people may share: sorted surname parts and first given name (null without both). */
function nameKeyOf(features: MatchFeatures): string | null {
  if (features.nameOrderUnknown || features.lastNames.length === 0 || features.firstNames.length === 0) return null;
  return `${sortedTokens(features.lastNames[0]!)}|${features.firstNames[0]!}`;
}

/** Every name a person answers to: usage and birth surnames, each with the first given name. */
function nameKeysOf(features: MatchFeatures): string[] {
  if (features.nameOrderUnknown || features.firstNames.length === 0) return [];
  return features.lastNames.map((form) => `${sortedTokens(form)}|${features.firstNames[0]!}`);
}

/** Surnames this short differ by one letter too often to say anything (LE/LA, ROY/RAY). */
const nearNameMinLength = 5;

/**
 * People here whose names are one keystroke apart (one letter added, dropped or changed, or two
 * neighbours swapped) with the same first given name, where one of the two surnames is borne by
 * no other record (no account, no register entry): HR misspelled it (`MOEAU` for `MOREAU`), and an
 * account or a register entry spelled right must not go by default to the other person of that
 * name. Two real surnames one letter apart (MARTIN, MARTINS) both appear elsewhere and are left
 * alone. Each name key maps to the other people's positions. Found through the names with one
 * letter deleted (a deletion neighbourhood): linear in the people.
 */
function findNearNamesakes(namesOfPeople: readonly (readonly { key: string; form: string }[])[], borneElsewhere: (form: string) => boolean): Map<string, number[]> {
  const variantsOf = (key: string): string[] => {
    const bar = key.indexOf('|');
    const [surname, first] = [key.slice(0, bar), key.slice(bar)];
    if (surname.length < nearNameMinLength) return [];
    const variants = new Set([surname]);
    for (let index = 0; index < surname.length; index += 1) variants.add(surname.slice(0, index) + surname.slice(index + 1));
    return [...variants].map((variant) => variant + first);
  };
  // The misspelled side is borne by no other record: few people; only their names' variants are kept.
  const unattested = new Map<string, { key: string; person: number }[]>();
  namesOfPeople.forEach((names, person) => {
    for (const { key, form } of names) {
      if (borneElsewhere(form)) continue;
      for (const variant of variantsOf(key)) {
        const list = unattested.get(variant);
        if (list === undefined) unattested.set(variant, [{ key, person }]);
        else list.push({ key, person });
      }
    }
  });
  const near = new Map<string, number[]>();
  const pair = (key: string, other: number) => {
    const list = near.get(key);
    if (list === undefined) near.set(key, [other]);
    else if (!list.includes(other)) list.push(other);
  };
  if (unattested.size === 0) return near;
  namesOfPeople.forEach((names, person) => {
    for (const { key } of names) {
      for (const variant of variantsOf(key)) {
        for (const typo of unattested.get(variant) ?? []) {
          if (typo.person === person || typo.key === key) continue;
          pair(key, typo.person);
          pair(typo.key, person);
        }
      }
    }
  });
  return near;
}

/** Fields that tell two namesakes apart when they agree. */
const distinguishingFields = new Set(['rpps', 'hrId', 'adId', 'email', 'birthDate']);

/** The evidence the decisions read (`isDistinguished`, `hasDistinguishingKey`, `isWorthReviewWithoutKey`, the key checks). */
const decisionFields: ReadonlySet<string> = new Set([...distinguishingFields, 'finess', 'login', 'service', 'profession']);

function hasDistinguishingKey(candidate: Candidate): boolean {
  return candidate.evidence.some((item) => (distinguishingFields.has(item.field) && item.level === 'exact') || (item.field === 'login' && item.level === 'exact'));
}

/** Fields that name a person or identify one: a pair that agrees on none of them agrees only on what many people share. */
const namingFields: ReadonlySet<MatchField> = new Set(['lastName', 'firstName', 'login', 'email', 'rpps', 'hrId', 'adId']);

function namesOrIdentifies(candidate: Candidate): boolean {
  return candidate.evidence.some((item) => namingFields.has(item.field) && (item.weight ?? item.points) > 0);
}

/** The best candidate agrees exactly on a key (identifier, birth date, FINESS here, account; the profession when asked) where its rival disagrees: they are told apart. */
function isDistinguished(candidate: Candidate, rival: Candidate, byProfession = false): boolean {
  for (const item of candidate.evidence) {
    if (item.level !== 'exact' || !(distinguishingFields.has(item.field) || item.field === 'finess' || item.field === 'login' || item.field === 'service' || (byProfession && item.field === 'profession'))) continue;
    const other = rival.evidence.find((evidence) => evidence.field === item.field);
    if (other !== undefined && other.level === 'different') return true;
  }
  return false;
}

/**
 * A register entry without RPPS nor activity here is proposed only with the person's profession, and,
 * when its activities are elsewhere, only for a person who arrived lately (the register takes months to
 * show a newcomer here and still shows the previous employer), or, when the arrival date is unknown,
 * only if it is the one entry of that name: the register lists thousands of namesakes of local staff.
 */
function isWorthReviewWithoutKey(candidate: Candidate, alone: () => boolean, arrivedLately: boolean | null): boolean {
  let professionAgrees = false;
  let here = false;
  for (const item of candidate.evidence) {
    if (item.field === 'finess') here = item.level === 'exact';
    if (item.field === 'profession') professionAgrees = item.level === 'exact';
  }
  return professionAgrees && (here || (arrivedLately ?? alone()));
}

/** A register entry's keys: its RPPS, or an activity at the establishment. */
function hasRegisterKey(candidate: Candidate): boolean {
  return candidate.evidence.some((item) => (item.field === 'finess' || item.field === 'rpps') && item.level === 'exact');
}

function isRuled(candidate: Candidate): boolean {
  return candidate.rule !== null || candidate.reviewRule !== null;
}

/**
 * The probability of one pair when its rivals are other hypotheses for the same place (at most one
 * of them is true, or none): its odds over the sum of everyone's plus one.
 */
export function probabilityAmongRivals(priorWeight: number, score: number, rivalScores: readonly number[]): number {
  const odds = 2 ** (priorWeight + score);
  let total = 1 + odds;
  for (const rival of rivalScores) total += 2 ** (priorWeight + rival);
  return odds / total;
}

/** "sourceId/key": how decisions and anchors name a record. */
export function recordRef(record: Pick<ReconcileRecord, 'sourceId' | 'key'>): string {
  return `${record.sourceId}/${record.key}`;
}


function mergeInto(target: MatchFeatures, source: MatchFeatures): void {
  target.rpps ??= source.rpps;
  target.adId ??= source.adId;
  target.email ??= source.email;
  target.profession ??= source.profession;
  for (const login of source.logins) if (!target.logins.includes(login)) target.logins.push(login);
}

/**
 * Reconciles source records into identities anchored on HR records: register entries first (one
 * to one), then directory accounts, then application accounts, each scored against identities
 * found through blocking keys. Deterministic rules decide first, then points; the homonym guard
 * sends close runners-up to review; human decisions win. Pure: no database, no clock.
 */
export function reconcileRecords({
  records,
  config = defaultMatchingConfig,
  establishmentFiness = [],
  decisions = [],
  today,
  onCandidates,
  nameFrequencies,
  onPhaseEnd,
  severalRecordsPerPerson = new Set(),
}: ReconcileRecordsOptions): ReconcileResult {
  const timingsMs: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    timingsMs[phase] = Math.round(performance.now() - start);
    if (phase === 'register' || phase === 'directory') onPhaseEnd?.(phase);
    return result;
  };
  // HR exports that list every civil given name: the first word is the name in use.
  const listingSources = new Set<string>();
  {
    const namesBySource = new Map<string, (string | undefined)[]>();
    for (const record of records) {
      if (record.role !== 'hr') continue;
      const names = namesBySource.get(record.sourceId);
      if (names === undefined) namesBySource.set(record.sourceId, [record.attributes.firstName]);
      else names.push(record.attributes.firstName);
    }
    for (const [sourceId, names] of namesBySource) if (givenNamesListInSource(names)) listingSources.add(sourceId);
  }
  const featuresOf = (record: ReconcileRecord) =>
    buildMatchFeatures({
      attributes: record.attributes,
      finess: record.finess,
      accountKey: record.role === 'directory' || record.role === 'application' ? record.key : undefined,
      givenNamesListed: listingSources.has(record.sourceId),
    });
  // Register entries get features only when an identity may claim them (see the register phase).
  const features: (MatchFeatures | undefined)[] = new Array(records.length);
  const indexesOf: Record<SourceRole, number[]> = { hr: [], register: [], directory: [], application: [] };
  time('features', () =>
    records.forEach((record, index) => {
      indexesOf[record.role].push(index);
      if (record.role !== 'register') features[index] = featuresOf(record);
    }),
  );
  // An account's service named in a nomenclature HR does not use (a pôle, a site, another application's
  // codes) is compared through the correspondence its identifier-linked accounts show, when they show
  // one; otherwise it says nothing either way: left out rather than counted as a disagreement.
  {
    const hrServices = new Set<string>();
    for (const record of indexesOf.hr) {
      const service = features[record]!.service;
      if (service !== null) hrServices.add(service);
    }
    if (hrServices.size > 0) {
      const accounts = [...indexesOf.directory, ...indexesOf.application];
      const groups = learnServiceGroups(
        indexesOf.hr.map((record) => features[record]!),
        accounts.map((record) => ({ sourceId: records[record]!.sourceId, features: features[record]! })),
      );
      for (const record of accounts) {
        const account = features[record]!;
        if (account.service === null || hrServices.has(account.service)) continue;
        const correspondence = groups.get(records[record]!.sourceId);
        const services = correspondence?.groups.get(account.service);
        if (services !== undefined) account.serviceGroup = { name: account.service, services, placed: correspondence!.placed };
        account.service = null;
      }
    }
  }
  const identities: ReconciledIdentity[] = [];
  const identityOfAnchor = new Map<number, number>();
  const links: (ReconciledLink | undefined)[] = new Array(records.length);
  const unlinked = (record: number): ReconciledLink => ({ record, identity: null, decision: 'none', validated: false, score: 0, seedPoints: 0, probability: null, rule: 'none', evidence: [], runnerUpScore: null });
  for (const role of ['directory', 'application'] as const) for (const index of indexesOf[role]) links[index] = unlinked(index);
  const orphans: { record: number; reason: OrphanReason }[] = [];

  time('identities', () => {
    for (const record of indexesOf.hr) {
      const identity = identities.length;
      const anchor = features[record]!;
      identities.push({ anchor: record, members: [record], features: { ...anchor, logins: [...anchor.logins] } });
      identityOfAnchor.set(record, identity);
      links[record] = { ...unlinked(record), identity, decision: 'auto', score: 100, rule: 'hr-reference' };
    }
  });
  const references = identities.map((identity) => identity.features);

  const accepted = new Map<number, number>();
  const rejected = new Set<number>();
  // One number per (record, identity) pair: identities stay below 2^22.
  const pairBase = 4_194_304;
  const pairKey = (record: number, identity: number) => record * pairBase + identity;
  const recordOfPair = (key: number) => Math.floor(key / pairBase);
  if (decisions.length > 0) {
    const named = new Set(decisions.flatMap((decision) => [decision.record, decision.anchor]));
    const indexByRef = new Map<string, number>();
    records.forEach((record, index) => {
      const ref = recordRef(record);
      if (named.has(ref)) indexByRef.set(ref, index);
    });
    for (const decision of decisions) {
      const record = indexByRef.get(decision.record);
      const anchor = indexByRef.get(decision.anchor);
      const identity = anchor === undefined ? undefined : identityOfAnchor.get(anchor);
      if (record === undefined || identity === undefined) continue;
      if (decision.decision === 'accept') accepted.set(record, identity);
      else rejected.add(pairKey(record, identity));
    }
  }

  // Calibrated policy: learn the establishment's weights (EM, random pairs, reviewers' labels), then decide on them.
  const featuresAt = (record: number): MatchFeatures => features[record] ?? featuresOf(records[record]!);
  const calibration =
    config.scoring === 'calibrated' && identities.length > 1
      ? time('model', () => {
          const seedContext = indexIdentities({ references: [], config, establishmentFiness }).context;
          const labels = [
            ...[...accepted].map(([record, identity]) => ({ record, identity, match: true })),
            ...[...rejected].map((key) => ({ record: recordOfPair(key), identity: key % pairBase, match: false })),
          ];
          const model = trainMatchModel({
            references,
            // Local accounts only: the register a caller passes may be whole or screened, and the model must not depend on it.
            records: [...indexesOf.directory, ...indexesOf.application],
            featuresOf: featuresAt,
            context: seedContext,
            labels,
          });
          const frequencies = nameFrequencies ?? countNameFrequencies(records.map((record) => [record.attributes.lastName ?? record.attributes.birthName, record.attributes.firstName] as const));
          return { model, config: weightsConfigOf(model, config), exactNameWeight: createExactNameWeight(model, frequencies), surnameBearers: frequencies.lastNames };
        })
      : null;
  const decisionConfig = calibration?.config ?? config;
  const model = calibration?.model ?? null;
  const surnameBearers = calibration?.surnameBearers ?? null;
  const index = indexIdentities({ references, config: decisionConfig, establishmentFiness, seedConfig: calibration === null ? undefined : config, exactNameWeight: calibration?.exactNameWeight });
  const { context, floor } = index;
  const bounded = { floor };
  const probabilityOf = (score: number): number | null => (model === null ? null : 1 / (1 + 2 ** -(model.priorWeight + score)));

  let candidatePairs = 0;
  const scoreCandidates = (record: number, recordFeatures: MatchFeatures, exactOnly = false): Candidate[] => {
    const { candidates, seen } = index.score(recordFeatures, rejected.size === 0 ? undefined : (identity) => rejected.has(pairKey(record, identity)), exactOnly);
    candidatePairs += seen.length;
    onCandidates?.(record, seen);
    return candidates;
  };
  /** `byProfession`: register entries, whose namesakes here a profession may tell apart. */
  const decide = (candidate: Candidate, runnerUp: Candidate | undefined, byProfession = false): LinkDecision => {
    if (candidate.rule !== null && runnerUp?.rule === null) return 'auto';
    if (candidate.rule !== null && runnerUp === undefined) return 'auto';
    if (candidate.score < decisionConfig.reviewThreshold) return candidate.reviewRule !== null ? 'review' : 'none';
    const guarded =
      runnerUp !== undefined &&
      runnerUp.score >= candidate.score - decisionConfig.homonymMargin &&
      runnerUp.score >= decisionConfig.reviewThreshold - decisionConfig.homonymMargin &&
      (model === null || !isDistinguished(candidate, runnerUp, byProfession));
    const threshold = decisionConfig.namesOnlyThreshold !== undefined && !hasDistinguishingKey(candidate) ? decisionConfig.namesOnlyThreshold : decisionConfig.automaticThreshold;
    return candidate.score >= threshold && !guarded ? 'auto' : 'review';
  };
  const scoredRule = model === null ? 'points' : 'weights';
  /** A proposal's namesakes within the guard's margin, compared in full (register candidates keep only the decision's evidence). */
  const alternativesOf = (record: number, candidate: Candidate, rivals: readonly Candidate[]): LinkAlternative[] | undefined => {
    const close = rivals
      .filter((other) => other.identity !== candidate.identity && other.score >= candidate.score - decisionConfig.homonymMargin && other.score >= floor)
      .sort((a, b) => b.score - a.score)
      .slice(0, maxAlternatives);
    if (close.length === 0) return undefined;
    return close.map((other) => {
      const comparison = compareFeatures(features[record]!, identities[other.identity]!.features, context);
      return { identity: other.identity, score: comparison.score, probability: probabilityOf(comparison.score), evidence: comparison.evidence };
    });
  };
  const link = (record: number, candidate: Candidate, decision: LinkDecision, runnerUp: Candidate | undefined, rule?: string, rivals?: readonly Candidate[]) => {
    links[record] = {
      record,
      identity: decision === 'none' ? null : candidate.identity,
      decision,
      validated: false,
      score: candidate.score,
      seedPoints: candidate.seedPoints,
      probability: probabilityOf(candidate.score),
      rule: rule ?? candidate.rule ?? (decision !== 'none' && candidate.score < decisionConfig.reviewThreshold ? (candidate.reviewRule ?? scoredRule) : scoredRule),
      evidence: candidate.evidence,
      runnerUpScore: runnerUp?.score ?? null,
      alternatives: decision === 'review' && rivals !== undefined ? alternativesOf(record, candidate, rivals) : undefined,
    };
  };
  const pinAccepted = (record: number): boolean => {
    const identity = accepted.get(record);
    if (identity === undefined) return false;
    const comparison = compareFeatures(features[record]!, identities[identity]!.features, context);
    links[record] = {
      record, identity, decision: 'auto', validated: true, score: comparison.score, seedPoints: comparison.seedPoints, probability: probabilityOf(comparison.score), rule: 'human', evidence: comparison.evidence, runnerUpScore: null,
    };
    return true;
  };

  // Two people here of one name (or of names one keystroke apart): a register entry links to one of
  // them only by its RPPS, or when a key, a FINESS or its profession tells them apart (isToldApartFromNamesakes).
  const nearNamesakes =
    surnameBearers === null
      ? new Map<string, number[]>()
      : findNearNamesakes(
          // nameKeysOf gives one key per surname form, in order.
          identities.map(({ features: person }) => nameKeysOf(person).map((key, position) => ({ key, form: person.lastNames[position]! }))),
          // The person's own HR record counts once.
          (form) => (surnameBearers.get(form) ?? 0) > 1,
        );
  const hrNamesakes = new Map<string, number[]>();
  {
    const bearers = new Map<string, number[]>();
    identities.forEach((identity, position) => {
      for (const key of new Set(nameKeysOf(identity.features))) {
        const list = bearers.get(key);
        if (list === undefined) bearers.set(key, [position]);
        else {
          list.push(position);
          hrNamesakes.set(key, list);
        }
      }
    });
  }
  /**
   * A register entry at the establishment told apart from each person here who shares the name of the
   * one it links to: the namesake either scored below the floor (a strong disagreement) or disagrees on
   * a key, a FINESS or the profession where the candidate agrees.
   */
  const isToldApartFromNamesakes = (record: number, candidate: Candidate, others: readonly Candidate[]): boolean => {
    const namesakes = new Set<number>();
    const near = new Set<number>();
    for (const key of nameKeysOf(identities[candidate.identity]!.features)) {
      for (const identity of hrNamesakes.get(key) ?? []) if (identity !== candidate.identity) namesakes.add(identity);
      for (const identity of nearNamesakes.get(key) ?? []) if (identity !== candidate.identity) near.add(identity);
    }
    for (const identity of namesakes) {
      const rival = others.find((other) => other.identity === identity);
      if (rival !== undefined && !isDistinguished(candidate, rival, true)) return false;
    }
    // A name one keystroke apart is not looked up by the entry's exact names: compared here.
    for (const identity of near) {
      if (namesakes.has(identity)) continue;
      const rival = others.find((other) => other.identity === identity) ?? { ...compareFeatures(features[record]!, identities[identity]!.features, context), identity };
      if (rival.score >= floor && !isDistinguished(candidate, rival, true)) return false;
    }
    return true;
  };
  const establishment = new Set(establishmentFiness);
  const lateArrivalSince = yearsBefore(today, registerLagYears);
  /** Whether the person joined within the register's lag (null when the HR export does not say). */
  const arrivedLately = (identity: number): boolean | null => {
    const start = records[identities[identity]!.anchor]!.attributes.startDate;
    return start === undefined || start === '' ? null : start >= lateArrivalSince;
  };
  // An account's RPPS says, through the register, what the account holder's profession is.
  const accountRpps = new Set<string>();
  for (const role of ['directory', 'application'] as const) for (const record of indexesOf[role]) if (features[record]!.rpps !== null) accountRpps.add(features[record]!.rpps!);
  const professionOfRpps = new Map<string, string>();
  // Namesakes registered elsewhere that can only be rivals (see createElsewhereNamesakeTest), by exact-names key:
  // compared with a person only when her name's being alone in the register decides.
  const isElsewhereNamesake = model === null ? null : createElsewhereNamesakeTest({ references, establishmentFiness });
  const recordsDecidedOn = new Set([...accepted.keys(), ...[...rejected].map(recordOfPair)]);
  const namesakesElsewhere = new Map<string, number[]>();
  const ruledNamesakesElsewhere = new Map<number, number[]>();
  /** The scores of the namesakes elsewhere that meet a rule or a review rule with the person (what makes her name "not alone"). */
  function ruledNamesakeScoresElsewhere(identity: number): number[] {
    let scores = ruledNamesakesElsewhere.get(identity);
    if (scores !== undefined) return scores;
    scores = [];
    const compared = new Set<number>();
    for (const key of exactNameKeysOf(identities[identity]!.features, 'index')) {
      for (const entry of namesakesElsewhere.get(key) ?? []) {
        if (compared.has(entry)) continue;
        compared.add(entry);
        const comparison = compareFeatures(features[entry]!, identities[identity]!.features, context, bounded);
        if (comparison !== null && (comparison.rule !== null || comparison.reviewRule !== null)) scores.push(comparison.score);
      }
    }
    ruledNamesakesElsewhere.set(identity, scores);
    return scores;
  }
  time('register', () => {
    // One register entry per person and one person per entry: greedy assignment by score.
    const proposals: { record: number; candidates: Candidate[] }[] = [];
    const taken = new Set<number>();
    for (const record of indexesOf.register) {
      const entry = featuresOf(records[record]!);
      if (entry.rpps !== null && entry.profession !== null && accountRpps.has(entry.rpps)) professionOfRpps.set(entry.rpps, entry.profession);
      if (accepted.has(record)) {
        features[record] = entry;
        pinAccepted(record);
        taken.add(links[record]!.identity!);
        continue;
      }
      if (isElsewhereNamesake !== null && !recordsDecidedOn.has(record) && isElsewhereNamesake(entry)) {
        // Looked up all the same when a caller counts the pairs seen (blocking recall).
        if (onCandidates !== undefined) scoreCandidates(record, entry, true);
        features[record] = entry;
        for (const key of exactNameKeysOf(entry, 'exact-query')) {
          const entries = namesakesElsewhere.get(key);
          if (entries === undefined) namesakesElsewhere.set(key, [record]);
          else entries.push(record);
        }
        continue;
      }
      // Calibrated: an entry elsewhere links only by its RPPS or its very names (see below): only those keys are looked up.
      const elsewhere = model !== null && !entry.finess.some((finess) => establishment.has(finess));
      const candidates = scoreCandidates(record, entry, elsewhere).filter((candidate) => candidate.rule !== null || candidate.reviewRule !== null || candidate.score >= floor);
      if (candidates.length === 0) continue;
      // Kept only for the entries some identity may claim: the rest of the register is let go.
      features[record] = entry;
      links[record] = unlinked(record);
      // Hundreds of thousands of proposals wait for the assignment: each keeps only the evidence its
      // decision reads (keys, FINESS, profession…); the pair that links is compared again in full.
      proposals.push({ record, candidates: candidates.map((candidate) => ({ ...candidate, evidence: candidate.evidence.filter((item) => decisionFields.has(item.field)) })) });
    }
    const competitorsOf = new Map<number, { record: number; candidate: Candidate }[]>();
    for (const proposal of proposals) {
      for (const candidate of proposal.candidates) {
        const competitors = competitorsOf.get(candidate.identity) ?? [];
        competitors.push({ record: proposal.record, candidate });
        competitorsOf.set(candidate.identity, competitors);
      }
    }
    const candidatesOf = new Map(proposals.map((proposal) => [proposal.record, proposal.candidates]));
    const flat = proposals.flatMap((proposal) => proposal.candidates.map((candidate) => ({ record: proposal.record, candidate })));
    flat.sort((a, b) => Number(b.candidate.rule !== null) - Number(a.candidate.rule !== null) || b.candidate.score - a.candidate.score);
    const assigned = new Set<number>();
    for (const { record, candidate } of flat) {
      if (assigned.has(record) || taken.has(candidate.identity)) continue;
      // Runner-up: another free identity for this entry, or another unassigned entry for this identity
      // (a homonym registered elsewhere): the guard applies both ways. One pass, nothing allocated:
      // a common name's identity meets hundreds of register namesakes, each looked at in turn.
      let runnerUp: Candidate | undefined;
      let ruledRival = false;
      const consider = (other: Candidate): void => {
        if (other.rule !== null || other.reviewRule !== null) ruledRival = true;
        // Rules first, then the score; the first met wins a tie.
        if (runnerUp === undefined || ((other.rule !== null) !== (runnerUp.rule !== null) ? other.rule !== null : other.score > runnerUp.score)) runnerUp = other;
      };
      for (const other of candidatesOf.get(record)!) if (other.identity !== candidate.identity && !taken.has(other.identity)) consider(other);
      for (const other of competitorsOf.get(candidate.identity) ?? []) if (other.record !== record && !assigned.has(other.record)) consider(other.candidate);
      let decision = decide(candidate, runnerUp, true);
      if (decision === 'none') continue;
      // A register namesake working elsewhere shares everything but the keys: by weights, only an entry at the establishment (or with the RPPS) links by itself.
      // Without either key, a namesake registered elsewhere is not even worth a reviewer's time.
      if (model !== null && candidate.rule === null && !hasRegisterKey(candidate)) decision = candidate.reviewRule !== null && isWorthReviewWithoutKey(candidate, () => !ruledRival && ruledNamesakeScoresElsewhere(candidate.identity).length === 0, arrivedLately(candidate.identity)) ? 'review' : 'none';
      if (decision === 'none') continue;
      if (decision === 'auto' && candidate.rule === null && !candidate.evidence.some((item) => item.field === 'rpps' && item.level === 'exact') && !isToldApartFromNamesakes(record, candidate, candidatesOf.get(record)!)) {
        decision = 'review';
      }
      let shownProbability: number | undefined;
      if (model !== null && decision === 'review' && candidate.rule === null && !hasRegisterKey(candidate)) {
        // Entries elsewhere of the same names, any one of which could be the newcomer's (at most one is):
        // its chance is this one's among them, not that of its names alone; below the review band, nobody is asked.
        const rivalScores = [
          ...(competitorsOf.get(candidate.identity) ?? []).filter((other) => other.record !== record && !assigned.has(other.record) && isRuled(other.candidate) && !hasRegisterKey(other.candidate)).map((other) => other.candidate.score),
          ...ruledNamesakeScoresElsewhere(candidate.identity),
        ];
        shownProbability = probabilityAmongRivals(model.priorWeight, candidate.score, rivalScores);
        if (shownProbability < decisionConfig.calibrated.reviewProbability) continue;
      }
      link(
        record,
        { ...candidate, evidence: compareFeatures(features[record]!, identities[candidate.identity]!.features, context).evidence },
        decision,
        runnerUp,
        undefined,
        candidatesOf.get(record)!.filter((other) => !taken.has(other.identity)),
      );
      if (shownProbability !== undefined) links[record]!.probability = shownProbability;
      assigned.add(record);
      taken.add(candidate.identity);
    }
    // Namesakes registered elsewhere that no identity took have said all they had to say (as
    // rivals): let them go, a national register holds hundreds of thousands of them.
    for (const { record } of proposals) {
      if (assigned.has(record) || features[record]!.finess.some((finess) => establishment.has(finess))) continue;
      features[record] = undefined;
      links[record] = undefined;
    }
    for (const entries of namesakesElsewhere.values()) for (const record of entries) features[record] = undefined;
  });

  const mergeAutomatic = (role: SourceRole) => {
    for (const record of indexesOf[role]) {
      const current = links[record];
      if (current === undefined || current.identity === null) continue;
      identities[current.identity]!.members.push(record);
      if (current.decision === 'auto') mergeInto(identities[current.identity]!.features, features[record]!);
    }
  };
  mergeAutomatic('register');
  reindexIdentifiers();

  // An account without a profession of its own takes the one the register gives its RPPS: an interim
  // doctor's prescription account then disagrees with the local aide-soignante of the same name.
  for (const role of ['directory', 'application'] as const) {
    for (const record of indexesOf[role]) {
      const account = features[record]!;
      if (account.rpps !== null && account.profession === null) account.profession = professionOfRpps.get(account.rpps) ?? null;
    }
  }
  const sharedNames = time('namesakes', () => findSharedNames());
  const firstPassCandidates = new Map<number, Candidate[]>();
  for (const role of ['directory', 'application'] as const) {
    time(role, () => {
      for (const record of indexesOf[role]) {
        if (pinAccepted(record)) continue;
        const candidates = scoreCandidates(record, features[record]!);
        const [best, runnerUp] = candidates;
        if (best === undefined) continue;
        const decision = decide(best, runnerUp);
        // A name two people share never links automatically without a key that tells them apart.
        const shared = best.rule === null && nameKeysOf(identities[best.identity]!.features).some((key) => sharedNames.has(key));
        if (decision === 'auto' && shared && !hasDistinguishingKey(best) && !(runnerUp !== undefined && isDistinguished(best, runnerUp))) link(record, best, 'review', runnerUp, 'shared-name', candidates);
        else if (decision === 'auto' && best.rule === null && usedOnlyBeforeArrival(record, best.identity)) link(record, best, 'review', runnerUp, 'account-before-arrival', candidates);
        // A birth date, a service, a sex alone describe many people: weights that add up without a name or an identifier go to a human.
        else if (decision === 'auto' && best.rule === null && !namesOrIdentifies(best)) link(record, best, 'review', runnerUp, 'nothing-that-names', candidates);
        else link(record, best, decision, runnerUp, undefined, candidates);
        // Kept for the elimination below (the account may be left over).
        if (links[record]!.decision !== 'auto') firstPassCandidates.set(record, candidates);
      }
      keepOneAccountPerSource(role);
      if (model !== null) time(`${role}Elimination`, () => settleByElimination(role));
      firstPassCandidates.clear();
      mergeAutomatic(role);
      reindexIdentifiers();
    });
  }
  if (model !== null) time('directorySecondLook', () => lookAgainAtDirectoryAccounts());

  /**
   * Applications often name their users by the directory account (`MLEBRETON`, `manon.lebreton`):
   * once an application's account is tied to a person by its own evidence (birth date, RPPS), a
   * directory account left to a reviewer that carries that very account name is the person's. Looked
   * at again after the applications, with the same guards; one account per person and source still holds.
   */
  function lookAgainAtDirectoryAccounts(): void {
    const taken = new Set<string>();
    for (const record of indexesOf.directory) {
      const current = links[record]!;
      if (current.identity !== null && current.decision === 'auto') taken.add(`${records[record]!.sourceId}\u0000${current.identity}`);
    }
    // Only an account whose name an application account linked automatically carries is worth scoring again.
    const applicationLogins = new Set<string>();
    for (const record of indexesOf.application) if (links[record]!.decision === 'auto') for (const login of features[record]!.logins) applicationLogins.add(login);
    for (const record of indexesOf.directory) {
      const current = links[record]!;
      if (current.decision === 'auto' || current.validated || current.rule === 'possible-duplicate-account') continue;
      const recordFeatures = features[record]!;
      if (!recordFeatures.logins.some((login) => applicationLogins.has(login))) continue;
      const candidates = scoreCandidates(record, recordFeatures);
      const [best, runnerUp] = candidates;
      if (best === undefined || !best.evidence.some((item) => item.field === 'login' && item.level === 'exact')) continue;
      const slot = `${records[record]!.sourceId}\u0000${best.identity}`;
      if (taken.has(slot) || decide(best, runnerUp) !== 'auto' || usedOnlyBeforeArrival(record, best.identity)) continue;
      // The account name is one the person's application account was given: a key that tells namesakes apart.
      link(record, best, 'auto', runnerUp, 'application-account-name');
      taken.add(slot);
      identities[best.identity]!.members.push(record);
      mergeInto(identities[best.identity]!.features, recordFeatures);
    }
  }

  /**
   * Names (sorted surname parts + first given name) that two people carry: two HR records, an HR
   * record and a register entry at the establishment it did not claim, or an HR record and an
   * account whose identifier (matricule, RPPS) belongs to nobody of that name — or whose RPPS the
   * register gives to another profession than the person's.
   */
  function findSharedNames(): Set<string> {
    const holders = new Map<string, number>();
    const shared = new Set<string>();
    const count = (key: string | null) => {
      if (key === null) return;
      const seen = (holders.get(key) ?? 0) + 1;
      holders.set(key, seen);
      if (seen > 1) shared.add(key);
    };
    for (const identity of identities) for (const key of new Set(nameKeysOf(identity.features))) count(key);
    // Names one keystroke apart between two people here: either may be the other's misspelling.
    for (const key of nearNamesakes.keys()) shared.add(key);
    const establishment = new Set(establishmentFiness);
    for (const record of indexesOf.register) {
      const entry = features[record];
      if (entry === undefined || links[record]?.decision === 'auto' || !entry.finess.some((finess) => establishment.has(finess))) continue;
      count(nameKeyOf(entry));
    }
    // An account of that name whose matricule or RPPS is not the one the person of that name holds is someone else.
    // Every surname form counts: the account may carry the birth name of a person known here by her usage name.
    const identityByName = new Map<string, number>();
    identities.forEach((identity, position) => {
      for (const key of nameKeysOf(identity.features)) identityByName.set(key, position);
    });
    for (const role of ['directory', 'application'] as const) {
      for (const record of indexesOf[role]) {
        const account = features[record]!;
        if (account.hrId === null && account.rpps === null) continue;
        for (const key of nameKeysOf(account)) {
          const identity = identityByName.get(key);
          if (identity === undefined) continue;
          const person = identities[identity]!.features;
          if ((account.hrId !== null && person.hrId !== null && account.hrId !== person.hrId) || (account.rpps !== null && person.rpps !== null && account.rpps !== person.rpps)) shared.add(key);
          // Its RPPS is, in the register, a professional of another profession than the person of that name (an interim doctor, a local
          // aide-soignante), or of any profession when HR gives that person an administrative or technical grade.
          else if (
            account.rpps !== null &&
            person.rpps === null &&
            account.profession !== null &&
            (person.profession !== null ? account.profession !== person.profession : isNonHealthJob(records[identities[identity]!.anchor]!.attributes.profession))
          ) {
            shared.add(key);
          }
        }
      }
    }
    return shared;
  }

  /** A field of the record disagrees with the person (the key does not count: a card number is not a login). */
  function disagrees(link: ReconciledLink): boolean {
    return link.evidence.some((item) => item.level === 'different' && item.field !== 'login');
  }

  /** How the record names the person: its surname and given-name levels. */
  function nameLevelsOf(link: ReconciledLink): string {
    return ['lastName', 'firstName'].map((field) => link.evidence.find((item) => item.field === field)?.level ?? 'missing').join('/');
  }

  /**
   * By default a person has one account per source: a second candidate account goes to review as a
   * possible duplicate. Where the source declares several records per person (a badge base keeping
   * lost cards), the person's records link together when they name the person as the best of them
   * does (a lost card, not "Sophie" beside "Anne-Sophie") and none of their fields disagrees with
   * the person (another service, sex, birth date…); any other may be a namesake's (an interim's
   * badge): for a reviewer.
   */
  function keepOneAccountPerSource(role: SourceRole): void {
    const best = new Map<string, number>();
    const several = new Map<string, number[]>();
    const demote = (record: number) => {
      if (!links[record]!.validated) links[record] = { ...links[record]!, decision: 'review', rule: 'possible-duplicate-account' };
    };
    for (const record of indexesOf[role]) {
      const current = links[record]!;
      if (current.identity === null || current.decision !== 'auto') continue;
      const slot = `${records[record]!.sourceId}\u0000${current.identity}`;
      if (severalRecordsPerPerson.has(records[record]!.sourceId)) {
        several.set(slot, [...(several.get(slot) ?? []), record]);
        continue;
      }
      const other = best.get(slot);
      if (other === undefined) {
        best.set(slot, record);
        continue;
      }
      const [kept, demoted] = links[other]!.validated || (!current.validated && links[other]!.score >= current.score) ? [other, record] : [record, other];
      best.set(slot, kept);
      demote(demoted);
    }
    for (const group of several.values()) {
      if (group.length < 2) continue;
      // The reference: a validated record, else the best of those that disagree on nothing.
      const byPreference = [...group].sort((a, b) => Number(links[b]!.validated) - Number(links[a]!.validated) || Number(disagrees(links[a]!)) - Number(disagrees(links[b]!)) || links[b]!.score - links[a]!.score);
      const reference = links[byPreference[0]!]!;
      for (const record of byPreference.slice(1)) if (disagrees(links[record]!) || nameLevelsOf(links[record]!) !== nameLevelsOf(reference)) demote(record);
    }
  }

  /**
   * One account per source, as a prior: once a source's clear links are made, the accounts left
   * compete only for the people who have no account there yet (a person who has one keeps a small
   * chance, duplicates exist). Their prior is that of a pair among fewer people, with the share of
   * leftovers that belong to someone re-estimated on the leftovers themselves (EM on the mixture):
   * a file where every account has its person (FEBRL4) gains, a directory of orphans does not.
   * The posterior of a pair weighs every rival of the account, and the homonym guard, the name
   * shared by two people and the reviewers' rejections still hold. Small leftovers are compared
   * exhaustively (what blocking missed); large ones through the blocking index.
   */
  function settleByElimination(role: 'directory' | 'application'): void {
    if (model === null) return;
    const bySource = new Map<string, number[]>();
    const takenBySource = new Map<string, Set<number>>();
    for (const record of indexesOf[role]) {
      const current = links[record]!;
      const sourceId = records[record]!.sourceId;
      // No people "left free" in a source where a person holds several records.
      if (severalRecordsPerPerson.has(sourceId)) continue;
      if (current.identity !== null && current.decision === 'auto') {
        const taken = takenBySource.get(sourceId) ?? new Set<number>();
        taken.add(current.identity);
        takenBySource.set(sourceId, taken);
        continue;
      }
      if (current.validated || current.rule === 'possible-duplicate-account') continue;
      const left = bySource.get(sourceId) ?? [];
      left.push(record);
      bySource.set(sourceId, left);
    }
    const automaticLog = Math.log2(decisionConfig.calibrated.automaticProbability / (1 - decisionConfig.calibrated.automaticProbability));
    const namesOnlyLog = automaticLog + (decisionConfig.namesOnlyThreshold ?? decisionConfig.automaticThreshold) - decisionConfig.automaticThreshold;
    for (const [sourceId, leftovers] of bySource) {
      const taken = takenBySource.get(sourceId) ?? new Set<number>();
      const free = identities.length - taken.size;
      if (free === 0 || leftovers.length === 0) continue;
      const isRejected = (record: number, identity: number) => rejected.has(pairKey(record, identity));
      const exhaustive = leftovers.length * free <= eliminationExhaustiveBudget;
      const freeIdentities = exhaustive ? identities.map((_, identity) => identity).filter((identity) => !taken.has(identity)) : [];
      const candidatesOf = new Map<number, Candidate[]>();
      for (const record of leftovers) {
        const recordFeatures = features[record]!;
        const found = new Map<number, Candidate>();
        for (const candidate of firstPassCandidates.get(record) ?? []) found.set(candidate.identity, candidate);
        if (exhaustive) {
          for (const identity of freeIdentities) {
            if (found.has(identity) || isRejected(record, identity)) continue;
            // Bounded: a pair that cannot reach the floor is let go before its names are compared.
            const comparison = compareFeatures(recordFeatures, identities[identity]!.features, context, bounded);
            if (comparison !== null && comparison.score >= floor) found.set(identity, { ...comparison, identity });
          }
        }
        // A deterministic rule already had its say in the first pass.
        const candidates = [...found.values()];
        if (candidates.length > 0 && !candidates.some((candidate) => candidate.rule !== null)) candidatesOf.set(record, candidates);
      }
      if (candidatesOf.size === 0) continue;
      // A person who already has an account here is a rival only as a duplicate account: a tenth as likely.
      const duplicateLog = Math.log2(0.1);
      const weightOf = (candidate: Candidate) => candidate.score + (taken.has(candidate.identity) ? duplicateLog : 0);
      // The establishment's share of accounts with a person here, worth `eliminationPriorWeight` leftovers:
      // a handful of leftovers cannot move it far.
      const overallShare = Math.min(0.98, Math.max(0.02, 1 / (1 + 2 ** -(model.priorWeight + Math.log2(identities.length)))));
      let share = overallShare;
      let prior = 0;
      for (let round = 0; round < 20; round += 1) {
        prior = Math.log2(share / ((1 - share) * free));
        let expected = 0;
        for (const candidates of candidatesOf.values()) {
          let odds = 0;
          for (const candidate of candidates) odds += 2 ** (prior + weightOf(candidate));
          expected += odds / (1 + odds);
        }
        const next = Math.min(0.98, Math.max(0.02, (expected + overallShare * eliminationPriorWeight) / (leftovers.length + eliminationPriorWeight)));
        if (Math.abs(next - share) < 1e-4) break;
        share = next;
      }
      const suitorsOf = new Map<number, { record: number; candidate: Candidate }[]>();
      const pairs: { record: number; candidate: Candidate }[] = [];
      for (const [record, candidates] of candidatesOf) {
        for (const candidate of candidates) {
          if (taken.has(candidate.identity)) continue;
          pairs.push({ record, candidate });
          const suitors = suitorsOf.get(candidate.identity) ?? [];
          suitors.push({ record, candidate });
          suitorsOf.set(candidate.identity, suitors);
        }
      }
      pairs.sort((a, b) => b.candidate.score - a.candidate.score);
      const assigned = new Set<number>();
      const claimed = new Set<number>();
      for (const { record, candidate } of pairs) {
        if (assigned.has(record) || claimed.has(candidate.identity)) continue;
        const rivals = [
          ...candidatesOf.get(record)!.filter((other) => other.identity !== candidate.identity && !claimed.has(other.identity)).map((other) => ({ ...other, score: weightOf(other) })),
          ...(suitorsOf.get(candidate.identity) ?? []).filter((other) => other.record !== record && !assigned.has(other.record)).map((other) => other.candidate),
        ].sort((a, b) => b.score - a.score);
        const runnerUp = rivals[0];
        const odds = 2 ** (prior + candidate.score);
        let total = 1 + odds;
        for (const other of candidatesOf.get(record)!) if (other.identity !== candidate.identity && !claimed.has(other.identity)) total += 2 ** (prior + weightOf(other));
        const posteriorLog = Math.log2(odds) - Math.log2(total - odds);
        if (posteriorLog < (hasDistinguishingKey(candidate) ? automaticLog : namesOnlyLog)) continue;
        if (runnerUp !== undefined && runnerUp.score >= candidate.score - decisionConfig.homonymMargin && !isDistinguished(candidate, runnerUp)) continue;
        const shared = nameKeysOf(identities[candidate.identity]!.features).some((key) => sharedNames.has(key));
        if ((shared && !hasDistinguishingKey(candidate)) || usedOnlyBeforeArrival(record, candidate.identity)) continue;
        // Without a name or an identifier in common, only a true elimination links: no more people free than accounts left.
        if (!namesOrIdentifies(candidate) && free > leftovers.length) continue;
        link(record, candidate, 'auto', runnerUp, 'one-account-per-source');
        links[record]!.probability = 1 / (1 + 2 ** -posteriorLog);
        assigned.add(record);
        claimed.add(candidate.identity);
      }
    }
  }

  /**
   * An account last used more than a year before the person joined (HR start date) was somebody
   * else's — an old account of a departed namesake left enabled — or the person's from a former
   * stay: either way a human decides. (Within a year, the start date is often a new contract's.)
   * Identifiers and the program's rules still link it.
   */
  function usedOnlyBeforeArrival(record: number, identity: number): boolean {
    const lastLogin = records[record]!.attributes.lastLogin;
    const start = records[identities[identity]!.anchor]!.attributes.startDate;
    if (lastLogin === undefined || lastLogin === '' || start === undefined || start.length < 10) return false;
    return lastLogin.slice(0, 10) < yearsBefore(start, 1);
  }

  /** Identifiers learned from automatic links (RPPS, account, e-mail) become blocking keys too. */
  function reindexIdentifiers(): void {
    identities.forEach(({ features: learned }, identity) => {
      for (const [kind, value] of [['rpps', learned.rpps], ['adId', learned.adId], ['email', learned.email]] as const) if (value !== null) index.add(identity, kind, value);
    });
  }

  time('orphans', () => {
    const firstOfSource = new Map<string, number>();
    records.forEach((record, index) => {
      if (record.role === 'hr' || record.role === 'register') return;
      const current = links[index]!;
      if (current.identity === null) {
        const named = features[index]!.lastNames.length > 0 || features[index]!.firstNames.length > 0;
        orphans.push({ record: index, reason: !named || genericAccountName.test(record.key) ? 'generic' : 'unknown' });
        return;
      }
      const anchor = records[identities[current.identity]!.anchor]!;
      const endDate = anchor.attributes.endDate;
      if (current.decision === 'auto' && endDate !== undefined && endDate !== '' && endDate < today) {
        orphans.push({ record: index, reason: 'departed' });
        return;
      }
      if (severalRecordsPerPerson.has(record.sourceId)) return;
      const slot = `${record.sourceId}:${current.identity}`;
      const first = firstOfSource.get(slot);
      if (first === undefined) firstOfSource.set(slot, index);
      else orphans.push({ record: links[first]!.score >= current.score ? index : first, reason: 'duplicate' });
    });
  });

  return { identities, links, orphans, model, stats: { candidatePairs, timingsMs } };
}
