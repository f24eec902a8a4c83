import type { MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type CompareContext, type PairComparison } from '../../shared/matching/compareFeatures';
import type { MatchingConfig } from '../../shared/matching/matchingConfig';
import { needsExactNames } from '../../shared/matching/needsExactNames';
import { visitBlockingKeys, type BlockingKind } from '../../shared/matching/visitBlockingKeys';

export interface Candidate extends PairComparison {
  identity: number;
}

/** Identities filed under their blocking keys, and how a record is scored against them. */
export interface IdentityIndex {
  context: CompareContext;
  /** Pairs that can reach neither a rule, a review rule nor this score decide nothing: never scored in full. */
  floor: number;
  /** Files an identity under one more key (an identifier learned from an automatic link). */
  add(identity: number, kind: BlockingKind, value: string): void;
  /**
   * Scores a record against the identities sharing a blocking key with it, best first (rules, then
   * points); `seen` lists every identity looked at (blocking recall), `skip` leaves some out.
   */
  score(record: MatchFeatures, skip?: (identity: number) => boolean, exactOnly?: boolean): { candidates: Candidate[]; seen: number[] };
  /** The identities sharing a blocking key with the record (names, sounds, identifiers, birth date…), at most `limit`, unscored. */
  block(record: MatchFeatures, limit: number): number[];
}

export interface IndexIdentitiesOptions {
  /** Each identity's reference features, read at scoring time (the engine merges into them). */
  references: readonly MatchFeatures[];
  config: MatchingConfig;
  establishmentFiness: readonly string[];
  /** Calibrated policy: the seed's table shown beside the weights, and the term-frequency weight of exact names. */
  seedConfig?: MatchingConfig;
  exactNameWeight?: CompareContext['exactNameWeight'];
}

export function indexIdentities({ references, config, establishmentFiness, seedConfig, exactNameWeight }: IndexIdentitiesOptions): IdentityIndex {
  // kind → value, and → given-name initial for surnames and sounds (given names for full names).
  const byValue: Record<BlockingKind, Map<string, number[]>> = {
    rpps: new Map(), hrId: new Map(), adId: new Map(), email: new Map(), name: new Map(), sound: new Map(), service: new Map(), birth: new Map(), fullName: new Map(),
  };
  const byInitial = { name: new Map<string, Map<string, number[]>>(), sound: new Map<string, Map<string, number[]>>(), fullName: new Map<string, Map<string, number[]>>() };
  const nested = (kind: BlockingKind): kind is keyof typeof byInitial => kind === 'name' || kind === 'sound' || kind === 'fullName';
  const lookUp = (kind: BlockingKind, value: string, initial: string): number[] | undefined => (nested(kind) ? byInitial[kind].get(value)?.get(initial) : byValue[kind].get(value));
  const file = (identity: number, kind: BlockingKind, value: string, initial: string, filedBefore: (members: number[]) => boolean) => {
    let members = lookUp(kind, value, initial);
    if (members === undefined) {
      members = [];
      if (!nested(kind)) byValue[kind].set(value, members);
      else {
        let initials = byInitial[kind].get(value);
        if (initials === undefined) byInitial[kind].set(value, (initials = new Map()));
        initials.set(initial, members);
      }
    }
    if (!filedBefore(members)) members.push(identity);
  };
  const lastNameCounts = new Map<string, number>();
  references.forEach((reference, identity) => {
    // While an identity is filed, it can only be the last of any block.
    visitBlockingKeys(reference, 'index', (kind, value, initial) => file(identity, kind, value, initial, (members) => members.at(-1) === identity));
    for (const form of reference.lastNames) lastNameCounts.set(form, (lastNameCounts.get(form) ?? 0) + 1);
  });
  const context: CompareContext = { config, seedConfig, exactNameWeight, establishmentFiness: new Set(establishmentFiness), lastNameCount: (form) => lastNameCounts.get(form) ?? 1 };
  const floor = config.reviewThreshold - config.homonymMargin;
  const bounded = { floor };
  // seenBy[identity] === stamp: already compared with the current record (no Set per record).
  const seenBy = new Int32Array(references.length);
  let stamp = 0;
  return {
    context,
    floor,
    add: (identity, kind, value) => file(identity, kind, value, '', (members) => members.includes(identity)),
    block(record, limit) {
      stamp += 1;
      const found: number[] = [];
      visitBlockingKeys(record, 'query', (kind, value, initial) => {
        const members = lookUp(kind, value, initial);
        if (members === undefined) return;
        for (const identity of members) {
          if (found.length >= limit || seenBy[identity] === stamp) continue;
          seenBy[identity] = stamp;
          found.push(identity);
        }
      });
      return found;
    },
    score(record, skip, exactOnly = false) {
      stamp += 1;
      const seen: number[] = [];
      const candidates: Candidate[] = [];
      const compareBlock = (members: readonly number[]) => {
        for (const identity of members) {
          if (seenBy[identity] === stamp || skip?.(identity) === true) continue;
          seenBy[identity] = stamp;
          seen.push(identity);
          const comparison = compareFeatures(record, references[identity]!, context, bounded);
          // The comparison becomes the candidate (no copy: a million pairs per run).
          if (comparison === null) continue;
          const candidate = comparison as Candidate;
          candidate.identity = identity;
          candidates.push(candidate);
        }
      };
      // The given name + service block is the largest (every Marie of a ward) and only rescues a
      // surname typo: it is opened only when no other key found a candidate that links by itself.
      // A rival met only there differs in surname and sound, so it cannot come near such a best.
      let serviceBlock: number[] | undefined;
      // Most register entries can only be claimed by an identity with their very names or RPPS: only those keys are looked up.
      visitBlockingKeys(record, exactOnly || needsExactNames(record, context, floor) ? 'exact-query' : 'query', (kind, value, initial) => {
        const members = lookUp(kind, value, initial);
        if (members === undefined) return;
        if (kind === 'service') serviceBlock = members;
        else compareBlock(members);
      });
      if (serviceBlock !== undefined && !candidates.some((candidate) => candidate.rule !== null || candidate.score >= config.automaticThreshold)) compareBlock(serviceBlock);
      candidates.sort((a, b) => Number(b.rule !== null) - Number(a.rule !== null) || b.score - a.score);
      return { candidates, seen };
    },
  };
}
