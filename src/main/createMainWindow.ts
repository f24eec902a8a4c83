import { BrowserWindow, shell } from 'electron';
import { isTrustedSender } from './isTrustedSender';
import { appPageUrl } from './protocol/appOrigin';

export interface MainWindowOptions {
  preloadPath: string;
  devServerUrl: string | undefined;
  isDevelopment: boolean;
}

/** Links the desk may open in the system browser (documentation only). */
const externalAllowList = ['https://esante.gouv.fr/', 'https://annuaire.sante.fr/'];

/**
 * The desk window, hardened: isolated, sandboxed, no Node, no pop-ups, no navigation outside its
 * own pages (`app://guichet/`, or the dev server in development).
 */
export function createMainWindow({ preloadPath, devServerUrl, isDevelopment }: MainWindowOptions): BrowserWindow {
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
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isTrustedSender(url, { devServerUrl })) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayHome);
  window.webContents.on('will-redirect', stayHome);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadURL(devServerUrl ?? appPageUrl);
  return window;
}
