import { workerData } from 'node:worker_threads';
import { openDatabase } from '../store/openDatabase';
import { screenChunks, signalSlots, type RegisterScreenThreadData, type RegisterScreenThreadMessage } from './registerScreenThread';
import { createRegisterScreen } from './createRegisterScreen';
import { readLocalRecords } from './readLocalRecords';

/**
 * The register screen's helper thread: its own read-only connection to the store (WAL lets it read
 * beside the reconciliation), the local records read again here, then shares of the register taken
 * one after the other with the reconciliation's thread. The answer goes through the port, then the
 * signal wakes the waiting thread.
 */
const { dbPath, keyHex, input, chunks, signal, port } = workerData as RegisterScreenThreadData;
let message: RegisterScreenThreadMessage;
try {
  const db = openDatabase({ path: dbPath, readonly: true, key: keyHex === null ? null : Buffer.from(keyHex, 'hex') });
  try {
    Atomics.add(signal, signalSlots.heartbeat, 1);
    const screen = createRegisterScreen(db, readLocalRecords(db).records, input);
    Atomics.add(signal, signalSlots.heartbeat, 1);
    message = { type: 'done', chunks: screenChunks((range, onRows) => screen(range, onRows), chunks, signal) };
  } finally {
    db.close();
  }
} catch (error) {
  message = { type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
port.postMessage(message);
Atomics.store(signal, signalSlots.done, 1);
Atomics.notify(signal, signalSlots.done);
port.close();
