import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { hashJournalEntry } from './hashJournalEntry';
import { genesisHash, type JournalEntry, type JournalEntryInput } from './journalTypes';

/**
 * Appends one act to the journal, chained to the previous entry. Call it inside the same
 * transaction as the act itself so the act and its trace commit (or roll back) together;
 * better-sqlite3 turns the nested transaction into a savepoint.
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
    db.prepare(
      `INSERT INTO journal (seq, at, agent_id, agent_name, desk, action, subject_type, subject_id, before_json, after_json, prev_hash, hash)
       VALUES (@seq, @at, @agentId, @agentName, @desk, @action, @subjectType, @subjectId, @beforeJson, @afterJson, @prevHash, @hash)`,
    ).run(entry);
    db.prepare(
      `INSERT INTO journal_head (id, entries, last_hash) VALUES (1, @seq, @hash)
       ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, last_hash = excluded.last_hash`,
    ).run(entry);
    return entry;
  })();
}
