import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveUserDataDir } from '../src/core/config/resolveUserDataDir';
import { findElectronRuntime } from '../src/server/findElectronRuntime';
import { parseStartArguments, startUsage } from '../src/server/parseStartArguments';
import { runBrowserMode } from '../src/server/runBrowserMode';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function build(): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    console.error('The desk could not be built (electron-vite build failed, see above).');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseStartArguments(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(startUsage);
    return;
  }
  build();
  const electron = options.forceBrowser ? null : findElectronRuntime(projectRoot);
  if (electron !== null) {
    const child = spawn(electron, [projectRoot, ...(options.demo ? ['--demo'] : [])], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!options.forceBrowser) {
    console.error('The Electron runtime is not installed on this machine (npx install-electron to get it): starting browser mode.');
  }
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  await runBrowserMode({
    dataDir: resolveUserDataDir(),
    rendererDir: join(projectRoot, 'out', 'renderer'),
    appVersion: version,
    port: options.port,
    open: options.open,
    demo: options.demo,
  });
}

await main();
