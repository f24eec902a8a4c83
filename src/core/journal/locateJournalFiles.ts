import { dirname, join } from 'node:path';

/**
 * Where a store's journal key and anchors live: beside the store, never in it. One key per folder
 * (`journal.key`, 0600); one anchor file per store (`<store>.anchors`, append only).
 */
export function locateJournalFiles(dbPath: string): { keyPath: string; anchorPath: string } {
  return { keyPath: join(dirname(dbPath), 'journal.key'), anchorPath: `${dbPath}.anchors` };
}
