import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeychainStorage } from './createSafeStorageKeyProvider';
import { createSafeStorageScimTokenKeeper } from './createSafeStorageScimTokenKeeper';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-scim-token-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A keychain that XORs with its own secret: sealed bytes differ from the text and only it opens them. */
function fakeKeychain({ available = true, backend = 'gnome_libsecret', secret = 0x5a }: { available?: boolean; backend?: ReturnType<NonNullable<KeychainStorage['getSelectedStorageBackend']>>; secret?: number } = {}): KeychainStorage {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ secret));
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    encryptStringAsync: (text) => Promise.resolve(Buffer.concat([Buffer.from('v1'), xor(Buffer.from(text))])),
    decryptStringAsync: (sealed) =>
      secret === 0x5a ? Promise.resolve({ result: xor(sealed.subarray(2)).toString(), shouldReEncrypt: false }) : Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')),
    getSelectedStorageBackend: () => backend,
  };
}

const token = 'iam-token-0123456789-abcdefghij';

describe('createSafeStorageScimTokenKeeper', () => {
  it('seals the token (never in clear on disk, owner-only), publishes it in the environment, and unseals it at the next start', async () => {
    const dataDir = tempDir();
    const env: NodeJS.ProcessEnv = {};
    const keeper = await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', env });
    expect(keeper!.hasToken()).toBe(false);
    await keeper!.save(token, 'GUICHET_SCIM_TOKEN');
    expect(env.GUICHET_SCIM_TOKEN).toBe(token);
    const sealed = readFileSync(join(dataDir, 'scim-token.sealed'));
    expect(sealed.includes(Buffer.from(token))).toBe(false);
    expect(statSync(join(dataDir, 'scim-token.sealed')).mode & 0o777).toBe(0o600);

    const nextStart: NodeJS.ProcessEnv = {};
    const again = await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', env: nextStart });
    expect(again!.hasToken()).toBe(true);
    expect(nextStart.GUICHET_SCIM_TOKEN).toBe(token);
    // An operator's explicit variable wins over the keychain's.
    const explicit: NodeJS.ProcessEnv = { GUICHET_SCIM_TOKEN: 'from-the-operator-0123456789' };
    await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', env: explicit });
    expect(explicit.GUICHET_SCIM_TOKEN).toBe('from-the-operator-0123456789');

    await again!.save(null, 'GUICHET_SCIM_TOKEN');
    expect(existsSync(join(dataDir, 'scim-token.sealed'))).toBe(false);
    expect(nextStart.GUICHET_SCIM_TOKEN).toBeUndefined();
  });

  it('is null without a real keychain (none, or Linux basic_text obfuscation): the token stays an environment variable', async () => {
    const logs: string[] = [];
    expect(await createSafeStorageScimTokenKeeper({ dataDir: tempDir(), safeStorage: fakeKeychain({ available: false }), platform: 'win32', env: {}, log: (line) => logs.push(line) })).toBeNull();
    expect(await createSafeStorageScimTokenKeeper({ dataDir: tempDir(), safeStorage: fakeKeychain({ backend: 'basic_text' }), platform: 'linux', env: {}, log: (line) => logs.push(line) })).toBeNull();
    expect(logs.every((line) => line.includes('environment only'))).toBe(true);
  });

  it('starts without a token (asking for it again) when another session’s keychain sealed it', async () => {
    const dataDir = tempDir();
    await (await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', env: {} }))!.save(token, 'GUICHET_SCIM_TOKEN');
    const env: NodeJS.ProcessEnv = {};
    const logs: string[] = [];
    const other = await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain({ secret: 0x11 }), platform: 'linux', env, log: (line) => logs.push(line) });
    expect(other!.hasToken()).toBe(false);
    expect(env.GUICHET_SCIM_TOKEN).toBeUndefined();
    expect(logs.join('\n')).toMatch(/cannot unseal/);
  });

  it('seals the token again when the keychain says its key was rotated (shouldReEncrypt)', async () => {
    const dataDir = tempDir();
    await (await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: fakeKeychain(), platform: 'linux', env: {} }))!.save(token, 'GUICHET_SCIM_TOKEN');
    const before = readFileSync(join(dataDir, 'scim-token.sealed'));
    // The rotated keychain still opens the old file, says so, and seals with its new key ("v2").
    const rotated: KeychainStorage = {
      ...fakeKeychain(),
      encryptStringAsync: (text) => Promise.resolve(Buffer.concat([Buffer.from('v2'), Buffer.from(Buffer.from(text).map((byte) => byte ^ 0x5a))])),
      decryptStringAsync: (sealed) => Promise.resolve({ result: Buffer.from(sealed.subarray(2).map((byte) => byte ^ 0x5a)).toString(), shouldReEncrypt: sealed.subarray(0, 2).toString() === 'v1' }),
    };
    const env: NodeJS.ProcessEnv = {};
    await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: rotated, platform: 'linux', env });
    expect(env.GUICHET_SCIM_TOKEN).toBe(token);
    const after = readFileSync(join(dataDir, 'scim-token.sealed'));
    expect(before.subarray(0, 2).toString()).toBe('v1');
    expect(after.subarray(0, 2).toString()).toBe('v2');
    expect(after.includes(Buffer.from(token))).toBe(false);
    expect(statSync(join(dataDir, 'scim-token.sealed')).mode & 0o777).toBe(0o600);
  });
});

