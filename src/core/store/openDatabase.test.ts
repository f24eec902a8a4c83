import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { assertMigrationOrder, latestSchemaVersion, openDatabase, walSizeLimitBytes } from './openDatabase';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-db-'));
  dirs.push(dir);
  return join(dir, 'desk.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('migrates a new file to the latest version with WAL and foreign keys', () => {
    const path = tempFile();
    const db = openDatabase({ path });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // Reopening is a no-op.
    openDatabase({ path }).close();
  });

  it('shrinks the write-ahead log back after a checkpoint of a large transaction', () => {
    const path = tempFile();
    const db = openDatabase({ path });
    db.exec('CREATE TABLE bulk (payload BLOB)');
    const insert = db.prepare('INSERT INTO bulk VALUES (zeroblob(1048576))');
    db.transaction(() => {
      for (let megabyte = 0; megabyte < walSizeLimitBytes / 1048576 + 16; megabyte += 1) insert.run();
    })();
    const grown = statSync(`${path}-wal`).size;
    expect(grown).toBeGreaterThan(walSizeLimitBytes);
    db.pragma('wal_checkpoint(PASSIVE)');
    // The next write starts the log over, at most at the limit.
    db.prepare("INSERT INTO bulk VALUES (x'00')").run();
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(walSizeLimitBytes);
    db.close();
  });

  it('refuses a database from a newer Guichet and leaves it untouched', () => {
    const path = tempFile();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestSchemaVersion() + 10}`);
    raw.close();
    let caught: unknown;
    try {
      openDatabase({ path });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeskError);
    expect((caught as DeskError).code).toBe('PRECONDITION_FAILED');
    expect((caught as DeskError).localized.fr).toMatch(/version plus récente/);
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 10);
    check.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const path = tempFile();
    const failing = [
      { version: 10, name: 'ok', up: (db: Database.Database) => db.exec('CREATE TABLE a (x INTEGER)') },
      { version: 20, name: 'broken', up: (db: Database.Database) => db.exec('CREATE TABLE oops (') },
    ];
    expect(() => openDatabase({ path, migrations: failing })).toThrow();
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
    check.close();
  });

  it('insists on versions that go up in steps of 10', () => {
    const up = () => {};
    expect(() => assertMigrationOrder([{ version: 20, name: 'b', up }, { version: 10, name: 'a', up }])).toThrow(/above 20/);
    expect(() => assertMigrationOrder([{ version: 15, name: 'a', up }])).toThrow(/multiple of 10/);
  });
});
