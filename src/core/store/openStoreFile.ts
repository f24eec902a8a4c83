import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { resolveKeyFilePath } from '../config/resolveKeyFilePath';
import { createKeyFileProvider } from './createKeyFileProvider';
import { openProtectedStore, type OpenProtectedStoreOptions } from './openProtectedStore';

/**
 * A store file named on the command line (`--db`, `audit`, `reconcile`): encrypted with the key
 * file GUICHET_KEY_FILE or `guichet.key` beside it (created with a new store), a clear store
 * from an older Guichet encrypted once, and read as it is when only read.
 */
export function openStoreFile({ path, env = process.env, ...options }: Omit<OpenProtectedStoreOptions, 'keyProvider'> & { env?: NodeJS.ProcessEnv }): Database.Database {
  return openProtectedStore({ ...options, path, keyProvider: createKeyFileProvider({ path: resolveKeyFilePath(dirname(path), env) }) });
}
