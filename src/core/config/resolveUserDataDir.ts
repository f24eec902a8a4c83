import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Same folder Electron's app.getPath('userData') gives for the product name "Guichet", so the
 * desktop app and browser mode share one directory. GUICHET_DATA_DIR overrides it (tests, kiosks).
 */
export function resolveUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GUICHET_DATA_DIR !== undefined && env.GUICHET_DATA_DIR !== '') return env.GUICHET_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Guichet');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Guichet');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Guichet');
}
