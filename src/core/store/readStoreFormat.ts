import { closeSync, openSync, readSync } from 'node:fs';

const clearHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What lies at `path` before opening it: nothing, an empty file (a new store), a clear SQLite
 * database (to encrypt), or something else (an encrypted store: its first page is ciphertext).
 */
export function readStoreFormat(path: string): 'missing' | 'empty' | 'clear' | 'encrypted' {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const header = Buffer.alloc(clearHeader.length);
    const read = readSync(fd, header, 0, header.length, 0);
    if (read === 0) return 'empty';
    return read === header.length && header.equals(clearHeader) ? 'clear' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}
