import { join } from 'node:path';

/**
 * The store's key file (browser mode, CLI): GUICHET_KEY_FILE, else `guichet.key` in the data
 * folder. Keeping it elsewhere (a removable or separately backed-up volume) means a copy of the
 * data folder alone cannot be read.
 */
export function resolveKeyFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GUICHET_KEY_FILE !== undefined && env.GUICHET_KEY_FILE !== '') return env.GUICHET_KEY_FILE;
  return join(dataDir, 'guichet.key');
}
