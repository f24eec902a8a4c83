import { createHash } from 'node:crypto';
import type { JournalEntry } from './journalTypes';

/**
 * SHA-256 over every stored field of an entry (its sequence number and the previous hash
 * included), so editing, removing or reordering any entry breaks the chain from there on.
 */
export function hashJournalEntry(entry: Omit<JournalEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.agentId,
    entry.agentName,
    entry.desk,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.beforeJson,
    entry.afterJson,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
