import type Database from 'better-sqlite3';
import { hashJournalEntry } from './hashJournalEntry';
import { genesisHash, type JournalEntry } from './journalTypes';
import { journalColumns } from './readJournalEntries';

export type JournalVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** The first entry that does not fit the chain (its expected sequence number when missing). */
      firstBadEntry: number;
      reason: 'altered' | 'missing' | 'out-of-order' | 'truncated';
      message: string;
    };

/**
 * Walks the journal from the first entry and recomputes the hash chain. Reports the first entry
 * that was altered (its hash no longer matches its content), deleted (a gap in the sequence or a
 * previous-hash mismatch), reordered, or a tail cut off (the head no longer matches the last entry).
 */
export function verifyJournal(db: Database.Database): JournalVerification {
  const entries = db.prepare(`SELECT ${journalColumns} FROM journal ORDER BY seq`).iterate() as IterableIterator<JournalEntry>;
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const failure = checkEntry(entry, expectedSeq, previousHash);
    if (failure !== null) return { ok: false, entries: count, ...failure };
    previousHash = entry.hash;
    expectedSeq += 1;
  }
  const head = db.prepare('SELECT entries, last_hash AS lastHash FROM journal_head WHERE id = 1').get() as
    | { entries: number; lastHash: string }
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
  return { ok: true, entries: count };
}

function checkEntry(
  entry: JournalEntry,
  expectedSeq: number,
  previousHash: string,
): Omit<Extract<JournalVerification, { ok: false }>, 'ok' | 'entries'> | null {
  if (entry.seq !== expectedSeq) {
    return {
      firstBadEntry: expectedSeq,
      reason: 'missing',
      message: `entry ${expectedSeq} is missing: expected entry ${expectedSeq}, found ${entry.seq}`,
    };
  }
  const { hash, ...content } = entry;
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
  return null;
}
