import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Writes bytes to a new owner-only file (0600) and flushes them to disk; `wx` refuses an existing file. */
export function writeOwnerOnlyFile(path: string, bytes: Buffer, flags: 'w' | 'wx' = 'wx'): void {
  const fd = openSync(path, flags, 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
