import { BrowserWindow, ipcMain } from 'electron';
import type { DeskCore } from '../core/desk/openDeskCore';
import { deskMethodNames } from '../shared/api/contract';
import { DeskError } from '../shared/api/errors';
import { ipcEventChannel, ipcInvokeChannel } from '../shared/api/wire';

/**
 * All IPC channels, registered in one place from the contract. Every call is checked for its
 * sender frame, then validated by the core's dispatcher. Events (card identities among them) go
 * only to windows showing our own page, never to the FIDO window on the RP's origin, and each
 * as its window's desk session may see it.
 */
export function registerDeskIpc(core: DeskCore, isTrustedFrame: (url: string | undefined) => boolean): () => void {
  for (const method of deskMethodNames) {
    ipcMain.handle(ipcInvokeChannel(method), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame?.url)) {
        return { ok: false, error: new DeskError('FORBIDDEN').toData() };
      }
      return core.dispatch(method, input, { connectionId: `window-${event.sender.id}`, transport: 'electron' });
    });
  }
  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (window.isDestroyed() || !isTrustedFrame(window.webContents.getURL())) continue;
      // Each window receives only what its desk session may see (card identities need a session).
      const visible = core.eventForConnection(`window-${window.webContents.id}`, event, payload);
      if (visible !== undefined) window.webContents.send(ipcEventChannel, { event, payload: visible });
    }
  });
  return () => {
    unsubscribe();
    for (const method of deskMethodNames) ipcMain.removeHandler(ipcInvokeChannel(method));
  };
}
