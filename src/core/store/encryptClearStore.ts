import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { applyStoreKey } from './applyStoreKey';

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The one-time step that encrypts a store an older Guichet wrote in clear: a copy is made
 * (`VACUUM INTO`, owner-only), encrypted in place with the key, checked with it, and only then
 * renamed over the clear file. A crash at any point leaves either the clear store or the encrypted
 * one, never half of each. Run it before anything else opens the store.
 */
export function encryptClearStore({ path, key }: { path: string; key: Buffer }): void {
  const copy = `${path}.encrypting`;
  for (const leftover of [copy, `${copy}-journal`]) rmSync(leftover, { force: true });
  // VACUUM INTO takes an empty file: created here so the clear copy is never readable by others.
  closeSync(openSync(copy, 'w', 0o600));
  const clear = new CipherDatabase(path, { fileMustExist: true });
  let schemaVersion: unknown;
  try {
    schemaVersion = clear.pragma('user_version', { simple: true });
    // Folds the write-ahead log in, so the copy holds every committed write.
    clear.pragma('wal_checkpoint(TRUNCATE)');
    clear.prepare('VACUUM INTO ?').run(copy);
  } finally {
    clear.close();
  }
  const encrypted = new CipherDatabase(copy, { fileMustExist: true });
  try {
    // On a clear database, rekey encrypts every page (in a rollback journal: crash-safe).
    applyStoreKey(encrypted, key, 'rekey');
  } finally {
    encrypted.close();
  }
  // Read back with the key as the desk will, before the swap: a failed encryption throws here.
  const check = new CipherDatabase(copy, { readonly: true, fileMustExist: true });
  try {
    applyStoreKey(check, key);
    if (check.pragma('user_version', { simple: true }) !== schemaVersion) throw new Error(`The encrypted copy ${copy} does not read back as the store it copies`);
  } finally {
    check.close();
  }
  syncPath(copy);
  renameSync(copy, path);
  // The clear store's log and index were emptied by the checkpoint; left next to the encrypted file they would be read as its own.
  for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true });
  syncPath(dirname(path));
}
