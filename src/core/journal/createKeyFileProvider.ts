import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import type { JournalKeyProvider } from './JournalKeyProvider';

/**
 * A key file readable by its owner only (0600), created with 32 random bytes on first use. A file
 * of another size is refused rather than replaced (replacing it would orphan every MAC).
 */
export function createKeyFileProvider(path: string): JournalKeyProvider {
  let key: Buffer | null = null;
  return {
    readKey() {
      if (key !== null) return key;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        bytes = randomBytes(32);
        writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
      }
      if (bytes.length !== 32) throw new Error(`Journal key file ${path} holds ${bytes.length} bytes, expected 32`);
      chmodSync(path, 0o600);
      key = bytes;
      return key;
    },
  };
}
