import { fileURLToPath } from 'node:url';

/**
 * The worker runs from TypeScript under tsx in development and tests, from JS when built.
 * `fileURLToPath`, not `URL.pathname`: the latter keeps %20 and %C3%A9 and a leading slash before
 * `C:` on Windows, so a folder with a space or an accent breaks it.
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): { path: string; execArgv: string[] } {
  const typescript = moduleUrl.endsWith('.ts');
  const path = fileURLToPath(new URL(typescript ? './runPcscWorker.ts' : './runPcscWorker.js', moduleUrl));
  return { path, execArgv: typescript ? ['--import', 'tsx'] : [] };
}
