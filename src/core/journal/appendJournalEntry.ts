import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { hashJournalEntry } from './hashJournalEntry';
import { journalKeyRegistry } from './journalKeyRegistry';
import { macJournalValue } from './macJournalValue';
import { genesisHash, type JournalEntry, type JournalEntryInput } from './journalTypes';

/**
 * Appends one act to the journal, chained to the previous entry. Call it inside the same
 * transaction as the act itself so the act and its trace commit (or roll back) together;
 * better-sqlite3 turns the nested transaction into a savepoint. With the store's journal key
 * registered, the entry and the head are HMAC'd (`mac`), so a rewrite with recomputed plain
 * hashes no longer verifies.
 */
export function appendJournalEntry(db: Database.Database, clock: Clock, input: JournalEntryInput): JournalEntry {
  return db.transaction((): JournalEntry => {
    const head = db.prepare('SELECT entries, last_hash AS lastHash FROM journal_head WHERE id = 1').get() as
      | { entries: number; lastHash: string }
      | undefined;
    const unhashed = {
      seq: (head?.entries ?? 0) + 1,
      at: clock.now().toISOString(),
      agentId: input.actor.agentId,
      agentName: input.actor.agentName,
      desk: input.actor.desk,
      action: input.action,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      beforeJson: input.before === undefined ? null : JSON.stringify(input.before),
      afterJson: input.after === undefined ? null : JSON.stringify(input.after),
      prevHash: head?.lastHash ?? genesisHash,
    };
    const entry: JournalEntry = { ...unhashed, hash: hashJournalEntry(unhashed) };
    const key = journalKeyRegistry.keyOf(db);
    const mac = key === null ? null : macJournalValue(key, 'entry', [entry.seq, entry.hash]);
    const headMac = key === null ? null : macJournalValue(key, 'head', [entry.seq, entry.hash]);
    db.prepare(
      `INSERT INTO journal (seq, at, agent_id, agent_name, desk, action, subject_type, subject_id, before_json, after_json, prev_hash, hash, mac)
       VALUES (@seq, @at, @agentId, @agentName, @desk, @action, @subjectType, @subjectId, @beforeJson, @afterJson, @prevHash, @hash, @mac)`,
    ).run({ ...entry, mac });
    db.prepare(
      `INSERT INTO journal_head (id, entries, last_hash, mac) VALUES (1, @seq, @hash, @headMac)
       ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, last_hash = excluded.last_hash, mac = excluded.mac`,
    ).run({ ...entry, headMac });
    return entry;
  }).immediate();
}
