import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { createKeyFileProvider } from './createKeyFileProvider';
import { latestSchemaVersion, openDatabase } from './openDatabase';
import { openProtectedStore } from './openProtectedStore';
import { openStoreFile } from './openStoreFile';
import { readStoreFormat } from './readStoreFormat';
import { storeKeyOf } from './storeKeyOf';

const surname = 'QUESNOT-VALLIÈRE';
const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-store-'));
  dirs.push(dir);
  return join(dir, 'data');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string): number => statSync(path).mode & 0o777;
/** Every file of the store (database, log, index) as bytes, to look for clear text. */
const storeBytes = (dbPath: string): Buffer => Buffer.concat([dbPath, `${dbPath}-wal`, `${dbPath}-shm`].filter(existsSync).map((path) => readFileSync(path)));
const containsText = (bytes: Buffer, text: string): boolean => bytes.includes(Buffer.from(text, 'utf8'));

function caught(run: () => unknown): DeskError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a DeskError');
}

function writeSurname(db: ReturnType<typeof openDatabase>): void {
  db.exec('CREATE TABLE IF NOT EXISTS probe (last_name TEXT)');
  db.prepare('INSERT INTO probe VALUES (?)').run(surname);
}

describe('openProtectedStore', () => {
  it('creates an encrypted store, an owner-only key file and folder, and keeps no clear text on disk', () => {
    const dataDir = tempDataDir();
    const dbPath = join(dataDir, 'guichet.sqlite');
    const keyProvider = createKeyFileProvider({ path: join(dataDir, 'guichet.key') });
    const db = openProtectedStore({ dataDir, path: dbPath, keyProvider });
    writeSurname(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(storeKeyOf(db)).toEqual(keyProvider.readOrCreateKey());
    // While open: the write-ahead log holds the last writes, encrypted as well.
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    expect(containsText(storeBytes(dbPath), surname)).toBe(false);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, join(dataDir, 'guichet.key')]) expect(modeOf(path)).toBe(0o600);
    db.close();
    expect(containsText(storeBytes(dbPath), surname)).toBe(false);
    expect(readStoreFormat(dbPath)).toBe('encrypted');

    const reopened = openProtectedStore({ dataDir, path: dbPath, keyProvider });
    expect(reopened.prepare('SELECT last_name FROM probe').pluck().get()).toBe(surname);
    reopened.close();
  });

  it('refuses a wrong key with a French message and leaves the store as it was', () => {
    const dataDir = tempDataDir();
    const dbPath = join(dataDir, 'guichet.sqlite');
    const db = openProtectedStore({ dataDir, path: dbPath, keyProvider: createKeyFileProvider({ path: join(dataDir, 'guichet.key') }) });
    writeSurname(db);
    db.close();
    const before = readFileSync(dbPath);

    const error = caught(() => openProtectedStore({ dataDir, path: dbPath, keyProvider: createKeyFileProvider({ path: join(dataDir, 'other.key') }) }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.localized.fr).toContain('La clé de chiffrement ne permet pas d’ouvrir la base');
    expect(error.localized.en).toContain('does not open the database');
    // Without any key (a plain SQLite tool, an old Guichet): refused too, with its own message.
    expect(caught(() => openDatabase({ path: dbPath })).localized.fr).toContain('est chiffrée');
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('encrypts once the clear store of an older Guichet, keeping its data, and repairs 0755/0644 modes', () => {
    const dataDir = tempDataDir();
    const dbPath = join(dataDir, 'guichet.sqlite');
    mkdirSync(join(dataDir, 'sources'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'sources', 'sirh.csv'), `${surname};Anne\n`, { mode: 0o644 });
    const clear = openDatabase({ path: dbPath });
    writeSurname(clear);
    clear.close();
    chmodSync(dbPath, 0o644);
    expect(containsText(storeBytes(dbPath), surname)).toBe(true);
    // A copy left by an encryption that crashed half-way is started over, not trusted.
    writeFileSync(`${dbPath}.encrypting`, 'half-written');

    const encrypted: string[] = [];
    const keyProvider = createKeyFileProvider({ path: join(dataDir, 'guichet.key') });
    const db = openProtectedStore({ dataDir, path: dbPath, keyProvider, onEncrypted: (path) => encrypted.push(path) });
    expect(encrypted).toEqual([dbPath]);
    expect(db.prepare('SELECT last_name FROM probe').pluck().all()).toEqual([surname]);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    db.close();
    expect(readStoreFormat(dbPath)).toBe('encrypted');
    expect(containsText(storeBytes(dbPath), surname)).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.includes('encrypting'))).toEqual([]);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(dbPath)).toBe(0o600);
    expect(modeOf(join(dataDir, 'sources'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'sources', 'sirh.csv'))).toBe(0o600);

    // The second start finds it encrypted: nothing to do.
    openProtectedStore({ dataDir, path: dbPath, keyProvider, onEncrypted: (path) => encrypted.push(path) }).close();
    expect(encrypted).toHaveLength(1);
  });
});

describe('openStoreFile', () => {
  it('encrypts a --db file with the key file beside it (not touching the folder), and only reads when asked to read', () => {
    const folder = tempDataDir();
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    chmodSync(folder, 0o755);
    const dbPath = join(folder, 'annuaire.sqlite');
    const clear = openDatabase({ path: dbPath });
    writeSurname(clear);
    clear.close();
    // A read-only look (an audit) at a clear store changes nothing: no key created, still clear.
    const looked = openStoreFile({ path: dbPath, readonly: true });
    expect(looked.prepare('SELECT last_name FROM probe').pluck().get()).toBe(surname);
    looked.close();
    expect(readStoreFormat(dbPath)).toBe('clear');
    expect(existsSync(join(folder, 'guichet.key'))).toBe(false);

    openStoreFile({ path: dbPath }).close();
    expect(readStoreFormat(dbPath)).toBe('encrypted');
    expect(modeOf(join(folder, 'guichet.key'))).toBe(0o600);
    expect(modeOf(dbPath)).toBe(0o600);
    expect(modeOf(folder)).toBe(0o755);
    const reread = openStoreFile({ path: dbPath, readonly: true });
    expect(reread.prepare('SELECT last_name FROM probe').pluck().get()).toBe(surname);
    reread.close();
    // GUICHET_KEY_FILE names another key: refused, not recreated over.
    expect(caught(() => openStoreFile({ path: dbPath, env: { GUICHET_KEY_FILE: join(folder, 'autre.key') } })).code).toBe('PRECONDITION_FAILED');
  });
});

describe('createKeyFileProvider', () => {
  it('creates a 32-byte key once, owner-only, and reads the same key back', () => {
    const dataDir = tempDataDir();
    const path = join(dataDir, 'keys', 'guichet.key');
    const key = createKeyFileProvider({ path }).readOrCreateKey();
    expect(key).toHaveLength(32);
    expect(modeOf(path)).toBe(0o600);
    expect(createKeyFileProvider({ path }).readOrCreateKey()).toEqual(key);
  });

  it('refuses a key file others can read, and a file that holds no key', () => {
    const dataDir = tempDataDir();
    const path = join(dataDir, 'guichet.key');
    createKeyFileProvider({ path }).readOrCreateKey();
    chmodSync(path, 0o644);
    const exposed = caught(() => createKeyFileProvider({ path }).readOrCreateKey());
    expect(exposed.localized.fr).toContain('est lisible par d’autres comptes (droits 644)');
    expect(exposed.localized.fr).toContain(`chmod 600 ${path}`);

    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect(caught(() => createKeyFileProvider({ path }).readOrCreateKey()).localized.fr).toContain('ne contient pas une clé Guichet');
  });
});
