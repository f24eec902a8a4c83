import type Database from 'better-sqlite3';

const keys = new WeakMap<Database.Database, Buffer>();

/**
 * The key a connection was opened with (null for a clear or in-memory store), so a job's worker
 * thread can open the same file. Kept beside the connection in this process's memory only.
 */
export function storeKeyOf(db: Database.Database): Buffer | null {
  return keys.get(db) ?? null;
}

export function rememberStoreKey(db: Database.Database, key: Buffer): void {
  keys.set(db, key);
}
