import { spawn, fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeEventFunctionName, bridgeGlobalName } from '../../src/shared/api/bridge';
import { deskEventNames, deskMethodNames } from '../../src/shared/api/contract';
import { ipcEventChannel, ipcInvokeChannel } from '../../src/shared/api/wire';
import { startPcscStack, type PcscStack } from '../support/pcscStack';
import { projectRoot } from '../support/startTestDesk';

// What ships is what loads: every built entry runs in Node with a recording stub of `electron`
// (the runtime cannot be downloaded here), and the test reads what its startup registered.

const registerStub = join(projectRoot, 'test', 'support', 'electronStub', 'register.mjs');
const outDir = join(projectRoot, 'out');

type StubRecord = { kind: string } & Record<string, unknown>;

interface BundleRun {
  records: StubRecord[];
  exitCode: number | null;
  stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'guichet-bundles-'));
let runCount = 0;

/**
 * Runs one built entry under the stub until `done(records)` holds (then SIGTERM, which the stub
 * turns into Electron's quit events) or until it exits by itself.
 */
async function runBundle({ entry, env = {}, done, timeoutMs = 60_000 }: { entry: string; env?: NodeJS.ProcessEnv; done?: (records: StubRecord[]) => boolean; timeoutMs?: number }): Promise<BundleRun> {
  runCount += 1;
  const logPath = join(scratch, `run-${runCount}.ndjson`);
  writeFileSync(logPath, '');
  const child = spawn(process.execPath, ['--import', registerStub, ...(entry.endsWith('.cjs') ? ['-e', `require(${JSON.stringify(entry)})`] : [entry])], {
    cwd: projectRoot,
    env: { ...process.env, GUICHET_ELECTRON_STUB_LOG: logPath, GUICHET_ELECTRON_STUB_USER_DATA: join(scratch, `data-${runCount}`), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const read = () =>
    readFileSync(logPath, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as StubRecord);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (exitCode === undefined && Date.now() < deadline && !(done?.(read()) ?? false)) await new Promise((resolve) => setTimeout(resolve, 50));
  if (exitCode === undefined) child.kill('SIGTERM');
  // Generous: quitting closes the desk's database, slow when every core is busy.
  const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
  if (exitCode === undefined && code === null) child.kill('SIGKILL');
  return { records: read(), exitCode: code, stderr };
}

const ofKind = (records: StubRecord[], kind: string) => records.filter((record) => record.kind === kind);
const failures = (run: BundleRun) => ofKind(run.records, 'uncaughtException').map((record) => record.message);

/** Asked of the app protocol after the page loads: each must be refused. */
const probeUrls = ['app://guichet/..%2F..%2Fpackage.json', 'app://guichet/%2e%2e/%2e%2e/package.json', 'app://guichet/..%5C..%5Cpackage.json', 'app://elsewhere/index.html'];

let stack: PcscStack;
let main: BundleRun;

beforeAll(async () => {
  stack = await startPcscStack({ readerEntries: ['Guichet Bundles'] });
  // The desk as it ships, with real readers: startup ends when the window has loaded its page and
  // the PC/SC worker (forked from out/main by the stub's utilityProcess) has reported "ready".
  main = await runBundle({
    entry: join(outDir, 'main', 'index.js'),
    env: { ...stack.env, GUICHET_CARD_READERS: 'pcsc', GUICHET_ELECTRON_STUB_PROBE_URLS: probeUrls.join(' ') },
    done: (records) =>
      records.some((record) => record.kind === 'BrowserWindow.loaded') && records.some((record) => record.kind === 'utilityProcess.status' && record.status === 'ready'),
  });
}, 120_000);

afterAll(async () => {
  await stack?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('out/main/index.js under a recording electron stub', () => {
  it('loads and starts without an uncaught error, then quits cleanly', () => {
    expect(failures(main), main.stderr).toEqual([]);
    expect(ofKind(main.records, 'app.ready')).toHaveLength(1);
    expect(ofKind(main.records, 'dialog.showErrorBox')).toEqual([]);
    expect(main.exitCode).toBe(0);
  });

  it('opens one hardened window: isolated, sandboxed, no Node, the bundled preload, content protected', () => {
    const windows = ofKind(main.records, 'BrowserWindow.new');
    expect(windows).toHaveLength(1);
    const { webPreferences } = (windows[0]!.options as { webPreferences: Record<string, unknown> });
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, devTools: false });
    expect(existsSync(webPreferences.preload as string)).toBe(true);
    expect(webPreferences.preload).toBe(join(outDir, 'preload', 'index.cjs'));
    expect(ofKind(main.records, 'BrowserWindow.setContentProtection')).toEqual([expect.objectContaining({ enabled: true })]);
    expect(ofKind(main.records, 'app.enableSandbox')).toHaveLength(1);
    expect(ofKind(main.records, 'webContents.windowOpen')).toEqual([expect.objectContaining({ action: 'deny' })]);
  });

  it('registers exactly one IPC handler per contract method', () => {
    const channels = ofKind(main.records, 'ipcMain.handle').map((record) => record.channel);
    expect([...channels].sort()).toEqual(deskMethodNames.map(ipcInvokeChannel).sort());
  });

  it('denies every permission request and check, on every session it creates', () => {
    const sessions = [...new Set(ofKind(main.records, 'session.created').map((record) => record.session as string))];
    expect(sessions).toContain('default');
    expect(sessions).toContain('guichet-fido-ceremony');
    for (const name of sessions) {
      expect(ofKind(main.records, 'session.setPermissionRequestHandler').filter((record) => record.session === name), name).toEqual([expect.objectContaining({ set: true })]);
      expect(ofKind(main.records, 'session.setPermissionCheckHandler').filter((record) => record.session === name), name).toEqual([expect.objectContaining({ set: true })]);
      const answers = ofKind(main.records, 'session.permissionAnswer').filter((record) => record.session === name);
      expect(answers.map((record) => record.type).sort(), name).toEqual(['check', 'request']);
      expect(answers.every((record) => record.granted === false), name).toBe(true);
    }
  });

  it('serves the renderer from app://guichet/ with the CSP as a header, never from file://', () => {
    const schemes = ofKind(main.records, 'protocol.registerSchemesAsPrivileged');
    expect(schemes).toEqual([expect.objectContaining({ beforeReady: true })]);
    expect(schemes[0]!.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(ofKind(main.records, 'protocol.handle')).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(ofKind(main.records, 'BrowserWindow.loadFile')).toEqual([]);
    expect(ofKind(main.records, 'BrowserWindow.loadURL').map((record) => record.url)).toEqual(['app://guichet/index.html']);
    const [page] = ofKind(main.records, 'page.document');
    expect(page).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/) });
    expect(page!.csp).toMatch(/default-src 'self'/);
    expect(page!.csp).toMatch(/script-src 'self'(;|$)/);
    const assets = ofKind(main.records, 'page.asset');
    expect(assets.some((asset) => String(asset.contentType).startsWith('text/javascript'))).toBe(true);
    expect(assets.every((asset) => asset.status === 200), JSON.stringify(assets)).toBe(true);
  });

  it('refuses paths that leave the renderer folder and unknown hosts', () => {
    const probes = ofKind(main.records, 'page.probe');
    expect(probes.map((probe) => probe.url)).toEqual(probeUrls);
    for (const probe of probes) expect([403, 404], String(probe.url)).toContain(probe.status);
  });

  it('lets the window navigate only within app://guichet/', () => {
    const navigation = ofKind(main.records, 'webContents.navigation');
    expect(navigation.map(({ url, allowed }) => [url, allowed])).toEqual([
      ['https://attacker.example/', false],
      ['file:///etc/passwd', false],
      ['app://guichet/index.html', true],
    ]);
  });

  it('starts the PC/SC worker from out/main as a utility process, which reaches "ready" and is announced to the window', () => {
    const [worker] = ofKind(main.records, 'utilityProcess.fork');
    expect(worker!.modulePath).toBe(join(outDir, 'main', 'pcscWorker.js'));
    expect(ofKind(main.records, 'utilityProcess.status').map((record) => record.status)).toContain('ready');
    const sent = ofKind(main.records, 'webContents.send').filter((record) => record.channel === ipcEventChannel);
    expect(sent.some((record) => JSON.stringify(record.args).includes('"cardServiceChanged"'))).toBe(true);
  });
});

describe('the other entries under the stub', () => {
  it('out/main/pcscWorker.js, forked alone, reaches "ready" on a live pcscd', { timeout: 60_000 }, async () => {
    const worker = fork(join(outDir, 'main', 'pcscWorker.js'), [], { env: { ...process.env, ...stack.env }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<unknown>((resolve) => {
      worker.on('message', (message: { type: string; status?: string }) => message.type === 'status' && message.status === 'ready' && resolve(message));
      worker.on('exit', (code) => resolve({ exited: code, stderr }));
    });
    worker.kill('SIGKILL');
    expect(status).toEqual({ type: 'status', status: 'ready', detail: null });
  });

  it('each preload requires only electron and exposes exactly the contract', { timeout: 120_000 }, async () => {
    const desk = await runBundle({ entry: join(outDir, 'preload', 'index.cjs') });
    expect(failures(desk), desk.stderr).toEqual([]);
    expect(desk.exitCode).toBe(0);
    const expected = [...deskMethodNames, ...deskEventNames.map(bridgeEventFunctionName)].sort();
    expect(ofKind(desk.records, 'contextBridge.exposeInMainWorld')).toEqual([{ kind: 'contextBridge.exposeInMainWorld', name: bridgeGlobalName, keys: expected, frozen: true }]);
    const ceremony = await runBundle({ entry: join(outDir, 'preload', 'fidoCeremony.cjs') });
    expect(failures(ceremony), ceremony.stderr).toEqual([]);
    expect(ceremony.exitCode).toBe(0);
    // A sandboxed preload's require() knows electron and a few built-ins only.
    for (const run of [desk, ceremony]) expect(new Set(ofKind(run.records, 'require').map((record) => record.request))).toEqual(new Set(['electron']));
  });

  it('a startup error is shown in a native dialog, frees the single-instance lock and exits non-zero', { timeout: 120_000 }, async () => {
    const notAFolder = join(scratch, 'user-data-is-a-file');
    writeFileSync(notAFolder, '');
    const run = await runBundle({ entry: join(outDir, 'main', 'index.js'), env: { GUICHET_ELECTRON_STUB_USER_DATA: notAFolder } });
    expect(failures(run), run.stderr).toEqual([]);
    const [box] = ofKind(run.records, 'dialog.showErrorBox');
    expect(box?.title).toMatch(/Guichet/);
    expect(box?.content).toMatch(/user-data-is-a-file/);
    expect(ofKind(run.records, 'app.releaseSingleInstanceLock')).toHaveLength(1);
    expect(ofKind(run.records, 'BrowserWindow.new')).toEqual([]);
    expect(run.exitCode).not.toBe(0);
    expect(run.exitCode).not.toBeNull();
  });

  it('a second instance leaves at once without opening anything', { timeout: 120_000 }, async () => {
    const run = await runBundle({ entry: join(outDir, 'main', 'index.js'), env: { GUICHET_ELECTRON_STUB_LOCKED: 'true' } });
    expect(failures(run), run.stderr).toEqual([]);
    expect(ofKind(run.records, 'app.quit')).toHaveLength(1);
    expect(ofKind(run.records, 'BrowserWindow.new')).toEqual([]);
    expect(ofKind(run.records, 'ipcMain.handle')).toEqual([]);
  });

  it('without the optional PC/SC binding, the desk starts in PC/SC mode with "lecteurs PC/SC indisponibles : …" and no simulated readers', { timeout: 120_000 }, async () => {
    // The app as `npm ci` leaves it on a machine without libpcsclite-dev: every package but the binding.
    const app = join(scratch, 'app-without-pcsclite');
    cpSync(outDir, join(app, 'out'), { recursive: true });
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
      if (name !== '@pokusew') symlinkSync(join(projectRoot, 'node_modules', name), join(app, 'node_modules', name));
    }
    writeFileSync(join(app, 'package.json'), readFileSync(join(projectRoot, 'package.json')));
    const announced = (records: StubRecord[], needle: string) =>
      records.some((record) => record.kind === 'webContents.send' && JSON.stringify(record.args).includes(needle));
    const run = await runBundle({
      entry: join(app, 'out', 'main', 'index.js'),
      env: { ...stack.env, GUICHET_CARD_READERS: 'pcsc' },
      done: (records) => announced(records, 'lecteurs PC/SC indisponibles'),
    });
    expect(failures(run), run.stderr).toEqual([]);
    const sent = JSON.stringify(ofKind(run.records, 'webContents.send'));
    expect(sent).toContain("lecteurs PC/SC indisponibles : le module @pokusew/pcsclite n'est pas installé");
    // Not a demo: simulated cards of real agents must never stand in for missing readers.
    expect(sent).not.toContain('Lecteur simulé');
    expect(run.exitCode).toBe(0);
  });
});
