import { describe, expect, it, vi } from 'vitest';
import type { DeskCore } from '../core/desk/openDeskCore';
import { deskMethodNames } from '../shared/api/contract';
import { ipcInvokeChannel } from '../shared/api/wire';

const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => [] },
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
    registerDeskIpc(core, (url) => url === 'file:///app/out/renderer/index.html');
    const handler = handlers.get(ipcInvokeChannel('searchPeople'))!;
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' }, sender: { id: 1 } }, { query: 'x' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    const own = await handler({ senderFrame: { url: 'file:///app/out/renderer/index.html' }, sender: { id: 7 } }, { query: 'x' });
    expect(own).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('searchPeople', { query: 'x' }, { connectionId: 'window-7', transport: 'electron' });
  });
});
