import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { DeskError } from '../shared/api/errors';
import { resolveKeyFilePath } from '../core/config/resolveKeyFilePath';
import { createKeyFileProvider } from '../core/store/createKeyFileProvider';
import { storeKeyBytes, type StoreKeyProvider } from '../core/store/StoreKeyProvider';
import { unsealFile } from './sealFile';
import { writeOwnerOnlyFile } from './writeOwnerOnlyFile';

export type KeychainStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface SafeStorageKeyProviderOptions {
  /** Electron's userData folder (the desk's data folder). */
  dataDir: string;
  /** Electron's `safeStorage` (a fake in tests). */
  safeStorage: KeychainStorage;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
}


/**
 * The store key sealed by the OS keychain (DPAPI, Keychain, libsecret/KWallet) in
 * `guichet.key.sealed`: a copy of the data folder, or of the whole disk, cannot be read without
 * the user's session. Read once before the core opens (the keychain's calls are asynchronous).
 * A key file a browser-mode start left in the folder is sealed and then removed. Where there is no
 * real keychain (Linux without a secret service: Electron's `basic_text` is obfuscation only),
 * the owner-only key file stays in use, said in the log.
 */
export async function createSafeStorageKeyProvider({ dataDir, safeStorage, platform = process.platform, log = () => {} }: SafeStorageKeyProviderOptions): Promise<StoreKeyProvider> {
  const keyFile = createKeyFileProvider({ path: resolveKeyFilePath(dataDir), platform });
  const noKeychain = !(await safeStorage.isAsyncEncryptionAvailable()) || (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  if (noKeychain) {
    log(`no OS keychain available: the store key stays in the owner-only file ${keyFile.location}`);
    return keyFile;
  }
  const sealedPath = join(dataDir, 'guichet.key.sealed');
  let key: Buffer;
  if (existsSync(sealedPath)) {
    let hex: string;
    try {
      hex = await unsealFile(safeStorage, sealedPath);
    } catch (error) {
      throw new DeskError('PRECONDITION_FAILED', {
        fr: `Le trousseau du système ne déchiffre pas la clé de la base (${sealedPath}) : ouvrez Guichet avec le compte et sur le poste qui l’ont créée.`,
        en: `The OS keychain cannot unseal the database key (${sealedPath}): open Guichet with the account and on the workstation that created it.`,
      }, { path: sealedPath, cause: error instanceof Error ? error.message : String(error) });
    }
    key = Buffer.from(hex, 'hex');
    if (key.length !== storeKeyBytes) throw new Error(`The sealed store key ${sealedPath} does not hold ${storeKeyBytes} bytes`);
  } else {
    const adopted = existsSync(keyFile.location);
    key = adopted ? keyFile.readOrCreateKey() : randomBytes(storeKeyBytes);
    // First start: the data folder may not exist yet (owner-only, as the store will keep it).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeOwnerOnlyFile(sealedPath, await safeStorage.encryptStringAsync(key.toString('hex')));
    if (adopted) {
      rmSync(keyFile.location);
      log(`store key moved from ${keyFile.location} into the OS keychain (${sealedPath})`);
    }
  }
  return { location: `${sealedPath} (OS keychain)`, readOrCreateKey: () => key };
}
