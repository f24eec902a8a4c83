import type Database from 'better-sqlite3';
import { hashJournalEntry } from './hashJournalEntry';
import type { JournalAnchor } from './JournalAnchor';
import { journalKeyRegistry } from './journalKeyRegistry';
import { genesisHash, type JournalEntry } from './journalTypes';
import { macJournalValue } from './macJournalValue';
import { journalColumns } from './readJournalEntries';

export type JournalFailureReason = 'altered' | 'missing' | 'out-of-order' | 'truncated' | 'unsigned' | 'forged' | 'anchor-mismatch' | 'anchor-forged';

export type JournalVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** The first entry that does not fit the chain (its expected sequence number when missing). */
      firstBadEntry: number;
      reason: JournalFailureReason;
      message: string;
    };

export interface VerifyJournalOptions {
  /** The journal key: every entry and the head must carry its HMAC (default: the key registered for `db`). */
  key?: Buffer | null;
  /** Anchors kept outside the store: each must name an entry still in the journal, unchanged. */
  anchors?: readonly JournalAnchor[];
}

type Failure = Omit<Extract<JournalVerification, { ok: false }>, 'ok' | 'entries'>;

/**
 * Walks the journal from the first entry and recomputes the hash chain. Reports the first entry
 * that was altered (its hash no longer matches its content), deleted (a gap in the sequence or a
 * previous-hash mismatch), reordered, or a tail cut off (the head no longer matches the last entry).
 * With the key, an entry or head without its HMAC (or with a wrong one) is forged: recomputing
 * plain hashes after an edit is caught. With anchors, a cut below an anchor or a rewrite of the
 * entry it names is caught even when the head was rebuilt.
 */
export function verifyJournal(db: Database.Database, { key = journalKeyRegistry.keyOf(db), anchors = [] }: VerifyJournalOptions = {}): JournalVerification {
  const anchorFailure = key === null ? null : checkAnchorMacs(anchors, key);
  if (anchorFailure !== null) return { ok: false, entries: 0, ...anchorFailure };
  const anchoredSeqs = new Map<number, string>();
  for (const anchor of anchors) if (anchor.entries > 0) anchoredSeqs.set(anchor.entries, anchor.lastHash);
  const entries = db.prepare(`SELECT ${journalColumns}, mac FROM journal ORDER BY seq`).iterate() as IterableIterator<JournalEntry & { mac: string | null }>;
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const failure = checkEntry(entry, expectedSeq, previousHash, key) ?? checkAnchored(entry, anchoredSeqs);
    if (failure !== null) return { ok: false, entries: count, ...failure };
    previousHash = entry.hash;
    expectedSeq += 1;
  }
  const head = db.prepare('SELECT entries, last_hash AS lastHash, mac FROM journal_head WHERE id = 1').get() as
    | { entries: number; lastHash: string; mac: string | null }
    | undefined;
  const headEntries = head?.entries ?? 0;
  if (headEntries !== count || (head !== undefined && head.lastHash !== previousHash)) {
    return {
      ok: false,
      entries: count,
      firstBadEntry: Math.min(count + 1, headEntries),
      reason: 'truncated',
      message: `journal head records ${headEntries} entries ending with hash ${head?.lastHash ?? '(none)'}, but the journal holds ${count} entries ending with ${previousHash}`,
    };
  }
  if (key !== null && head !== undefined && head.mac !== macJournalValue(key, 'head', [head.entries, head.lastHash])) {
    return { ok: false, entries: count, firstBadEntry: count, reason: 'forged', message: `the journal head (${count} entries) does not carry the journal key's HMAC: it was rebuilt outside the desk` };
  }
  const furthest = anchors.reduce((most, anchor) => Math.max(most, anchor.entries), 0);
  if (furthest > count) {
    return {
      ok: false,
      entries: count,
      firstBadEntry: count + 1,
      reason: 'truncated',
      message: `an anchor recorded ${furthest} entries, but the journal holds ${count}: entries ${count + 1}–${furthest} were removed`,
    };
  }
  return { ok: true, entries: count };
}

function checkEntry(entry: JournalEntry & { mac: string | null }, expectedSeq: number, previousHash: string, key: Buffer | null): Failure | null {
  if (entry.seq !== expectedSeq) {
    return {
      firstBadEntry: expectedSeq,
      reason: 'missing',
      message: `entry ${expectedSeq} is missing: expected entry ${expectedSeq}, found ${entry.seq}`,
    };
  }
  const { hash, mac, ...content } = entry;
  if (hashJournalEntry(content) !== hash) {
    return { firstBadEntry: entry.seq, reason: 'altered', message: `entry ${entry.seq} was altered: its hash does not match its content` };
  }
  if (entry.prevHash !== previousHash) {
    return {
      firstBadEntry: entry.seq,
      reason: 'out-of-order',
      message: `entry ${entry.seq} does not follow entry ${entry.seq - 1}: expected previous hash ${previousHash}, found ${entry.prevHash}`,
    };
  }
  if (key !== null && mac === null) {
    return { firstBadEntry: entry.seq, reason: 'unsigned', message: `entry ${entry.seq} carries no HMAC: it was written or rewritten outside the desk` };
  }
  if (key !== null && mac !== macJournalValue(key, 'entry', [entry.seq, hash])) {
    return { firstBadEntry: entry.seq, reason: 'forged', message: `entry ${entry.seq} has a wrong HMAC: it was rewritten with recomputed hashes` };
  }
  return null;
}

function checkAnchored(entry: JournalEntry, anchoredSeqs: ReadonlyMap<number, string>): Failure | null {
  const anchored = anchoredSeqs.get(entry.seq);
  if (anchored === undefined || anchored === entry.hash) return null;
  return { firstBadEntry: entry.seq, reason: 'anchor-mismatch', message: `entry ${entry.seq} is not the one anchored outside the store (hash ${anchored}): the journal was rewritten up to there` };
}

function checkAnchorMacs(anchors: readonly JournalAnchor[], key: Buffer): Failure | null {
  for (const [index, anchor] of anchors.entries()) {
    if (anchor.mac !== macJournalValue(key, 'anchor', [anchor.entries, anchor.lastHash, anchor.at])) {
      return { firstBadEntry: anchor.entries, reason: 'anchor-forged', message: `anchor ${index + 1} (${anchor.entries} entries at ${anchor.at}) does not carry the journal key's HMAC` };
    }
  }
  return null;
}
