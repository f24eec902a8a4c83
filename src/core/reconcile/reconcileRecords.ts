import { performance } from 'node:perf_hooks';
import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import { buildMatchFeatures, type MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type FieldEvidence } from '../../shared/matching/compareFeatures';
import { defaultMatchingConfig, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { indexIdentities, type Candidate } from './indexIdentities';

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
  score: number;
  rule: string;
  evidence: FieldEvidence[];
  /** Score of the runner-up identity, when there was one (homonym guard). */
  runnerUpScore: number | null;
}

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
   * register entry that no identity could claim (most of the national register, never scored).
   */
  links: (ReconciledLink | undefined)[];
  orphans: { record: number; reason: OrphanReason }[];
  stats: { candidatePairs: number; timingsMs: Record<string, number> };
}

export interface ReconcileRecordsOptions {
  records: readonly ReconcileRecord[];
  config?: MatchingConfig;
  establishmentFiness?: readonly string[];
  decisions?: readonly HumanDecision[];
  /** ISO day; HR end dates before it make linked accounts "departed". */
  today: string;
  /** Sees the identities compared with each record (to measure blocking recall). */
  onCandidates?: (record: number, identities: readonly number[]) => void;
}

/** "sourceId/key": how decisions and anchors name a record. */
export function recordRef(record: Pick<ReconcileRecord, 'sourceId' | 'key'>): string {
  return `${record.sourceId}/${record.key}`;
}

