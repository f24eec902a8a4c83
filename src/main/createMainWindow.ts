import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  rendererFile: string;
  devServerUrl: string | undefined;
  isDevelopment: boolean;
}

/** Links the desk may open in the system browser (documentation only). */
const externalAllowList = ['https://esante.gouv.fr/', 'https://annuaire.sante.fr/'];

/** The desk window, hardened: isolated, sandboxed, no Node, no pop-ups, no foreign navigation. */
export function createMainWindow({ preloadPath, rendererFile, devServerUrl, isDevelopment }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Guichet',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: isDevelopment,
      spellcheck: false,
    },
  });
  // Personal data on screen: keep it out of screen sharing and screenshots by other apps.
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (externalAllowList.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    const allowed = devServerUrl !== undefined ? url.startsWith(devServerUrl) : url.startsWith('file://') && url.includes(join('out', 'renderer'));
    if (!allowed) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  if (devServerUrl !== undefined) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  return window;
}
