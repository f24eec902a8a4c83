import type Database from 'better-sqlite3';
import type { JournalEntry } from './journalTypes';

export const journalColumns = `seq, at, agent_id AS agentId, agent_name AS agentName, desk, action,
  subject_type AS subjectType, subject_id AS subjectId, before_json AS beforeJson, after_json AS afterJson,
  prev_hash AS prevHash, hash`;

export interface ReadJournalOptions {
  /** Only the entries about this subject (an MIE id, an identity id…). */
  subject?: { type: string; id: string } | undefined;
  /** Newest first when true (what the desk shows); storage order otherwise (what audits read). */
  newestFirst?: boolean;
  limit?: number;
}

/** Journal entries as stored, in storage order unless asked otherwise. */
export function readJournalEntries(db: Database.Database, { subject, newestFirst = false, limit = -1 }: ReadJournalOptions = {}): JournalEntry[] {
  const where = subject === undefined ? '' : 'WHERE subject_type = @type AND subject_id = @id';
  return db
    .prepare(`SELECT ${journalColumns} FROM journal ${where} ORDER BY seq ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit`)
    .all(subject === undefined ? { limit } : { ...subject, limit }) as JournalEntry[];
}
