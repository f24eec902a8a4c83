import type Database from 'better-sqlite3';

const keys = new WeakMap<Database.Database, Buffer>();

/**
 * The journal key of an open store connection: appendJournalEntry signs with it and verifyJournal
 * checks with it, without every caller passing it along (startJournalAnchoring registers it).
 */
export const journalKeyRegistry = {
  register(db: Database.Database, key: Buffer): void {
    keys.set(db, key);
  },
  keyOf(db: Database.Database): Buffer | null {
    return keys.get(db) ?? null;
  },
};
