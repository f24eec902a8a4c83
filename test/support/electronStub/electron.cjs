// A recording stand-in for the `electron` module, for loading the built bundles in plain Node
// (the Electron runtime cannot be downloaded here). Every call that startup makes is appended as
// one JSON line to $GUICHET_ELECTRON_STUB_LOG; what Chromium would do next (load the page through
// the registered protocol, ask for a permission, try a pop-up or a foreign navigation) is probed
// here too, and its outcome recorded, because handlers are functions that cannot leave the process.
'use strict';
const { appendFileSync, mkdtempSync } = require('node:fs');
const { fork } = require('node:child_process');
const { EventEmitter } = require('node:events');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const logPath = process.env.GUICHET_ELECTRON_STUB_LOG;
function record(kind, detail = {}) {
  const line = JSON.stringify({ kind, ...detail }) + '\n';
  if (logPath) appendFileSync(logPath, line);
}

let ready = false;
let keepAlive;
const userData = process.env.GUICHET_ELECTRON_STUB_USER_DATA || mkdtempSync(join(tmpdir(), 'guichet-stub-'));
const probeUrls = (process.env.GUICHET_ELECTRON_STUB_PROBE_URLS || '').split(' ').filter(Boolean);

function quitNow(code) {
  app.emit('before-quit', { preventDefault() {} });
  app.emit('will-quit', { preventDefault() {} });
  app.emit('quit', {}, code);
  record('exit', { code });
  process.exit(code);
}

class App extends EventEmitter {
  isPackaged = process.env.GUICHET_ELECTRON_STUB_PACKAGED !== 'false';
  enableSandbox() {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return process.env.GUICHET_ELECTRON_STUB_LOCKED !== 'true';
  }
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock');
  }
  whenReady() {
    // Like Electron's main process, the stub lives until the app quits, even with nothing to do.
    if (keepAlive === undefined) keepAlive = setInterval(() => {}, 1 << 30);
    return new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        record('app.ready');
        resolve();
      }),
    );
  }
  isReady() {
    return ready;
  }
  getPath(name) {
    return name === 'userData' ? userData : join(userData, name);
  }
  getVersion() {
    return '0.0.0-stub';
  }
  getLocale() {
    return 'fr-FR';
  }
  getAppPath() {
    return process.cwd();
  }
  quit() {
    record('app.quit');
    setImmediate(() => quitNow(0));
  }
  exit(code = 0) {
    record('app.exit', { code });
    process.exit(code);
  }
}
const app = new App();
process.on('SIGTERM', () => quitNow(0));

/** Calls a permission handler the way Chromium does and records what it answered. */
function probePermissions(sessionName, type, handler) {
  if (type === 'request') {
    handler({ id: -1 }, 'media', (granted) => record('session.permissionAnswer', { session: sessionName, type, permission: 'media', granted }), {});
  } else {
    const granted = handler(null, 'media', 'app://guichet', {});
    record('session.permissionAnswer', { session: sessionName, type, permission: 'media', granted });
  }
}

class Session {
  constructor(name) {
    this.name = name;
  }
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler', { session: this.name, set: typeof handler === 'function' });
    if (typeof handler === 'function') probePermissions(this.name, 'request', handler);
  }
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler', { session: this.name, set: typeof handler === 'function' });
    if (typeof handler === 'function') probePermissions(this.name, 'check', handler);
  }
  setDevicePermissionHandler(handler) {
    record('session.setDevicePermissionHandler', { session: this.name, set: typeof handler === 'function' });
  }
}
const sessions = new Map();
function sessionNamed(name) {
  if (!sessions.has(name)) {
    const created = new Session(name);
    sessions.set(name, created);
    record('session.created', { session: name });
    if (ready) app.emit('session-created', created);
  }
  return sessions.get(name);
}
const session = {
  get defaultSession() {
    return sessionNamed('default');
  },
  fromPartition(partition) {
    return sessionNamed(partition);
  },
};

const protocolHandlers = new Map();
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes, beforeReady: !ready });
  },
  handle(scheme, handler) {
    record('protocol.handle', { scheme, afterReady: ready });
    protocolHandlers.set(scheme, handler);
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
};

/** What Chromium gets for a URL of a custom scheme: the registered handler's response. */
async function fetchThroughProtocol(url) {
  const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (handler === undefined) return { url, handled: false };
  try {
    const response = await handler(new Request(url));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      url,
      handled: true,
      status: response.status,
      contentType: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      bodyLength: body.length,
      body: body.subarray(0, 4000).toString('utf8'),
    };
  } catch (error) {
    return { url, handled: true, thrown: String(error && error.message ? error.message : error) };
  }
}

