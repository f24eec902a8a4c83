import Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { migrations as defaultMigrations, type Migration } from './migrations';

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  migrations?: readonly Migration[];
  /** Stop at this schema version (migration tests). */
  targetVersion?: number;
  readonly?: boolean;
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

/**
 * Opens (and migrates) the desk database. A database written by a newer Guichet is refused
 * rather than silently misread.
 */
export function openDatabase({
  path,
  migrations = defaultMigrations,
  targetVersion = latestSchemaVersion(migrations),
  readonly = false,
}: OpenDatabaseOptions): Database.Database {
  assertMigrationOrder(migrations);
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
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
      })();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
