import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScimTokenKeeper } from '../core/scim/ScimTokenKeeper';
import type { KeychainStorage } from './createSafeStorageKeyProvider';
import { sealFile, unsealFile } from './sealFile';

export interface SafeStorageScimTokenKeeperOptions {
  dataDir: string;
  safeStorage: KeychainStorage;
  platform?: NodeJS.Platform;
  /** The process environment the token is published in (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

/** What the sealed file holds: the token and the variable it stands for. */
interface SealedToken {
  tokenEnv: string;
  token: string;
}

/**
 * The IAM token sealed by the OS keychain in `scim-token.sealed` (owner-only), unsealed once at
 * start (the keychain answers asynchronously) into `env[tokenEnv]` unless the environment already
 * sets that variable (an operator's explicit value wins). Null where there is no real keychain
 * (Linux without a secret service: `basic_text` is obfuscation, not protection): the token then
 * comes from the environment only, said in the log.
 */
export async function createSafeStorageScimTokenKeeper({ dataDir, safeStorage, platform = process.platform, env = process.env, log = () => {} }: SafeStorageScimTokenKeeperOptions): Promise<ScimTokenKeeper | null> {
  const noKeychain = !(await safeStorage.isAsyncEncryptionAvailable()) || (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  if (noKeychain) {
    log('no OS keychain available: the IAM token comes from the environment only');
    return null;
  }
  const sealedPath = join(dataDir, 'scim-token.sealed');
  let current: SealedToken | null = null;
  if (existsSync(sealedPath)) {
    try {
      current = JSON.parse(await unsealFile(safeStorage, sealedPath)) as SealedToken;
      if (env[current.tokenEnv] === undefined || env[current.tokenEnv] === '') env[current.tokenEnv] = current.token;
      else log(`the IAM token of ${current.tokenEnv} is set in the environment: it wins over the keychain's`);
    } catch (error) {
      log(`the keychain cannot unseal ${sealedPath} (${error instanceof Error ? error.message : String(error)}): the IAM token must be entered again`);
      current = null;
    }
  }
  return {
    hasToken: () => current !== null,
    async save(token, tokenEnv) {
      if (current !== null && current.tokenEnv !== tokenEnv && env[current.tokenEnv] === current.token) delete env[current.tokenEnv];
      if (token === null) {
        rmSync(sealedPath, { force: true });
        if (current !== null && env[current.tokenEnv] === current.token) delete env[current.tokenEnv];
        current = null;
        return;
      }
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      await sealFile(safeStorage, sealedPath, JSON.stringify({ tokenEnv, token } satisfies SealedToken));
      current = { tokenEnv, token };
      env[tokenEnv] = token;
    },
  };
}
