import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../shared/api/errors';
import { createKeyFileProvider } from '../core/store/createKeyFileProvider';
import { createSafeStorageKeyProvider, type KeychainStorage } from './createSafeStorageKeyProvider';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-keychain-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A keychain that XORs with its own secret: sealed bytes differ from the key and only it opens them. */
function fakeKeychain(secret = 0x5a, backend: ReturnType<NonNullable<KeychainStorage['getSelectedStorageBackend']>> = 'gnome_libsecret'): KeychainStorage {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ secret));
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    encryptStringAsync: (text) => Promise.resolve(Buffer.concat([Buffer.from('v1'), xor(Buffer.from(text))])),
    decryptStringAsync: (sealed) => {
      if (!sealed.subarray(0, 2).equals(Buffer.from('v1')) || secret !== 0x5a) return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
      return Promise.resolve({ result: xor(sealed.subarray(2)).toString(), shouldReEncrypt: false });
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('createSafeStorageKeyProvider', () => {
  it('seals a new key in the keychain (no key in clear on disk) and unseals the same key at the next start', async () => {
    const dataDir = tempDir();
    const first = await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(), platform: 'linux' });
    const key = first.readOrCreateKey();
    expect(key).toHaveLength(32);
    const sealed = readFileSync(join(dataDir, 'guichet.key.sealed'));
    expect(sealed.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(statSync(join(dataDir, 'guichet.key.sealed')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'guichet.key'))).toBe(false);
    expect((await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(), platform: 'linux' })).readOrCreateKey()).toEqual(key);
  });

  it('adopts the key file a browser-mode start wrote, then removes it', async () => {
    const dataDir = tempDir();
    const key = createKeyFileProvider({ path: join(dataDir, 'guichet.key') }).readOrCreateKey();
    const logged: string[] = [];
    const provider = await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', log: (message) => logged.push(message) });
    expect(provider.readOrCreateKey()).toEqual(key);
    expect(existsSync(join(dataDir, 'guichet.key'))).toBe(false);
    expect(logged.join('\n')).toContain('moved');
  });

  it('says in French when the keychain cannot unseal the key (another account or workstation)', async () => {
    const dataDir = tempDir();
    await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(), platform: 'linux' });
    const failure = await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(0x33), platform: 'linux' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeskError);
    expect((failure as DeskError).localized.fr).toContain('Le trousseau du système ne déchiffre pas la clé');
  });

  it('keeps the owner-only key file where Linux has no secret service (basic_text is not a keychain)', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'unrelated'), '');
    const provider = await createSafeStorageKeyProvider({ dataDir, safeStorage: fakeKeychain(0x5a, 'basic_text'), platform: 'linux' });
    expect(provider.readOrCreateKey()).toHaveLength(32);
    expect(statSync(join(dataDir, 'guichet.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'guichet.key.sealed'))).toBe(false);
  });
});
