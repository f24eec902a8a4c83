import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveUserDataDir } from '../src/core/config/resolveUserDataDir';
import { findElectronRuntime } from '../src/server/findElectronRuntime';
import { parseStartArguments, startUsage } from '../src/server/parseStartArguments';
import { runBrowserMode } from '../src/server/runBrowserMode';
import { prepareElectronApp, type RebuildModule } from './prepareElectronApp';
import { probeElectronRuntime, type ElectronRuntime } from './probeElectronRuntime';

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

const rebuildWithElectronRebuild: RebuildModule = async ({ buildPath, electronVersion, moduleName }) => {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion, onlyModules: [moduleName], force: true });
};

/**
 * The desktop app when a working Electron runtime is here, with native modules rebuilt for its
 * ABI in their own folder (the Node build stays for the tests and browser mode). False: use
 * browser mode (no runtime, a runtime that does not run, or a required module that did not build).
 */
async function startElectron(demo: boolean): Promise<boolean> {
  const executable = findElectronRuntime(projectRoot);
  if (executable === null) {
    console.error('The Electron runtime is not installed on this machine (npx install-electron to get it): starting browser mode.');
    return false;
  }
  const runtime: ElectronRuntime | null = probeElectronRuntime(executable);
  if (runtime === null) {
    console.error(`The Electron runtime at ${executable} does not run on this machine: starting browser mode.`);
    return false;
  }
  const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const { modules: nativeModules } = JSON.parse(readFileSync(join(projectRoot, 'build', 'native-modules.json'), 'utf8')) as { modules: string[] };
  const { appDir, failed } = await prepareElectronApp({ projectRoot, runtime, nativeModules, rebuildModule: rebuildWithElectronRebuild });
  for (const { moduleName, message } of failed) console.error(`${moduleName} could not be built for Electron ${runtime.version}: ${message}`);
  if (failed.some(({ moduleName }) => packageJson.optionalDependencies?.[moduleName] === undefined)) {
    console.error('A required native module is missing for Electron: starting browser mode.');
    return false;
  }
  const child = spawn(runtime.executable, [appDir, ...(demo ? ['--demo'] : [])], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  return true;
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
  if (!options.forceBrowser && (await startElectron(options.demo))) return;
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  await runBrowserMode({
    dataDir: resolveUserDataDir(),
    rendererDir: join(projectRoot, 'out', 'renderer'),
    appVersion: version,
    port: options.port,
    open: options.open,
    demo: options.demo,
    scimProviderPort: options.scimProviderPort,
  });
}

await main();
