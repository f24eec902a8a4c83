import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folders under the data folder holding personal data: copied source files. */
const personalDataFolders = ['sources'];

function restrictTree(path: string): void {
  chmodSync(path, 0o700);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) restrictTree(child);
    else if (entry.isFile()) chmodSync(child, 0o600);
  }
}

/**
 * Owner-only access to the desk's data: the data folder 0700, the database and its -wal/-shm
 * 0600, copied sources 0600 in 0700 folders (without a data folder: the store's files only). Repairs a folder an older Guichet left 0755/0644.
 * (Windows has no mode bits: the profile folder's ACL already limits it to its user.)
 */
export function restrictDataFolder({ dataDir, dbPath, platform = process.platform }: { dataDir?: string | undefined; dbPath: string; platform?: NodeJS.Platform }): void {
  if (platform === 'win32') return;
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
  if (dataDir === undefined) return;
  chmodSync(dataDir, 0o700);
  for (const folder of personalDataFolders) {
    const path = join(dataDir, folder);
    if (existsSync(path)) restrictTree(path);
  }
}
