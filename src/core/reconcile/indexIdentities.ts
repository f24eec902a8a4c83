import type { MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { compareFeatures, type CompareContext, type PairComparison } from '../../shared/matching/compareFeatures';
import type { MatchingConfig } from '../../shared/matching/matchingConfig';
import { needsExactNames } from '../../shared/matching/needsExactNames';
import { visitBlockingKeys, visitTypoKeys, type BlockingKind } from '../../shared/matching/visitBlockingKeys';

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
  /** The identities sharing a blocking key with the record (names, sounds, typing errors, identifiers, birth date…), at most `limit`, unscored. */
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

/** Identities numbered below this fit beside a 32-bit hash in one double (2^32 × 2^21 = 2^53); beyond, no typing-error keys. */
const typoIdentitySpan = 2 ** 21;

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
  const typoEntries: number[] = [];
  const typoKeys = references.length <= typoIdentitySpan;
  references.forEach((reference, identity) => {
    // While an identity is filed, it can only be the last of any block.
    visitBlockingKeys(reference, 'index', (kind, value, initial) => file(identity, kind, value, initial, (members) => members.at(-1) === identity));
    if (typoKeys) visitTypoKeys(reference, (hash) => typoEntries.push(hash * typoIdentitySpan + identity));
    for (const form of reference.lastNames) lastNameCounts.set(form, (lastNameCounts.get(form) ?? 0) + 1);
  });
  // Typing-error keys: a sorted table of hash × span + identity (ten forms per surname and initial:
  // one number each, not a map entry), with where each value of the hash's top 16 bits starts, so a
  // look-up reads a few neighbouring numbers instead of halving a million.
  const typoTable = Float64Array.from(typoEntries).sort();
  typoEntries.length = 0;
  const typoStarts = new Uint32Array(2 ** 16 + 1);
  for (const entry of typoTable) typoStarts[Math.floor(entry / typoIdentitySpan / 2 ** 16) + 1]! += 1;
  for (let bucket = 1; bucket < typoStarts.length; bucket += 1) typoStarts[bucket]! += typoStarts[bucket - 1]!;
  const forEachTypoMember = (hash: number, visit: (identity: number) => void) => {
    const from = hash * typoIdentitySpan;
    const to = from + typoIdentitySpan;
    const bucket = hash >>> 16;
    const end = typoStarts[bucket + 1]!;
    let index = typoStarts[bucket]!;
    while (index < end && typoTable[index]! < from) index += 1;
    for (; index < end && typoTable[index]! < to; index += 1) visit(typoTable[index]! - from);
  };

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
      const take = (identity: number) => {
        if (found.length >= limit || seenBy[identity] === stamp) return;
        seenBy[identity] = stamp;
        found.push(identity);
      };
      visitBlockingKeys(record, 'query', (kind, value, initial) => lookUp(kind, value, initial)?.forEach(take));
      visitTypoKeys(record, (hash) => forEachTypoMember(hash, take));
      return found;
    },
    score(record, skip, exactOnly = false) {
      stamp += 1;
      const seen: number[] = [];
      const candidates: Candidate[] = [];
      const compareOne = (identity: number) => {
        if (seenBy[identity] === stamp || skip?.(identity) === true) return;
        seenBy[identity] = stamp;
        seen.push(identity);
        const comparison = compareFeatures(record, references[identity]!, context, bounded);
        // The comparison becomes the candidate (no copy: a million pairs per run).
        if (comparison === null) return;
        const candidate = comparison as Candidate;
        candidate.identity = identity;
        candidates.push(candidate);
      };
      const compareBlock = (members: readonly number[]) => {
        for (const identity of members) compareOne(identity);
      };
      const linksAlone = () => candidates.some((candidate) => candidate.rule !== null || candidate.score >= config.automaticThreshold);
      // The given name + service block is the largest (every Marie of a ward) and only rescues a
      // surname typo: it is opened only when no other key found a candidate that links by itself.
      // A rival met only there differs in surname and sound, so it cannot come near such a best.
      let serviceBlock: number[] | undefined;
      // Most register entries can only be claimed by an identity with their very names or RPPS: only those keys are looked up.
      const mode = exactOnly || needsExactNames(record, context, floor) ? 'exact-query' : 'query';
      visitBlockingKeys(record, mode, (kind, value, initial) => {
        const members = lookUp(kind, value, initial);
        if (members === undefined) return;
        if (kind === 'service') serviceBlock = members;
        else compareBlock(members);
      });
      // Typing errors too only rescue a record nothing links by itself: a rival met only by them
      // differs in surname, exact and sound, from a best that does.
      if (mode === 'query' && !linksAlone()) visitTypoKeys(record, (hash) => forEachTypoMember(hash, compareOne));
      if (serviceBlock !== undefined && !linksAlone()) compareBlock(serviceBlock);
      candidates.sort((a, b) => Number(b.rule !== null) - Number(a.rule !== null) || b.score - a.score);
      return { candidates, seen };
    },
  };
}
