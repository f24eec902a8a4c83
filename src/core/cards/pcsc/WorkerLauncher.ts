import { fork } from 'node:child_process';
import type { PcscWorkerCommand, PcscWorkerMessage } from './pcscWorkerProtocol';
import { resolveWorkerEntry } from './resolveWorkerEntry';

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

export const launchForkedWorker: WorkerLauncher = (env) => {
  const entry = resolveWorkerEntry();
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
