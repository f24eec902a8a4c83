import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeElectronRuntime } from './probeElectronRuntime';

function fakeExecutable(script: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'guichet-electron-probe-')), 'electron');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe.runIf(process.platform !== 'win32')('probeElectronRuntime', () => {
  it('reads the version and ABI of a runtime that runs as Node', () => {
    const executable = fakeExecutable(`[ "$ELECTRON_RUN_AS_NODE" = 1 ] || exit 3\necho '{"version":"45.5.0","modules":"140"}'`);
    expect(probeElectronRuntime(executable)).toEqual({ executable, version: '45.5.0', modules: '140' });
  });

  it('gives null for a binary that is there but does not work', () => {
    expect(probeElectronRuntime(fakeExecutable('echo "error while loading shared libraries: libgtk-3.so.0" >&2; exit 127'))).toBeNull();
    expect(probeElectronRuntime(fakeExecutable('echo not json'))).toBeNull();
    expect(probeElectronRuntime(fakeExecutable('sleep 5'), 300)).toBeNull();
    expect(probeElectronRuntime('/nonexistent/electron')).toBeNull();
  });
});
