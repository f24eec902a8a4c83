/**
 * Where the desk's database key comes from: a key file (browser mode, CLI), the OS keychain
 * (Electron's safeStorage), or a fake in tests. Synchronous: the store opens before anything else.
 */
export interface StoreKeyProvider {
  /** The 32-byte key, created and stored on the first call when none exists yet. */
  readOrCreateKey(): Buffer;
  /** Where the key lives, for messages (never the key itself). */
  readonly location: string;
}

/** Bytes of a store key (SQLCipher's raw 256-bit key: no passphrase derivation at each open). */
export const storeKeyBytes = 32;
