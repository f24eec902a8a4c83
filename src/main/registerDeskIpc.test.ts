import { describe, expect, it, vi } from 'vitest';
import type { DeskCore } from '../core/desk/openDeskCore';
import { deskMethodNames } from '../shared/api/contract';
import { ipcInvokeChannel } from '../shared/api/wire';

const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const sent: { url: string; frame: unknown }[] = [];
const windowShowing = (url: string, id: number) => ({ isDestroyed: () => false, webContents: { id, getURL: () => url, send: (_channel: string, frame: unknown) => sent.push({ url, frame }) } });
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => [windowShowing('app://guichet/index.html', 1), windowShowing('https://sso.hopital.fr/', 2), windowShowing('app://guichet/index.html', 3)] },
}));

const { registerDeskIpc } = await import('./registerDeskIpc');

describe('registerDeskIpc', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
  const core = { dispatch, events: { subscribe: () => () => {} } } as unknown as DeskCore;

  it('registers one channel per contract method and removes them all', () => {
    const unregister = registerDeskIpc(core, () => true);
    expect([...handlers.keys()].sort()).toEqual(deskMethodNames.map(ipcInvokeChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from an untrusted frame before anything reaches the core', async () => {
    registerDeskIpc(core, (url) => url === 'app://guichet/index.html');
    const handler = handlers.get(ipcInvokeChannel('searchPeople'))!;
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' }, sender: { id: 1 } }, { query: 'x' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    const own = await handler({ senderFrame: { url: 'app://guichet/index.html' }, sender: { id: 7 } }, { query: 'x' });
    expect(own).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('searchPeople', { query: 'x' }, { connectionId: 'window-7', transport: 'electron' });
  });

  it('sends desk events only to windows showing our own page (not the FIDO window on the RP origin), each as its session may see it', () => {
    let publish: ((event: string, payload: unknown) => void) | undefined;
    const asked: string[] = [];
    // The core decides what each window's session may see: here, identities only for window-1.
    const eventForConnection = (connectionId: string, _event: string, payload: { reader: string; holder: string }) => {
      asked.push(connectionId);
      return connectionId === 'window-1' ? payload : { ...payload, holder: null };
    };
    const withEvents = { dispatch, eventForConnection, events: { subscribe: (listener: typeof publish) => ((publish = listener), () => {}) } } as unknown as DeskCore;
    registerDeskIpc(withEvents, (url) => url === 'app://guichet/index.html');
    publish!('cardInserted', { reader: 'r', holder: 'Anaïs Noël' });
    expect(sent).toEqual([
      { url: 'app://guichet/index.html', frame: { event: 'cardInserted', payload: { reader: 'r', holder: 'Anaïs Noël' } } },
      { url: 'app://guichet/index.html', frame: { event: 'cardInserted', payload: { reader: 'r', holder: null } } },
    ]);
    expect(asked).toEqual(['window-1', 'window-3']);
  });
});
