import { fork } from 'node:child_process';
import type { PcscWorkerCommand, PcscWorkerMessage } from './pcscWorkerProtocol';

/**
 * A PC/SC worker process, whatever started it: Node's `fork()` in browser mode and tests, Electron's
 * `utilityProcess` in the desktop app (where `fork()` would need the runAsNode fuse we turn off).
 */
export interface WorkerHandle {
  readonly pid: number | null;
  isConnected(): boolean;
  send(command: PcscWorkerCommand): void;
  onMessage(listener: (message: PcscWorkerMessage) => void): void;
  onStderr(listener: (text: string) => void): void;
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}

export type WorkerLauncher = (env: NodeJS.ProcessEnv) => WorkerHandle;

/** The worker runs from TypeScript under tsx in development and tests, from JS when built. */
function workerEntry(): { path: string; execArgv: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  const path = new URL(typescript ? './runPcscWorker.ts' : './runPcscWorker.js', import.meta.url).pathname;
  return { path, execArgv: typescript ? ['--import', 'tsx'] : [] };
}

export const launchForkedWorker: WorkerLauncher = (env) => {
  const entry = workerEntry();
  const worker = fork(entry.path, [], { env, execArgv: entry.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
  return {
    pid: worker.pid ?? null,
    isConnected: () => worker.connected,
    send: (command) => {
      if (worker.connected) worker.send(command);
    },
    onMessage: (listener) => worker.on('message', (message) => listener(message as PcscWorkerMessage)),
    onStderr: (listener) => worker.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString().trim())),
    onExit: (listener) => worker.on('exit', (code, signal) => listener(String(signal ?? code))),
    kill: () => worker.kill('SIGKILL'),
  };
};
