import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareElectronApp, type RebuildModule } from './prepareElectronApp';

function write(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** A project as `npm ci` leaves it: native modules built for Node, a build in out/. */
function fakeProject() {
  const root = mkdtempSync(join(tmpdir(), 'guichet-electron-app-'));
  write(join(root, 'package.json'), JSON.stringify({ name: 'guichet', main: 'out/main/index.js' }));
  write(join(root, 'out', 'main', 'index.js'), 'export {};');
  write(join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.11.1' }));
  write(join(root, 'node_modules', 'better-sqlite3', 'lib', 'index.js'), 'module.exports = 1;');
  write(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'built for node');
  write(join(root, 'node_modules', '@pokusew', 'pcsclite', 'package.json'), JSON.stringify({ version: '0.6.0' }));
  write(join(root, 'node_modules', '@pokusew', 'other', 'package.json'), '{}');
  write(join(root, 'node_modules', 'bindings', 'package.json'), '{}');
  return root;
}

const runtime = { version: '45.5.0', modules: '140' };
const nativeModules = ['better-sqlite3', '@pokusew/pcsclite'];

describe('prepareElectronApp', () => {
  it('rebuilds native modules for Electron in their own folder, once, and leaves the Node build alone', async () => {
    const projectRoot = fakeProject();
    const calls: string[] = [];
    const rebuildModule: RebuildModule = async ({ buildPath, electronVersion, moduleName }) => {
      calls.push(`${moduleName}@${electronVersion}`);
      write(join(buildPath, 'node_modules', moduleName, 'build', 'Release', 'binding.node'), `built for electron ${electronVersion}`);
    };
    const { appDir, failed } = await prepareElectronApp({ projectRoot, runtime, nativeModules, rebuildModule });
    expect(failed).toEqual([]);
    expect(calls).toEqual(['better-sqlite3@45.5.0', '@pokusew/pcsclite@45.5.0']);
    expect(appDir).toBe(join(projectRoot, 'node_modules', '.guichet-electron', `45.5.0-${process.platform}-${process.arch}`));
    // Natives: real copies with only the Electron build; everything else: links to the project's copy.
    const sqlite = join(appDir, 'node_modules', 'better-sqlite3');
    expect(lstatSync(sqlite).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(sqlite, 'build', 'Release', 'binding.node'), 'utf8')).toBe('built for electron 45.5.0');
    expect(existsSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(readFileSync(join(sqlite, 'lib', 'index.js'), 'utf8')).toBe('module.exports = 1;');
    expect(realpathSync(join(appDir, 'node_modules', 'bindings'))).toBe(realpathSync(join(projectRoot, 'node_modules', 'bindings')));
    expect(lstatSync(join(appDir, 'node_modules', '@pokusew', 'other')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(appDir, 'out', 'main', 'index.js'), 'utf8')).toBe('export {};');
    expect(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'))).toMatchObject({ main: 'out/main/index.js' });
    expect(readFileSync(join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('built for node');

    // Second start: cached. A new build of out/ is copied again.
    write(join(projectRoot, 'out', 'main', 'index.js'), 'export const rebuilt = true;');
    await prepareElectronApp({ projectRoot, runtime, nativeModules, rebuildModule });
    expect(calls).toHaveLength(2);
    expect(readFileSync(join(appDir, 'out', 'main', 'index.js'), 'utf8')).toBe('export const rebuilt = true;');

    // A new module version is rebuilt.
    write(join(projectRoot, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ version: '12.12.0' }));
    await prepareElectronApp({ projectRoot, runtime, nativeModules, rebuildModule });
    expect(calls).toEqual(['better-sqlite3@45.5.0', '@pokusew/pcsclite@45.5.0', 'better-sqlite3@45.5.0']);
  });

  it('reports a module that cannot be rebuilt and leaves it out, and an optional one that is not installed', async () => {
    const projectRoot = fakeProject();
    const rebuildModule: RebuildModule = async ({ moduleName }) => {
      if (moduleName === '@pokusew/pcsclite') throw new Error('winscard.h: No such file or directory');
    };
    const { appDir, failed } = await prepareElectronApp({ projectRoot, runtime, nativeModules: [...nativeModules, 'absent-native'], rebuildModule });
    expect(failed).toEqual([
      { moduleName: '@pokusew/pcsclite', message: 'winscard.h: No such file or directory' },
      { moduleName: 'absent-native', message: 'not installed' },
    ]);
    expect(existsSync(join(appDir, 'node_modules', '@pokusew', 'pcsclite'))).toBe(false);
    expect(existsSync(join(appDir, 'node_modules', 'better-sqlite3', '.guichet-electron-build'))).toBe(true);
  });
});
