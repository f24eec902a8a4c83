import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PinVerification } from '../../../shared/api/cards.contract';
import type { PcscWorkerCommand, PcscWorkerEvent, PcscWorkerMessage } from './pcscWorkerProtocol';

export interface PcscBridgeOptions {
  onEvent(event: PcscWorkerEvent): void;
  /** Environment of the worker (e.g. `PCSCLITE_CSOCK_NAME` for a private pcscd). */
  env?: NodeJS.ProcessEnv;
  /** A worker not answering pings for this long is killed and restarted. */
  watchdogMs?: number;
  /** How long a new worker may take to say its first word (loading TypeScript on a busy machine). */
  startupMs?: number;
  log?: (message: string) => void;
}

export interface PcscBridge {
  /** Resolves with the card's verdict; rejects with a `PinRequestError`. */
  verifyPin(reader: string, pin: string): Promise<PinVerification>;
  /** Process id of the current worker (diagnostics), null between restarts. */
  workerPid(): number | null;
  close(): void;
}

export class PinRequestError extends Error {
  constructor(
    readonly code: 'NO_CPS' | 'CARD_ERROR' | 'SERVICE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'PinRequestError';
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** The worker runs from TypeScript under tsx in development and tests, from JS when built. */
function workerEntry(): { path: string; execArgv: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  return { path: join(here, typescript ? 'runPcscWorker.ts' : 'runPcscWorker.js'), execArgv: typescript ? ['--import', 'tsx'] : [] };
}

/**
 * Runs PC/SC in a child process and keeps it alive: restarts it when it exits or stops answering
 * (a native call hung), with a growing pause so a crash loop never spins. Readers known before a
 * restart are reported detached, then attached again by the new worker.
 */
export function startPcscBridge({ onEvent, env = process.env, watchdogMs = 4000, startupMs = 30_000, log = () => {} }: PcscBridgeOptions): PcscBridge {
  let child: ChildProcess | null = null;
  let closed = false;
  let restartDelayMs = 250;
  let lastPong = Date.now();
  /** The current worker has spoken at least once: from then on the short watchdog applies. */
  let workerStarted = false;
  let nextId = 1;
  const readers = new Set<string>();
  const pending = new Map<number, { resolve: (result: PinVerification) => void; reject: (error: Error) => void }>();

  const forward = (event: PcscWorkerEvent) => {
    if (event.type === 'reader') {
      if (event.state === 'attached') readers.add(event.name);
      else readers.delete(event.name);
    }
    if (event.type === 'status' && event.status === 'ready') restartDelayMs = 250;
    onEvent(event);
  };

  const onMessage = (message: PcscWorkerMessage) => {
    workerStarted = true;
    lastPong = Date.now();
    if (message.type === 'pong') return;
    if (message.type === 'pinResult') pending.get(message.id)?.resolve(message.result);
    else if (message.type === 'pinError') pending.get(message.id)?.reject(new PinRequestError(message.code, message.message));
    else forward(message);
    if (message.type === 'pinResult' || message.type === 'pinError') pending.delete(message.id);
  };

  const spawnWorker = () => {
    const entry = workerEntry();
    const worker = fork(entry.path, [], { env, execArgv: entry.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    child = worker;
    lastPong = Date.now();
    workerStarted = false;
    worker.stderr?.on('data', (chunk: Buffer) => log(`pcsc worker: ${chunk.toString().trim()}`));
    worker.on('message', (message) => onMessage(message as PcscWorkerMessage));
    worker.on('exit', (code, signal) => {
      if (child === worker) child = null;
      for (const [id, request] of pending) {
        request.reject(new PinRequestError('SERVICE_UNAVAILABLE', 'The smart-card service restarted during the PIN check'));
        pending.delete(id);
      }
      if (closed) return;
      for (const name of [...readers]) forward({ type: 'reader', name, state: 'detached' });
      forward({ type: 'status', status: 'unavailable', detail: `smart-card worker stopped (${signal ?? code}); restarting` });
      log(`pcsc worker exited (${signal ?? code}), restarting in ${restartDelayMs} ms`);
      setTimeout(() => closed || spawnWorker(), restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, 5000);
    });
  };

  const send = (command: PcscWorkerCommand) => {
    if (child?.connected === true) child.send(command);
  };

  const watchdog = setInterval(() => {
    if (child === null) return;
    if (Date.now() - lastPong > (workerStarted ? watchdogMs : startupMs)) {
      log(`pcsc worker silent for ${Date.now() - lastPong} ms: killing it`);
      child.kill('SIGKILL');
      lastPong = Date.now();
      return;
    }
    send({ type: 'ping', id: 0 });
  }, Math.max(100, Math.floor(watchdogMs / 4)));
  watchdog.unref();

  if (process.versions.electron !== undefined) {
    // Electron's fork() needs the runAsNode fuse we turn off; the shell has no utilityProcess
    // launcher for this worker yet. Say so plainly instead of relaunching the app in a loop.
    clearInterval(watchdog);
    closed = true;
    queueMicrotask(() => forward({ type: 'status', status: 'unavailable', detail: 'PC/SC worker not available in the Electron shell yet: use browser mode for real readers' }));
  } else {
    spawnWorker();
  }
  return {
    verifyPin(reader, pin) {
      if (child?.connected !== true) return Promise.reject(new PinRequestError('SERVICE_UNAVAILABLE', 'The smart-card service is not running'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'verifyPin', id, reader, pin });
      });
    },
    workerPid: () => child?.pid ?? null,
    close() {
      closed = true;
      clearInterval(watchdog);
      child?.kill('SIGTERM');
      child = null;
    },
  };
}