/** Loads a page as Chromium would: the document, then every script and stylesheet it names. */
async function loadPage(url) {
  const page = await fetchThroughProtocol(url);
  record('page.document', page);
  if (!page.handled || page.status !== 200) return;
  for (const match of page.body.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const asset = await fetchThroughProtocol(new URL(match[1], url).href);
    delete asset.body;
    record('page.asset', asset);
  }
  for (const probe of probeUrls) {
    const answer = await fetchThroughProtocol(probe);
    delete answer.body;
    record('page.probe', answer);
  }
}

let nextWebContentsId = 1;
class WebContents extends EventEmitter {
  constructor(window, partition) {
    super();
    this.id = nextWebContentsId++;
    this.window = window;
    this.session = sessionNamed(partition || 'default');
    this.url = '';
  }
  setWindowOpenHandler(handler) {
    const answer = handler({ url: 'https://attacker.example/', frameName: '', features: '', disposition: 'new-window' });
    record('webContents.windowOpen', { windowId: this.window.id, url: 'https://attacker.example/', action: answer && answer.action });
  }
  send(channel, ...args) {
    record('webContents.send', { windowId: this.window.id, channel, args });
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.window.destroyed;
  }
  /** Asks every will-navigate listener about a URL, as Chromium does before leaving the page. */
  probeNavigation(url) {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true), url }, url);
    record('webContents.navigation', { windowId: this.window.id, url, allowed: !prevented });
  }
}

const windows = [];
let nextWindowId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.id = nextWindowId++;
    this.destroyed = false;
    this.webContents = new WebContents(this, options.webPreferences && options.webPreferences.partition);
    windows.push(this);
    record('BrowserWindow.new', { windowId: this.id, options: JSON.parse(JSON.stringify({ ...options, parent: options.parent ? options.parent.id : undefined })) });
  }
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  static fromWebContents(webContents) {
    return webContents.window;
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', { windowId: this.id, url });
    this.webContents.url = url;
    await loadPage(url);
    const origin = new URL(url);
    this.webContents.probeNavigation('https://attacker.example/');
    this.webContents.probeNavigation('file:///etc/passwd');
    this.webContents.probeNavigation(new URL('index.html', origin).href);
    record('BrowserWindow.loaded', { windowId: this.id, url });
    this.emit('ready-to-show');
  }
  async loadFile(path) {
    record('BrowserWindow.loadFile', { windowId: this.id, path });
  }
  setContentProtection(enabled) {
    record('BrowserWindow.setContentProtection', { windowId: this.id, enabled });
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    record('BrowserWindow.close', { windowId: this.id });
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    record('BrowserWindow.destroy', { windowId: this.id });
    this.destroyed = true;
    this.emit('closed');
  }
}

const ipcMain = new EventEmitter();
ipcMain.handle = (channel) => record('ipcMain.handle', { channel });
ipcMain.removeHandler = (channel) => record('ipcMain.removeHandler', { channel });

/** Electron's utility process, played by a forked Node child (the worker speaks IPC then). */
const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    record('utilityProcess.fork', { modulePath, serviceName: options.serviceName });
    const child = fork(modulePath, args, { env: options.env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    const handle = new EventEmitter();
    handle.pid = child.pid;
    handle.stderr = child.stderr;
    handle.postMessage = (message) => child.connected && child.send(message);
    handle.kill = () => child.kill('SIGKILL');
    child.on('message', (message) => {
      if (message && message.type === 'status') record('utilityProcess.status', { modulePath, status: message.status, detail: message.detail });
      handle.emit('message', message);
    });
    child.on('exit', (code) => handle.emit('exit', code));
    process.on('exit', () => child.kill('SIGKILL'));
    return handle;
  },
};

const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
  async showMessageBox(options) {
    record('dialog.showMessageBox', { message: options && options.message });
    return { response: 0 };
  },
};

// Reversible on purpose: a stub keychain, so the store key sealed at one start opens at the next.
const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`stub:${text}`, 'utf8'),
  decryptString: (buffer) => buffer.toString('utf8').replace(/^stub:/, ''),
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => {
    record('safeStorage.encryptStringAsync');
    return Buffer.from(`stub:${text}`, 'utf8');
  },
  decryptStringAsync: async (buffer) => {
    record('safeStorage.decryptStringAsync');
    return { result: buffer.toString('utf8').replace(/^stub:/, ''), shouldReEncrypt: false };
  },
};

const shell = {
  async openExternal(url) {
    record('shell.openExternal', { url });
  },
};

const contextBridge = {
  exposeInMainWorld(name, api) {
    record('contextBridge.exposeInMainWorld', { name, keys: Object.keys(api).sort(), frozen: Object.isFrozen(api) });
  },
};
const ipcRenderer = new EventEmitter();
ipcRenderer.invoke = async (channel) => record('ipcRenderer.invoke', { channel });
ipcRenderer.send = (channel) => record('ipcRenderer.send', { channel });

module.exports = { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, protocol, safeStorage, session, shell, utilityProcess };
