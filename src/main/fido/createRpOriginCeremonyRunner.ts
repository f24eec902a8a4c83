import { randomUUID } from 'node:crypto';
import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import type { FidoCeremonyRequest, FidoCeremonyRunner } from '../../core/fido/FidoCeremonyRunner';
import { fidoCeremonyPartition } from './fidoCeremonyPartition';
import { fidoCeremonyRequestChannel, fidoCeremonyResultChannel, type FidoCeremonyResult } from '../../shared/fido/ceremonyChannels';

export interface RpOriginCeremonyOptions {
  /** A page of the RP's own origin, e.g. https://sso.hopital.fr/ (any page: only its origin counts). */
  rpPageUrl: string;
  /** The bundled `fidoCeremony` preload. */
  preloadPath: string;
  /** The desk window the ceremony window sits on. */
  parent: () => BrowserWindow | undefined;
}

/**
 * Runs each ceremony in a small sandboxed window on the RP's https origin (WebAuthn binds a key to
 * its RP ID, which the desk's own `app://guichet` page does not belong to). The window runs only
 * the options the core issued, cannot navigate away from that origin nor open pop-ups, has its own
 * session partition (permissions denied at startup), gets no desk events, and is destroyed when
 * the ceremony ends: `close()` would let the page's `beforeunload` keep it open.
 */
export function createRpOriginCeremonyRunner({ rpPageUrl, preloadPath, parent }: RpOriginCeremonyOptions): FidoCeremonyRunner {
  const rpOrigin = new URL(rpPageUrl).origin;
  if (!rpOrigin.startsWith('https://')) throw new Error(`The RP-origin window needs an https page, got "${rpPageUrl}"`);
  return {
    async run(request: FidoCeremonyRequest) {
      const owner = parent();
      const window = new BrowserWindow({
        width: 520,
        height: 420,
        title: 'Guichet — clé FIDO',
        ...(owner === undefined ? {} : { parent: owner, modal: true }),
        webPreferences: { preload: preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false, partition: fidoCeremonyPartition, devTools: false },
      });
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      window.webContents.on('will-navigate', (event, url) => new URL(url).origin !== rpOrigin && event.preventDefault());
      const id = randomUUID();
      const result = new Promise<unknown>((resolve, reject) => {
        const onResult = (event: IpcMainEvent, answer: FidoCeremonyResult) => {
          if (event.sender !== window.webContents || answer.id !== id) return;
          ipcMain.off(fidoCeremonyResultChannel, onResult);
          if (answer.ok) resolve(answer.response);
          else reject(new Error(answer.message));
          window.destroy();
        };
        ipcMain.on(fidoCeremonyResultChannel, onResult);
        window.on('closed', () => {
          ipcMain.off(fidoCeremonyResultChannel, onResult);
          reject(new Error('The key window was closed before the ceremony ended'));
        });
      });
      try {
        await window.loadURL(rpPageUrl);
        if (new URL(window.webContents.getURL()).origin !== rpOrigin) throw new Error(`The RP page redirected to ${window.webContents.getURL()}, expected the origin ${rpOrigin}`);
      } catch (error) {
        result.catch(() => {}); // the window's own rejection is replaced by this one
        window.destroy();
        throw error;
      }
      window.webContents.send(fidoCeremonyRequestChannel, { id, kind: request.kind, options: request.options });
      return (await result) as Awaited<ReturnType<FidoCeremonyRunner['run']>>;
    },
  };
}
