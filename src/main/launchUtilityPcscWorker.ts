import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { WorkerLauncher } from '../core/cards/pcsc/WorkerLauncher';
import type { PcscWorkerMessage } from '../core/cards/pcsc/pcscWorkerProtocol';

/**
 * The PC/SC worker as an Electron utility process: out of the UI's event loop like the forked
 * worker of browser mode, and it works with the runAsNode fuse off. Built by electron-vite as
 * out/main/pcscWorker.js next to the main bundle.
 */
export const launchUtilityPcscWorker: WorkerLauncher = (env) => {
  const worker = utilityProcess.fork(join(__dirname, 'pcscWorker.js'), [], { env, stdio: 'pipe', serviceName: 'Guichet PC/SC' });
  let connected = true;
  worker.on('exit', () => (connected = false));
  return {
    get pid() {
      return worker.pid ?? null;
    },
    isConnected: () => connected,
    send: (command) => {
      if (connected) worker.postMessage(command);
    },
    onMessage: (listener) => worker.on('message', (message: unknown) => listener(message as PcscWorkerMessage)),
    onStderr: (listener) => worker.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString().trim())),
    onExit: (listener) => worker.on('exit', (code) => listener(String(code))),
    kill: () => void worker.kill(),
  };
};
