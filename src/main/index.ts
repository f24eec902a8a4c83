// First: tsyringe (under @peculiar/x509) throws at load time without the Reflect polyfill.
import 'reflect-metadata';
import { join } from 'node:path';
import { app, session } from 'electron';
import { openDeskCore } from '../core/desk/openDeskCore';
import { resolveFidoSettings } from '../core/fido/FidoSettings';
import { createMainWindow } from './createMainWindow';
import { createRpOriginCeremonyRunner } from './fido/createRpOriginCeremonyRunner';
import { isTrustedSender } from './isTrustedSender';
import { launchUtilityPcscWorker } from './launchUtilityPcscWorker';
import { registerDeskIpc } from './registerDeskIpc';

// electron-vite injects __dirname into the ESM bundle.
const rendererFile = join(__dirname, '../renderer/index.html');
const preloadPath = join(__dirname, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another desk is already open on this workstation: it gets focus, we leave.
  app.quit();
} else {
  void app.whenReady().then(() => {
    // The desk needs no browser permission (camera, geolocation, notifications…).
    session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    // WebAuthn refuses the desk's file:// page: keys for the hospital's RP ID are made in a window on its origin (README).
    const fido = resolveFidoSettings();
    const fidoCeremonyRunner =
      fido.ceremony === 'rp-origin-window'
        ? createRpOriginCeremonyRunner({ rpPageUrl: process.env.GUICHET_FIDO_RP_PAGE ?? `https://${fido.rpId}/`, preloadPath: join(__dirname, '../preload/fidoCeremony.cjs'), parent: () => window })
        : undefined;
    const core = openDeskCore({ dataDir: app.getPath('userData'), appVersion: app.getVersion(), transport: 'electron', launchPcscWorker: launchUtilityPcscWorker, ...(fidoCeremonyRunner === undefined ? {} : { fidoCeremonyRunner }) });
    const unregister = registerDeskIpc(core, (url) => isTrustedSender(url, { devServerUrl, rendererFile }));
    let window = createMainWindow({ preloadPath, rendererFile, devServerUrl, isDevelopment: !app.isPackaged });

    app.on('second-instance', () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('activate', () => {
      if (window.isDestroyed()) window = createMainWindow({ preloadPath, rendererFile, devServerUrl, isDevelopment: !app.isPackaged });
    });
    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', () => {
      unregister();
      core.close();
    });
  });
}
