import { readFileSync, renameSync } from 'node:fs';
import type { KeychainStorage } from './createSafeStorageKeyProvider';
import { writeOwnerOnlyFile } from './writeOwnerOnlyFile';

/** Seals `text` with the OS keychain into an owner-only file, written beside then renamed: a crash leaves the old file or the new one. */
export async function sealFile(safeStorage: KeychainStorage, path: string, text: string): Promise<void> {
  const sealed = await safeStorage.encryptStringAsync(text);
  const temporary = `${path}.${process.pid}.tmp`;
  writeOwnerOnlyFile(temporary, sealed, 'w');
  renameSync(temporary, path);
}

/**
 * Unseals a file the keychain sealed. When the keychain says its key was rotated (or a stronger one
 * is available: `shouldReEncrypt`), the file is sealed again with the new key, as Electron's
 * `safeStorage` documentation asks.
 */
export async function unsealFile(safeStorage: KeychainStorage, path: string): Promise<string> {
  const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(path));
  if (shouldReEncrypt) await sealFile(safeStorage, path, result);
  return result;
}
