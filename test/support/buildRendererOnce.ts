import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The e2e tests drive the built renderer, exactly what `npm start` serves. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}
