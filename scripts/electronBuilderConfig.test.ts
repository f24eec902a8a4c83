import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import electronViteConfig from '../electron.vite.config';

// `electron-builder --dir` needs to download Electron, which this machine cannot: the packaging
// configuration is checked here instead, against the build configuration and the installed modules.

const projectRoot = join(import.meta.dirname, '..');
const builder = load(readFileSync(join(projectRoot, 'build', 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
};
const { modules: nativeModules } = JSON.parse(readFileSync(join(projectRoot, 'build', 'native-modules.json'), 'utf8')) as { modules: string[] };
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };

const matchesAny = (path: string, globs: string[]) => globs.some((glob) => matchesGlob(path, glob));

function nodeFilesOf(moduleName: string): string[] {
  const dir = join(projectRoot, 'node_modules', moduleName);
  // An optional module that did not build is absent: its usual place is checked instead.
  if (!existsSync(dir)) return [`node_modules/${moduleName}/build/Release/binding.node`];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && name !== 'src' && name !== 'deps') walk(path);
      } else if (name.endsWith('.node')) found.push(relative(projectRoot, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found;
}

/** What the bundle smoke test loads: every entry electron-vite builds, as its output names them. */
function builtEntries(): string[] {
  const config = electronViteConfig as { main: { build: { rollupOptions: { input: Record<string, string> } } }; preload: { build: { rollupOptions: { input: Record<string, string> } } } };
  return [
    ...Object.keys(config.main.build.rollupOptions.input).map((name) => `out/main/${name}.js`),
    'out/main/chunks/shared-chunk.js',
    ...Object.keys(config.preload.build.rollupOptions.input).map((name) => `out/preload/${name}.cjs`),
    'out/renderer/index.html',
    'out/renderer/assets/index.js',
  ];
}

describe('build/electron-builder.yml', () => {
  it('packages every built entry, and package.json points at the main one', () => {
    const entries = builtEntries();
    expect(entries).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/pcscWorker.js', 'out/main/runSourceParserThread.js', 'out/main/runRegisterScreenThread.js', 'out/preload/index.cjs', 'out/preload/fidoCeremony.cjs']));
    for (const entry of entries) expect(matchesAny(entry, builder.files), entry).toBe(true);
    expect(packageJson.main).toBe('out/main/index.js');
    expect(builder.files).toContain('package.json');
  });

  it('unpacks the .node files of every native module from the asar, and rebuilds them for Electron', () => {
    expect(builder.asar).toBe(true);
    expect(nativeModules).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', '@pokusew/pcsclite']));
    for (const moduleName of nativeModules) {
      // Packaged only if declared as a runtime dependency (devDependencies are left out).
      expect({ ...packageJson.dependencies, ...packageJson.optionalDependencies }, moduleName).toHaveProperty([moduleName]);
      const files = nodeFilesOf(moduleName);
      expect(files.length, moduleName).toBeGreaterThan(0);
      for (const file of files) expect(matchesAny(file, builder.asarUnpack), file).toBe(true);
    }
    expect(builder.npmRebuild).toBe(true);
  });

  it('lists every packaged dependency that compiles a native addon', () => {
    const runtimeDependencies = Object.keys({ ...packageJson.dependencies, ...packageJson.optionalDependencies });
    const compiled = runtimeDependencies.filter((name) => existsSync(join(projectRoot, 'node_modules', name, 'binding.gyp')));
    expect(compiled.length).toBeGreaterThan(0);
    for (const name of compiled) expect(nativeModules, name).toContain(name);
  });

  it('flips the fuses that turn the shipped binary into a locked app', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });
});
