import type Database from 'better-sqlite3';
import { storeKeyBytes } from './StoreKeyProvider';

/**
 * SQLCipher 4's page format (AES-256, HMAC per page) with a raw key: no passphrase derivation at
 * each open, the key being random. `rekey` encrypts a clear database with it instead of opening.
 */
export function applyStoreKey(db: Database.Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  if (key.length !== storeKeyBytes) throw new Error(`A store key has ${storeKeyBytes} bytes, not ${key.length}`);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}
