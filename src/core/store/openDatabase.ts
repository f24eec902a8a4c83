import type Database from 'better-sqlite3';
// The same API as better-sqlite3 12 (its fork, kept in step), with SQLite3 Multiple Ciphers inside.
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { DeskError } from '../../shared/api/errors';
import { migrations as defaultMigrations, type Migration } from './migrations';
import { applyStoreKey } from './applyStoreKey';
import { rememberStoreKey } from './storeKeyOf';

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  migrations?: readonly Migration[];
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
  readonly?: boolean;
  /** The store's 32-byte key: the file is encrypted in SQLCipher 4's format (ignored for ':memory:'). */
  key?: Buffer | null;
}

export function latestSchemaVersion(list: readonly Migration[] = defaultMigrations): number {
  return list.at(-1)?.version ?? 0;
}

export function assertMigrationOrder(list: readonly Migration[]): void {
  let previous = 0;
  for (const migration of list) {
    if (migration.version <= previous || migration.version % 10 !== 0) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}; expected a multiple of 10 above ${previous}`,
      );
    }
    previous = migration.version;
  }
}

/** What the write-ahead log keeps on disk after a checkpoint. */
export const walSizeLimitBytes = 64 * 1024 * 1024;

function unreadableStoreError(path: string, keyed: boolean): DeskError {
  return keyed
    ? new DeskError('PRECONDITION_FAILED', {
        fr: `La clé de chiffrement ne permet pas d’ouvrir la base ${path} : ce n’est pas la clé de cette base (fichier de clé ou trousseau remplacé ?) ou le fichier est endommagé. Rien n’a été modifié ; remettez la bonne clé.`,
        en: `The encryption key does not open the database ${path}: it is not this database's key (key file or keychain entry replaced?) or the file is damaged. Nothing was changed; restore the right key.`,
      }, { path })
    : new DeskError('PRECONDITION_FAILED', {
        fr: `La base ${path} est chiffrée ou n’est pas une base Guichet : il faut sa clé pour l’ouvrir.`,
        en: `The database ${path} is encrypted or is not a Guichet database: its key is needed to open it.`,
      }, { path });
}

/**
 * Opens (and migrates) the desk database, encrypted when a key is given. A database written by a
 * newer Guichet is refused rather than silently misread; a wrong key is refused with a clear message.
 */
export function openDatabase({
  path,
  migrations = defaultMigrations,
  targetVersion = latestSchemaVersion(migrations),
  readonly = false,
  key = null,
}: OpenDatabaseOptions): Database.Database {
  assertMigrationOrder(migrations);
  const db: Database.Database = new CipherDatabase(path, { readonly, fileMustExist: readonly });
  const keyed = key !== null && path !== ':memory:';
  try {
    if (keyed) {
      applyStoreKey(db, key);
      rememberStoreKey(db, key);
    }
    try {
      // The first read of page 1: where a wrong key (or a missing one) shows.
      db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw unreadableStoreError(path, keyed);
      throw error;
    }
    if (!readonly && path !== ':memory:') {
      db.pragma('journal_mode = WAL');
      // An import of the register fills the write-ahead log with a gigabyte; the desk keeps its
      // database open for days, so the log shrinks back once checkpointed instead of keeping that size.
      db.pragma(`journal_size_limit = ${walSizeLimitBytes}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    const newest = latestSchemaVersion(migrations);
    if (current > newest) {
      throw new DeskError('PRECONDITION_FAILED', {
        fr: `Cette base de données (schéma ${current}) vient d’une version plus récente de Guichet (schéma ${newest} au plus) : mettez Guichet à jour.`,
        en: `This database (schema ${current}) comes from a newer Guichet (this one knows schema ${newest} at most): update Guichet.`,
      }, { path, schemaVersion: current, supportedVersion: newest });
    }
    const pending = migrations.filter((m) => m.version > current && m.version <= targetVersion);
    if (pending.length > 0) {
      if (readonly) {
        throw new DeskError('PRECONDITION_FAILED', {
          fr: `La base ${path} doit être mise à jour avant lecture.`,
          en: `The database ${path} needs migrating before it can be read.`,
        });
      }
      db.transaction(() => {
        for (const migration of pending) migration.up(db);
        db.pragma(`user_version = ${pending.at(-1)!.version}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