/** Service, shared and technical account names (orphans of reason `generic`; the dashboard lists them too). */
export const genericAccount = /^(svc|srv|adm|admin|administrateur|test|tmp|temp|scan|impr|print|backup|sauvegarde|service|generique|accueil|secretariat|stagiaire|interne|guest|invite|sys|app|robot|bot)[._-]?/i;

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
}: ReconcileRecordsOptions): ReconcileResult {
  const timingsMs: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    timingsMs[phase] = Math.round(performance.now() - start);
    return result;
  };
  const featuresOf = (record: ReconcileRecord) =>
    buildMatchFeatures({ attributes: record.attributes, finess: record.finess, accountKey: record.role === 'directory' || record.role === 'application' ? record.key : undefined });
  // Register entries get features only when an identity may claim them (see the register phase).
  const features: (MatchFeatures | undefined)[] = new Array(records.length);
  const indexesOf: Record<SourceRole, number[]> = { hr: [], register: [], directory: [], application: [] };
  time('features', () =>
    records.forEach((record, index) => {
      indexesOf[record.role].push(index);
      if (record.role !== 'register') features[index] = featuresOf(record);
    }),
  );
  const identities: ReconciledIdentity[] = [];
  const identityOfAnchor = new Map<number, number>();
  const links: (ReconciledLink | undefined)[] = new Array(records.length);
  const unlinked = (record: number): ReconciledLink => ({ record, identity: null, decision: 'none', validated: false, score: 0, rule: 'none', evidence: [], runnerUpScore: null });
  for (const role of ['directory', 'application'] as const) for (const index of indexesOf[role]) links[index] = unlinked(index);
  const orphans: { record: number; reason: OrphanReason }[] = [];

  const index = time('identities', () => {
    for (const record of indexesOf.hr) {
      const identity = identities.length;
      const anchor = features[record]!;
      identities.push({ anchor: record, members: [record], features: { ...anchor, logins: [...anchor.logins] } });
      identityOfAnchor.set(record, identity);
      links[record] = { ...unlinked(record), identity, decision: 'auto', score: 100, rule: 'hr-reference' };
    }
    return indexIdentities({ references: identities.map((identity) => identity.features), config, establishmentFiness });
  });
  const { context, floor } = index;

  const accepted = new Map<number, number>();
  const rejected = new Set<number>();
  const pairKey = (record: number, identity: number) => record * 4_194_304 + identity;
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

  let candidatePairs = 0;
  const scoreCandidates = (record: number, recordFeatures: MatchFeatures): Candidate[] => {
    const { candidates, seen } = index.score(recordFeatures, rejected.size === 0 ? undefined : (identity) => rejected.has(pairKey(record, identity)));
    candidatePairs += seen.length;
    onCandidates?.(record, seen);
    return candidates;
  };
  const decide = (candidate: Candidate, runnerUp: Candidate | undefined): LinkDecision => {
    if (candidate.rule !== null && runnerUp?.rule === null) return 'auto';
    if (candidate.rule !== null && runnerUp === undefined) return 'auto';
    if (candidate.score < config.reviewThreshold) return candidate.reviewRule !== null ? 'review' : 'none';
    const guarded = runnerUp !== undefined && runnerUp.score >= candidate.score - config.homonymMargin && runnerUp.score >= config.reviewThreshold - config.homonymMargin;
    return candidate.score >= config.automaticThreshold && !guarded ? 'auto' : 'review';
  };
  const link = (record: number, candidate: Candidate, decision: LinkDecision, runnerUp: Candidate | undefined) => {
    links[record] = {
      record,
      identity: decision === 'none' ? null : candidate.identity,
      decision,
      validated: false,
      score: candidate.score,
      rule: candidate.rule ?? (decision !== 'none' && candidate.score < config.reviewThreshold ? candidate.reviewRule ?? 'points' : 'points'),
      evidence: candidate.evidence,
      runnerUpScore: runnerUp?.score ?? null,
    };
  };
  const pinAccepted = (record: number): boolean => {
    const identity = accepted.get(record);
    if (identity === undefined) return false;
    const comparison = compareFeatures(features[record]!, identities[identity]!.features, context);
    links[record] = { record, identity, decision: 'auto', validated: true, score: comparison.score, rule: 'human', evidence: comparison.evidence, runnerUpScore: null };
    return true;
  };

  time('register', () => {
    // One register entry per person and one person per entry: greedy assignment by score.
    const proposals: { record: number; candidates: Candidate[] }[] = [];
    const taken = new Set<number>();
    for (const record of indexesOf.register) {
      const entry = featuresOf(records[record]!);
      if (accepted.has(record)) {
        features[record] = entry;
        pinAccepted(record);
        taken.add(links[record]!.identity!);
        continue;
      }
      const candidates = scoreCandidates(record, entry).filter((candidate) => candidate.rule !== null || candidate.reviewRule !== null || candidate.score >= floor);
      if (candidates.length === 0) continue;
      // Kept only for the entries some identity may claim: the rest of the register is let go.
      features[record] = entry;
      links[record] = unlinked(record);
      proposals.push({ record, candidates });
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
      // (a homonym registered elsewhere): the guard applies both ways.
      const rivals = [
        ...candidatesOf.get(record)!.filter((other) => other.identity !== candidate.identity && !taken.has(other.identity)),
        ...(competitorsOf.get(candidate.identity) ?? []).filter((other) => other.record !== record && !assigned.has(other.record)).map((other) => other.candidate),
      ].sort((a, b) => Number(b.rule !== null) - Number(a.rule !== null) || b.score - a.score);
      const runnerUp = rivals[0];
      const decision = decide(candidate, runnerUp);
      if (decision === 'none') continue;
      link(record, candidate, decision, runnerUp);
      assigned.add(record);
      taken.add(candidate.identity);
    }
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

  for (const role of ['directory', 'application'] as const) {
    time(role, () => {
      for (const record of indexesOf[role]) {
        if (pinAccepted(record)) continue;
        const [best, runnerUp] = scoreCandidates(record, features[record]!);
        if (best !== undefined) link(record, best, decide(best, runnerUp), runnerUp);
      }
      mergeAutomatic(role);
      reindexIdentifiers();
    });
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
        orphans.push({ record: index, reason: !named || genericAccount.test(record.key) ? 'generic' : 'unknown' });
        return;
      }
      const anchor = records[identities[current.identity]!.anchor]!;
      const endDate = anchor.attributes.endDate;
      if (current.decision === 'auto' && endDate !== undefined && endDate !== '' && endDate < today) {
        orphans.push({ record: index, reason: 'departed' });
        return;
      }
      const slot = `${record.sourceId}:${current.identity}`;
      const first = firstOfSource.get(slot);
      if (first === undefined) firstOfSource.set(slot, index);
      else orphans.push({ record: links[first]!.score >= current.score ? index : first, reason: 'duplicate' });
    });
  });

  return { identities, links, orphans, stats: { candidatePairs, timingsMs } };
}
