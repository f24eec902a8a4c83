import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/core/clock';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { startBrowserServer, type BrowserServer } from '../../src/server/startBrowserServer';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface TestDesk {
  core: DeskCore;
  server: BrowserServer;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real core and browser-mode server on a fresh data folder (demo mode: demo directory and simulated readers, unless `demo: false`). */
export async function startTestDesk({ clock, demo = true }: { clock?: Clock; demo?: boolean } = {}): Promise<TestDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));
  const core = openDeskCore({
    dataDir,
    appVersion: 'test',
    transport: 'browser',
    demo,
    ...(clock === undefined ? {} : { clock }),
    logger: { info: () => {}, error: (message, error) => console.error(message, error) },
  });
  const server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
  return {
    core,
    server,
    dataDir,
    stop: async () => {
      await server.close();
      core.close();
      // A file the closing store or a finishing job thread still writes can land mid-removal (ENOTEMPTY): Node retries.
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
