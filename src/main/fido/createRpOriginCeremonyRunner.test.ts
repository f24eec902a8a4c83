import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fidoCeremonyRequestChannel, fidoCeremonyResultChannel } from '../../shared/fido/ceremonyChannels';

const ipcMain = new EventEmitter();
const windows: FakeWindow[] = [];

class FakeWindow extends EventEmitter {
  destroyed = false;
  closeCalls = 0;
  sent: { channel: string; message: { id: string; kind: string; options: unknown } }[] = [];
  navigationHandlers: ((event: { preventDefault(): void }, url: string) => void)[] = [];
  openHandler: (() => { action: string }) | undefined;
  url = '';
  webContents = {
    setWindowOpenHandler: (handler: () => { action: string }) => (this.openHandler = handler),
    on: (event: string, handler: (event: { preventDefault(): void }, url: string) => void) => event === 'will-navigate' && this.navigationHandlers.push(handler),
    getURL: () => this.url,
    send: (channel: string, message: { id: string; kind: string; options: unknown }) => this.sent.push({ channel, message }),
  };
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    windows.push(this);
  }
  async loadURL(url: string) {
    this.url = url;
  }
  close() {
    this.closeCalls += 1;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow, ipcMain }));
const { createRpOriginCeremonyRunner } = await import('./createRpOriginCeremonyRunner');

const options = { challenge: 'issued-by-the-core', rpId: 'sso.hopital.fr', allowCredentials: [] };

beforeEach(() => {
  windows.length = 0;
});

describe('the RP-origin ceremony window', () => {
  it('runs the options it is given on the RP origin, then is destroyed (beforeunload cannot keep it)', async () => {
    const runner = createRpOriginCeremonyRunner({ rpPageUrl: 'https://sso.hopital.fr/login', preloadPath: '/app/out/preload/fidoCeremony.cjs', parent: () => undefined });
    const running = runner.run({ kind: 'authenticate', options: options as never });
    await vi.waitFor(() => expect(windows[0]?.sent).toHaveLength(1));
    const [window] = windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, partition: 'guichet-fido-ceremony', devTools: false });
    expect(window!.sent[0]).toMatchObject({ channel: fidoCeremonyRequestChannel, message: { kind: 'authenticate', options } });
    expect(window!.openHandler?.()).toEqual({ action: 'deny' });
    let prevented = false;
    for (const handler of window!.navigationHandlers) handler({ preventDefault: () => (prevented = true) }, 'https://attacker.example/');
    expect(prevented).toBe(true);
    // An answer from another sender is ignored; the window's own answer settles the ceremony.
    ipcMain.emit(fidoCeremonyResultChannel, { sender: {} }, { id: window!.sent[0]!.message.id, ok: true, response: { forged: true } });
    ipcMain.emit(fidoCeremonyResultChannel, { sender: window!.webContents }, { id: window!.sent[0]!.message.id, ok: true, response: { id: 'credential' } });
    await expect(running).resolves.toEqual({ id: 'credential' });
    expect(window!.destroyed).toBe(true);
    expect(window!.closeCalls).toBe(0);
  });

  it('refuses a page that is not https', () => {
    expect(() => createRpOriginCeremonyRunner({ rpPageUrl: 'http://sso.hopital.fr/', preloadPath: 'x', parent: () => undefined })).toThrow(/https/);
  });
});
