import { spawn } from 'node:child_process';
import { openDeskCore, type DeskCore } from '../core/desk/openDeskCore';
import { hostname } from 'node:os';
import { startScimProvider, type ScimProvider } from './scim/startScimProvider';
import { startBrowserServer, type BrowserServer } from './startBrowserServer';

export interface RunBrowserModeOptions {
  dataDir: string;
  rendererDir: string;
  appVersion: string;
  port: number;
  open: boolean;
  /** `--demo`: demo hospital and simulated readers. */
  demo: boolean;
  /** `--scim-provider PORT`: the read-only SCIM provider on loopback, token from GUICHET_SCIM_PROVIDER_TOKEN. */
  scimProviderPort?: number | null;
}

/** The provider's token: from the environment only (an IAM's secret never goes in argv or a file here). */
export function readScimProviderToken(env: NodeJS.ProcessEnv): string {
  const token = env.GUICHET_SCIM_PROVIDER_TOKEN;
  if (token === undefined || token.length < 16) {
    throw new Error('--scim-provider : le jeton que l’IAM présentera est attendu dans la variable d’environnement GUICHET_SCIM_PROVIDER_TOKEN (16 caractères au moins).');
  }
  return token;
}

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser (${command}); open the address above by hand.`));
  child.unref();
}

/** Starts the core and the loopback server, prints the ready line, stops cleanly on a signal. */
export async function runBrowserMode({ dataDir, rendererDir, appVersion, port, open, demo, scimProviderPort = null }: RunBrowserModeOptions): Promise<{ core: DeskCore; server: BrowserServer; scimProvider: ScimProvider | null }> {
  const scimProviderToken = scimProviderPort === null ? null : readScimProviderToken(process.env);
  const core = openDeskCore({ dataDir, appVersion, transport: 'browser', demo });
  const server = await startBrowserServer({
    core,
    rendererDir,
    port,
    onRejectedUpgrade: (status, reason) => console.error(`[guichet] refused a connection (${status}): ${reason}`),
    onError: (message, error) => console.error(`[guichet] ${message}`, error instanceof Error ? error.message : ''),
  });
  const scimProvider =
    scimProviderPort === null || scimProviderToken === null ? null : await startScimProvider({ db: core.db, clock: core.clock, token: scimProviderToken, port: scimProviderPort, deskName: hostname() });
  if (scimProvider !== null) console.log(`Guichet SCIM provider (read-only): ${scimProvider.url}`);
  // One-time launch codes: the token itself is never in argv nor in the browser's history.
  console.log(`Guichet ready: ${server.createLaunchUrl()}`);
  if (open) openInBrowser(server.createLaunchUrl());
  // Each address opens one tab (the tab keeps its token across reloads): Enter prints a new one.
  const printNewAddress = () => console.log(`Guichet ready: ${server.createLaunchUrl()}`);
  if (process.stdin.isTTY) {
    console.error('[guichet] each address opens one tab; press Enter for a new one-time address');
    process.stdin.on('data', printNewAddress);
  }
  const stop = () => {
    process.stdin.off('data', printNewAddress);
    process.stdin.pause();
    void Promise.all([server.close(), scimProvider?.stop()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { core, server, scimProvider };
}
