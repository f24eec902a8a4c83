// First: tsyringe (under @peculiar/x509) throws at load time without the Reflect polyfill.
import 'reflect-metadata';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { openDeskCore, type DeskCore } from '../core/desk/openDeskCore';
import { resolveFidoSettings } from '../core/fido/FidoSettings';
import { createMainWindow } from './createMainWindow';
import { createSafeStorageScimTokenKeeper } from './createSafeStorageScimTokenKeeper';
import { createSafeStorageKeyProvider } from './createSafeStorageKeyProvider';
import { denyAllPermissions } from './denyAllPermissions';
import { describeStartupError } from './describeStartupError';
import { createRpOriginCeremonyRunner } from './fido/createRpOriginCeremonyRunner';
import { createUnconfiguredCeremonyRunner } from './fido/createUnconfiguredCeremonyRunner';
import { fidoCeremonyPartition } from './fido/fidoCeremonyPartition';
import { isTrustedSender } from './isTrustedSender';
import { launchUtilityPcscWorker } from './launchUtilityPcscWorker';
import { appScheme } from './protocol/appOrigin';
import { createRendererFileHandler } from './protocol/createRendererFileHandler';
import { registerDeskIpc } from './registerDeskIpc';

// electron-vite injects __dirname into the ESM bundle.
const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Only before `ready`, and only once (a second call replaces the first): app:// becomes a standard,
// secure origin ('self' in the CSP, module scripts, fetch). No `corsEnabled`: it would let other
// origins read app:// responses (Electron serves custom schemes without checking CORS headers).
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let core: DeskCore | undefined;

async function startDesk(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(session.fromPartition(fidoCeremonyPartition));
  app.on('session-created', denyAllPermissions);
  protocol.handle(appScheme, createRendererFileHandler(rendererDir));

  // WebAuthn needs the hospital's RP origin: keys for its RP ID are made in a window on that origin
  // (README, "FIDO keys in the desktop app"). Only the dev server on localhost can run them itself.
  const fido = resolveFidoSettings();
  const fidoCeremonyRunner =
    fido.ceremony === 'rp-origin-window'
      ? createRpOriginCeremonyRunner({ rpPageUrl: process.env.GUICHET_FIDO_RP_PAGE ?? `https://${fido.rpId}/`, preloadPath: join(__dirname, '../preload/fidoCeremony.cjs'), parent: () => window })
      : devServerUrl === undefined
        ? createUnconfiguredCeremonyRunner()
        : undefined;
  const dataDir = app.getPath('userData');
  // The store key sealed by the OS keychain (an owner-only key file where there is none).
  const storeKeyProvider = await createSafeStorageKeyProvider({ dataDir, safeStorage, log: (message) => console.error(`[guichet] ${message}`) });
  // The IAM token sealed the same way (environment variable only where there is no keychain).
  const scimTokenKeeper = await createSafeStorageScimTokenKeeper({ dataDir, safeStorage, log: (message) => console.error(`[guichet] ${message}`) });
  const desk = openDeskCore({
    dataDir,
    appVersion: app.getVersion(),
    transport: 'electron',
    demo: process.argv.includes('--demo'),
    storeKeyProvider,
    ...(scimTokenKeeper === null ? {} : { scimTokenKeeper }),
    launchPcscWorker: launchUtilityPcscWorker,
    ...(fidoCeremonyRunner === undefined ? {} : { fidoCeremonyRunner }),
  });
  core = desk;
  const unregister = registerDeskIpc(desk, (url) => isTrustedSender(url, { devServerUrl }));
  app.on('web-contents-created', (_event, contents) => contents.once('destroyed', () => desk.forgetConnection(`window-${contents.id}`)));
  let window: BrowserWindow = createMainWindow({ preloadPath, devServerUrl, isDevelopment: !app.isPackaged });

  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow({ preloadPath, devServerUrl, isDevelopment: !app.isPackaged });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    unregister();
    desk.close();
  });
}

/** Written where a support technician looks, even when the data folder itself is the problem. */
function logStartupError(error: unknown): void {
  const line = `${new Date().toISOString()} Guichet could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  console.error(line);
  try {
    const logs = app.getPath('logs');
    mkdirSync(logs, { recursive: true });
    appendFileSync(join(logs, 'startup-errors.log'), line);
  } catch {
    // The console line above is all we can do.
  }
}

/**
 * A desk that cannot start says why in a native dialog, then leaves and frees the single-instance
 * lock: a windowless process holding it would make every later launch quit silently.
 */
function failStartup(error: unknown): void {
  logStartupError(error);
  const { title, content } = describeStartupError(error, app.getLocale());
  dialog.showErrorBox(title, content);
  try {
    core?.close();
  } catch (closeError) {
    logStartupError(closeError);
  }
  app.releaseSingleInstanceLock();
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Another desk is already open on this workstation: it gets focus, we leave.
  app.quit();
} else {
  app.whenReady().then(startDesk).catch(failStartup);
}
