import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronRuntime } from './probeElectronRuntime';

export type RebuildModule = (options: { buildPath: string; electronVersion: string; moduleName: string }) => Promise<void>;

export interface PreparedElectronApp {
  /** The folder to hand to Electron: package.json, out/, node_modules/ with Electron-ABI natives. */
  appDir: string;
  /** Native modules that could not be rebuilt (an optional one is then simply absent). */
  failed: { moduleName: string; message: string }[];
}

const stampFile = '.guichet-electron-build';

/**
 * `npm ci` builds native modules for Node, which the tests and browser mode use; Electron needs
 * them built for its own ABI. Rather than rebuilding them in place (and breaking the Node build),
 * each native module is copied to `node_modules/.guichet-electron/<version>-<arch>/` and rebuilt
 * there once (a stamp records for which Electron and module version); every other package is a
 * symbolic link to the project's copy, and the freshly built `out/` is copied next to them, so the
 * bundles resolve the Electron builds first.
 */
export async function prepareElectronApp({
  projectRoot,
  runtime,
  nativeModules,
  rebuildModule,
}: {
  projectRoot: string;
  runtime: Pick<ElectronRuntime, 'version' | 'modules'>;
  nativeModules: string[];
  rebuildModule: RebuildModule;
}): Promise<PreparedElectronApp> {
  const projectModules = join(projectRoot, 'node_modules');
  const appDir = join(projectModules, '.guichet-electron', `${runtime.version}-${process.platform}-${process.arch}`);
  const appModules = join(appDir, 'node_modules');
  mkdirSync(appModules, { recursive: true });
  const packageJson = readFileSync(join(projectRoot, 'package.json'), 'utf8');
  writeFileSync(join(appDir, 'package.json'), packageJson);

  const failed: PreparedElectronApp['failed'] = [];
  for (const moduleName of nativeModules) {
    const source = join(projectModules, moduleName);
    const target = join(appModules, moduleName);
    if (!existsSync(source)) {
      rmSync(target, { recursive: true, force: true });
      failed.push({ moduleName, message: 'not installed' });
      continue;
    }
    const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
    const stamp = `electron ${runtime.version} abi ${runtime.modules} ${moduleName} ${version}`;
    const stampPath = join(target, stampFile);
    if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) continue;
    rmSync(target, { recursive: true, force: true });
    cpSync(source, target, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
    try {
      await rebuildModule({ buildPath: appDir, electronVersion: runtime.version, moduleName });
      writeFileSync(stampPath, stamp);
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      failed.push({ moduleName, message: error instanceof Error ? error.message : String(error) });
    }
  }

  // Every other package: a link to the project's copy (resolved there, so its own deps are found).
  const isNative = (name: string) => nativeModules.includes(name);
  const link = (name: string) => {
    const target = join(appModules, name);
    if (existsSync(target) || isLink(target)) return;
    symlinkSync(join(projectModules, name), target, 'junction');
  };
  for (const entry of readdirSync(projectModules)) {
    if (entry === '.guichet-electron' || entry === '.bin' || entry === '.package-lock.json') continue;
    if (entry.startsWith('@')) {
      mkdirSync(join(appModules, entry), { recursive: true });
      for (const scoped of readdirSync(join(projectModules, entry))) if (!isNative(`${entry}/${scoped}`)) link(`${entry}/${scoped}`);
    } else if (!isNative(entry)) link(entry);
  }

  rmSync(join(appDir, 'out'), { recursive: true, force: true });
  cpSync(join(projectRoot, 'out'), join(appDir, 'out'), { recursive: true });
  return { appDir, failed };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
