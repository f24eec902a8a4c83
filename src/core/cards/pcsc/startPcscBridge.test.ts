import { afterEach, describe, expect, it } from 'vitest';
import type { PcscWorkerEvent, PcscWorkerMessage } from './pcscWorkerProtocol';
import { startPcscBridge, type PcscBridge } from './startPcscBridge';
import type { WorkerHandle, WorkerLauncher } from './WorkerLauncher';

/** A worker that answers each ping on the next turn of the event loop (as IPC does), or never. */
function fakeLauncher({ answers }: { answers: boolean }): { launch: WorkerLauncher; kills: () => number } {
  let kills = 0;
  const launch: WorkerLauncher = () => {
    let listener: (message: PcscWorkerMessage) => void = () => {};
    let exit: (reason: string) => void = () => {};
    let alive = true;
    const handle: WorkerHandle = {
      pid: 4242,
      isConnected: () => alive,
      send: (command) => {
        if (answers && alive && command.type === 'ping') setImmediate(() => alive && listener({ type: 'pong', id: command.id }));
      },
      onMessage: (next) => {
        listener = next;
        setImmediate(() => listener({ type: 'status', status: 'ready' } as PcscWorkerMessage));
      },
      onStderr: () => {},
      onExit: (next) => (exit = next),
      kill: () => {
        kills += 1;
        alive = false;
        setImmediate(() => exit('SIGKILL'));
      },
    };
    return handle;
  };
  return { launch, kills: () => kills };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** This thread busy for `ms`, as during a long synchronous store call. */
function blockThread(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

let bridge: PcscBridge | null = null;
afterEach(() => {
  bridge?.close();
  bridge = null;
});

describe('startPcscBridge watchdog', () => {
  it('does not kill a healthy worker when its own thread was blocked longer than the watchdog', async () => {
    const worker = fakeLauncher({ answers: true });
    const logged: string[] = [];
    const events: PcscWorkerEvent[] = [];
    bridge = startPcscBridge({ onEvent: (event) => events.push(event), watchdogMs: 400, startupMs: 400, launchWorker: worker.launch, log: (message) => logged.push(message) });
    await pause(300);
    for (let round = 0; round < 3; round += 1) {
      blockThread(1500);
      await pause(250);
    }
    expect(logged.filter((message) => message.includes('silent'))).toEqual([]);
    expect(worker.kills()).toBe(0);
    expect(events.filter((event) => event.type === 'status' && event.status === 'unavailable')).toEqual([]);
  }, 15_000);

  it('still kills a worker that stops answering while its thread runs freely', async () => {
    const worker = fakeLauncher({ answers: false });
    const logged: string[] = [];
    bridge = startPcscBridge({ onEvent: () => {}, watchdogMs: 400, startupMs: 400, launchWorker: worker.launch, log: (message) => logged.push(message) });
    await pause(1000);
    expect(worker.kills()).toBeGreaterThanOrEqual(1);
    expect(logged.find((message) => message.includes('silent'))).toMatch(/silent for \d+ ms/);
  });
});
