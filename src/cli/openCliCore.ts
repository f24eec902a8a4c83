import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveUserDataDir } from '../core/config/resolveUserDataDir';
import { openDeskCore, type DeskCore } from '../core/desk/openDeskCore';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readAppVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The same core the desk runs, on the user data folder (or --data-dir). With `dbPath` (--db) it
 * works on that database file instead, created and migrated if missing, without the demo directory.
 */
export function openCliCore({ dataDir, dbPath }: { dataDir?: string | undefined; dbPath?: string | undefined }): DeskCore {
  if (dbPath !== undefined) mkdirSync(dirname(resolve(dbPath)), { recursive: true });
  return openDeskCore({
    dataDir: dataDir ?? resolveUserDataDir(),
    ...(dbPath === undefined ? {} : { dbPath: resolve(dbPath), seedDemo: false }),
    appVersion: readAppVersion(),
    transport: 'cli',
    logger: { info: () => {}, error: (message, error) => console.error(message, error ?? '') },
  });
}
