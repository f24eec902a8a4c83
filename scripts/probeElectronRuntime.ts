import { spawnSync } from 'node:child_process';

export interface ElectronRuntime {
  executable: string;
  /** Electron's version, e.g. 45.5.0 (what native modules are rebuilt against). */
  version: string;
  /** Its NODE_MODULE_VERSION: a native module built for Node's differs and will not load. */
  modules: string;
}

/**
 * Runs the Electron binary once as Node to learn its version and ABI. A binary that is present
 * but cannot run here (missing system libraries, wrong architecture, half download) gives null,
 * and `npm start` uses browser mode instead.
 */
export function probeElectronRuntime(executable: string, timeoutMs = 20_000): ElectronRuntime | null {
  const result = spawnSync(executable, ['-p', 'JSON.stringify({ version: process.versions.electron, modules: process.versions.modules })'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (result.status !== 0 || typeof result.stdout !== 'string') return null;
  try {
    const { version, modules } = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as { version?: unknown; modules?: unknown };
    if (typeof version !== 'string' || version === '' || typeof modules !== 'string' || modules === '') return null;
    return { executable, version, modules };
  } catch {
    return null;
  }
}
