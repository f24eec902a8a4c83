import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveUserDataDir } from '../core/config/resolveUserDataDir';
import { openDeskCore, type DeskCore } from '../core/desk/openDeskCore';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readAppVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The same core the desk runs, on the user data folder (or --data-dir). */
export function openCliCore({ dataDir }: { dataDir?: string | undefined }): DeskCore {
  return openDeskCore({
    dataDir: dataDir ?? resolveUserDataDir(),
    appVersion: readAppVersion(),
    transport: 'cli',
    logger: { info: () => {}, error: (message, error) => console.error(message, error ?? '') },
  });
}
