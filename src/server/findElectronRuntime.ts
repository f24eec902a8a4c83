import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Path of the Electron executable if it is actually on disk. We never `require('electron')`
 * from Node: since Electron 42 that call starts a download, which hangs on offline machines.
 */
export function findElectronRuntime(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const executable =
    env.ELECTRON_OVERRIDE_DIST_PATH !== undefined && env.ELECTRON_OVERRIDE_DIST_PATH !== ''
      ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
      : join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}
