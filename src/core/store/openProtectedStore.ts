import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { encryptClearStore } from './encryptClearStore';
import { openDatabase, type OpenDatabaseOptions } from './openDatabase';
import { readStoreFormat } from './readStoreFormat';
import { restrictDataFolder } from './restrictDataFolder';
import type { StoreKeyProvider } from './StoreKeyProvider';

export interface OpenProtectedStoreOptions extends Omit<OpenDatabaseOptions, 'key'> {
  /** The data folder (made 0700); the database is usually `<dataDir>/guichet.sqlite`. Absent (a CLI `--db` file): only the store's files are restricted. */
  dataDir?: string;
  keyProvider: StoreKeyProvider;
  /** Called once when a clear store from an older Guichet was encrypted. */
  onEncrypted?: (path: string) => void;
}

/**
 * Opens the desk's store as it runs in production: owner-only data folder and files, encrypted
 * with the provider's key (created at the first start), a clear store of an older Guichet
 * encrypted once before it is opened.
 */
export function openProtectedStore({ dataDir, path, keyProvider, onEncrypted, readonly = false, ...options }: OpenProtectedStoreOptions): Database.Database {
  const format = readStoreFormat(path);
  // A read-only look (an audit) changes nothing: a clear store is read as it is.
  if (readonly) return openDatabase({ ...options, path, readonly, key: format === 'clear' ? null : keyProvider.readOrCreateKey() });
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = keyProvider.readOrCreateKey();
  if (format === 'missing') {
    // Created owner-only before SQLite writes a byte: its -wal and -shm take the file's mode.
    closeSync(openSync(path, 'a', 0o600));
  } else if (format === 'clear') {
    encryptClearStore({ path, key });
    onEncrypted?.(path);
  }
  restrictDataFolder({ dataDir, dbPath: path });
  const db = openDatabase({ ...options, path, key });
  // The write-ahead log and shared index exist now (WAL mode): owner-only as well.
  restrictDataFolder({ dataDir, dbPath: path });
  return db;
}
