import type { PinVerification } from '../../../shared/api/cards.contract';
import type { PcscWorkerCommand, PcscWorkerEvent, PcscWorkerMessage } from './pcscWorkerProtocol';
import { launchForkedWorker, type WorkerHandle, type WorkerLauncher } from './WorkerLauncher';

export interface PcscBridgeOptions {
  onEvent(event: PcscWorkerEvent): void;
  /** Environment of the worker (e.g. `PCSCLITE_CSOCK_NAME` for a private pcscd). */
  env?: NodeJS.ProcessEnv;
  /** A worker not answering pings for this long is killed and restarted. */
  watchdogMs?: number;
  /** How long a new worker may take to say its first word (loading TypeScript on a busy machine). */
  startupMs?: number;
  log?: (message: string) => void;
  /** Starts the worker process; the Electron shell passes a utilityProcess launcher. */
  launchWorker?: WorkerLauncher;
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

/**
 * Runs PC/SC in a child process and keeps it alive: restarts it when it exits or stops answering
 * (a native call hung), with a growing pause so a crash loop never spins. The silence measured is
 * the worker's: time this thread spent blocked itself (its late ticks) is not counted. Readers
 * known before a restart are reported detached, then attached again by the new worker.
 */
export function startPcscBridge({
  onEvent,
  env = process.env,
  watchdogMs = 4000,
  startupMs = 30_000,
  log = () => {},
  launchWorker = launchForkedWorker,
}: PcscBridgeOptions): PcscBridge {
  let child: WorkerHandle | null = null;
  let closed = false;
  let restartDelayMs = 250;
  let lastPong = Date.now();
  /**
   * Time since `lastPong` during which this thread itself was blocked (late watchdog ticks): the
   * worker's answers waited unread in the queue then, so it does not count as the worker's silence.
   */
  let blockedSincePongMs = 0;
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
    blockedSincePongMs = 0;
    if (message.type === 'pong') return;
    if (message.type === 'pinResult') pending.get(message.id)?.resolve(message.result);
    else if (message.type === 'pinError') pending.get(message.id)?.reject(new PinRequestError(message.code, message.message));
    else forward(message);
    if (message.type === 'pinResult' || message.type === 'pinError') pending.delete(message.id);
  };

  const spawnWorker = () => {
    const worker = launchWorker(env);
    child = worker;
    lastPong = Date.now();
    blockedSincePongMs = 0;
    workerStarted = false;
    worker.onStderr((text) => log(`pcsc worker: ${text}`));
    worker.onMessage(onMessage);
    worker.onExit((reason) => {
      if (child === worker) child = null;
      for (const [id, request] of pending) {
        request.reject(new PinRequestError('SERVICE_UNAVAILABLE', 'The smart-card service restarted during the PIN check'));
        pending.delete(id);
      }
      if (closed) return;
      for (const name of [...readers]) forward({ type: 'reader', name, state: 'detached' });
      forward({ type: 'status', status: 'unavailable', detail: `smart-card worker stopped (${reason}); restarting` });
      log(`pcsc worker exited (${reason}), restarting in ${restartDelayMs} ms`);
      setTimeout(() => closed || spawnWorker(), restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, 5000);
    });
  };

  const send = (command: PcscWorkerCommand) => child?.send(command);

  const tickMs = Math.max(100, Math.floor(watchdogMs / 4));
  let lastTick = Date.now();
  const watchdog = setInterval(() => {
    const now = Date.now();
    // A tick later than planned is this thread's own lag (a long synchronous call), not the worker's.
    blockedSincePongMs += Math.max(0, now - lastTick - tickMs);
    lastTick = now;
    if (child === null) return;
    const silentMs = now - lastPong - blockedSincePongMs;
    if (silentMs > (workerStarted ? watchdogMs : startupMs)) {
      log(`pcsc worker silent for ${silentMs} ms (this thread blocked for ${blockedSincePongMs} ms more): killing it`);
      child.kill();
      lastPong = now;
      blockedSincePongMs = 0;
      return;
    }
    send({ type: 'ping', id: 0 });
  }, tickMs);
  watchdog.unref();

  spawnWorker();
  return {
    verifyPin(reader, pin) {
      if (child?.isConnected() !== true) return Promise.reject(new PinRequestError('SERVICE_UNAVAILABLE', 'The smart-card service is not running'));
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
      child?.kill();
      child = null;
    },
  };
}
