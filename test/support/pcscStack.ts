import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPcscdReachable } from '../../src/core/cards/pcsc/isPcscdReachable';
import { projectRoot } from './startTestDesk';

const vpcdDriver = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

export interface PcscStack {
  /** Environment for PC/SC clients of this private pcscd (`PCSCLITE_CSOCK_NAME`). */
  env: NodeJS.ProcessEnv;
  /** vpcd readers: `<name> 00 00` on `port`, `<name> 00 01` on `port + 1`, per configured entry. */
  readers: { name: string; port: number }[];
  logPath: string;
  isRunning(): boolean;
  start(): Promise<void>;
  /** SIGTERM (clean) or SIGKILL (crash) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  dispose(): Promise<void>;
}

/** Builds native/nodelay.c (the TCP_NODELAY shim) once per source version. */
export function buildNodelayShim(): string {
  const source = join(projectRoot, 'native', 'nodelay.c');
  const output = join(tmpdir(), `guichet-nodelay-${statSync(source).mtimeMs.toFixed(0)}.so`);
  if (!existsSync(output)) execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-o', output, source, '-ldl']);
  return output;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0' }, () => server.close(() => resolve(true)));
  });
}

async function findFreePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 36000 + Math.floor(Math.random() * 8000) * 2;
    if ((await isPortFree(port)) && (await isPortFree(port + 1))) return port;
  }
  throw new Error('No free pair of TCP ports for vpcd');
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A private pcscd with vpcd readers: its own config dir, each entry with its own copy of the
 * driver, and its own /run/pcscd bind-mounted in a mount namespace (pcscd ignores
 * PCSCLITE_CSOCK_NAME and keeps a pid file there), so parallel runs and a system pcscd never
 * collide. Started with the TCP_NODELAY shim unless `nodelay: false`. Needs root (CI runs as root).
 */
export async function startPcscStack({ readerEntries = ['Guichet Test'], nodelay = true }: { readerEntries?: string[]; nodelay?: boolean } = {}): Promise<PcscStack> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-pcsc-'));
  const configDir = join(dir, 'reader.conf.d');
  const runDir = join(dir, 'run');
  mkdirSync(configDir);
  mkdirSync(runDir);
  const readers: PcscStack['readers'] = [];
  for (const [index, name] of readerEntries.entries()) {
    const port = await findFreePortPair();
    const driver = join(dir, `libifdvpcd-${index}.so`);
    copyFileSync(vpcdDriver, driver);
    writeFileSync(join(configDir, `vpcd-${index}`), `FRIENDLYNAME "${name}"\nDEVICENAME /dev/null:${port}\nLIBPATH ${driver}\nCHANNELID ${port}\n`);
    readers.push({ name: `${name} 00 00`, port }, { name: `${name} 00 01`, port: port + 1 });
  }
  const socketPath = join(runDir, 'pcscd.comm');
  const logPath = join(dir, 'pcscd.log');
  const shim = nodelay ? buildNodelayShim() : null;
  let child: ChildProcess | null = null;

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const current = child;
    if (current === null) return;
    child = null;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill(signal);
    await exited;
    running.delete(current);
    // After a kill -9 the socket and pid file stay behind: the next start would refuse to run.
    rmSync(socketPath, { force: true });
    rmSync(join(runDir, 'pcscd.pid'), { force: true });
  };

  const start = async () => {
    if (child !== null) return;
    const log = openSync(logPath, 'a');
    const script = `mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd --foreground --config "$2"`;
    const started = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'pcscd', runDir, configDir], {
      stdio: ['ignore', log, log],
      env: shim === null ? process.env : { ...process.env, LD_PRELOAD: shim },
    });
    child = started;
    running.add(started);
    const deadline = Date.now() + 10_000;
    while (!(await isPcscdReachable(socketPath))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        throw new Error(`pcscd did not start (exit ${started.exitCode}); log:\n${readFileSync(logPath, 'utf8').slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  await start();
  return {
    env: { ...process.env, PCSCLITE_CSOCK_NAME: socketPath },
    readers,
    logPath,
    isRunning: () => child !== null,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
