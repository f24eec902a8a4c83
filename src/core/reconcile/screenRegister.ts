import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { startThread, threadScriptBeside } from '../jobs/startThread';
import { storeKeyOf } from '../store/storeKeyOf';
import { screenChunks, signalSlots, type RegisterScreenThreadData, type RegisterScreenThreadMessage } from './registerScreenThread';
import { createRegisterScreen, readRegisterBounds, type RegisterIdRange, type RegisterScreenInput, type ScreenedRegister } from './createRegisterScreen';
import type { ReconcileRecord } from './reconcileRecords';

export interface ScreenRegisterOptions {
  /** From this many register rows on (the span of their ids), a helper thread shares the screening (the machine's second core). */
  threadFrom?: number;
  /** The helper thread's script (tests); default: next to this module or the main bundle. */
  entry?: URL;
  /** A helper thread silent this long is given up and its shares screened here. */
  silenceMs?: number;
  /** Tests: start only once the helper is ready, so that it takes shares even of a small register. */
  awaitHelper?: boolean;
}

export interface ScreenRegisterResult extends ScreenedRegister {
  /** 2 when a helper thread screened shares of the register, 1 otherwise. */
  threads: number;
  /** Shares the helper thread screened (of `chunkCount`). */
  helperShares: number;
}

const defaultThreadFrom = 300_000;
/** Shares of the register the two threads take in turn: enough that neither waits long for the other. */
const chunkCount = 24;


function mergeCounts(into: Map<string, number>, from: Map<string, number>): void {
  for (const [name, count] of from) into.set(name, (into.get(name) ?? 0) + count);
}

/**
 * Screens the national register for the entries some identity may claim. reconcileDirectory is
 * synchronous (the job thread, the CLI and tests call it so), yet the machine has a second core:
 * the rows are cut in shares that this thread and a helper thread take one after the other (a
 * shared counter), so the helper's start-up costs nothing; then this thread waits for the helper's
 * answer (Atomics.wait, then the port read synchronously). Entries come back in row order, as one
 * thread would give them. A helper that cannot start, fails or falls silent is given up: the
 * shares it took are screened here.
 */
export function screenRegister(db: Database.Database, localRecords: readonly ReconcileRecord[], input: RegisterScreenInput, { threadFrom = defaultThreadFrom, entry = threadScriptBeside(import.meta.url, 'runRegisterScreenThread'), silenceMs = 60_000, awaitHelper = false }: ScreenRegisterOptions = {}): ScreenRegisterResult {
  // The span of the register's row ids stands for its size: an import writes its rows in a row.
  const bounds = readRegisterBounds(db);
  if (bounds === null || bounds.to - bounds.from < threadFrom || db.memory) return { ...createRegisterScreen(db, localRecords, input)(null), threads: 1, helperShares: 0 };

  const width = Math.ceil((bounds.to - bounds.from) / chunkCount);
  const chunks: RegisterIdRange[] = Array.from({ length: chunkCount }, (_, index) => ({ from: bounds.from + index * width, to: Math.min(bounds.to, bounds.from + (index + 1) * width) }));
  const signal = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  const key = storeKeyOf(db);
  let worker: Worker | null;
  try {
    const workerData: RegisterScreenThreadData = { dbPath: db.name, keyHex: key === null ? null : key.toString('hex'), input, chunks, signal, port: port2 };
    worker = startThread(entry, { workerData, transferList: [port2] });
    // Its errors are read from the signal and the port; this keeps them from ending the process.
    worker.on('error', () => undefined);
    worker.unref();
  } catch {
    worker = null;
  }
  // Built once the helper is on its way: its start-up (store, records, filters) overlaps this.
  const screen = createRegisterScreen(db, localRecords, input);
  // The helper beats twice once ready (store opened, filters built).
  const deadline = Date.now() + silenceMs;
  while (awaitHelper && worker !== null && Atomics.load(signal, signalSlots.heartbeat) < 2 && Atomics.load(signal, signalSlots.done) === 0 && Date.now() < deadline) Atomics.wait(signal, signalSlots.done, 0, 50);
  const results: (ScreenedRegister | undefined)[] = new Array(chunks.length);
  for (const { index, screened } of screenChunks((range) => screen(range), chunks, signal)) results[index] = screened;
  let helperShares = 0;
  if (worker !== null) {
    let beat = Atomics.load(signal, signalSlots.heartbeat);
    let heardAt = Date.now();
    while (Atomics.load(signal, signalSlots.done) === 0 && Date.now() - heardAt < silenceMs) {
      Atomics.wait(signal, signalSlots.done, 0, 500);
      const now = Atomics.load(signal, signalSlots.heartbeat);
      if (now !== beat) {
        beat = now;
        heardAt = Date.now();
      }
    }
    const answer = Atomics.load(signal, signalSlots.done) === 1 ? (receiveMessageOnPort(port1)?.message as RegisterScreenThreadMessage | undefined) : undefined;
    if (answer?.type === 'done') {
      helperShares = answer.chunks.length;
      for (const { index, screened } of answer.chunks) results[index] = screened;
    }
    void worker.terminate();
  }
  port1.close();
  const merged: ScreenedRegister = { ids: [], entries: [], rows: 0, lastNames: new Map(), firstNames: new Map() };
  results.forEach((screened, index) => {
    // A share the helper took but never answered for.
    const share = screened ?? screen(chunks[index]!);
    for (const id of share.ids) merged.ids.push(id);
    for (const found of share.entries) merged.entries.push(found);
    merged.rows += share.rows;
    mergeCounts(merged.lastNames, share.lastNames);
    mergeCounts(merged.firstNames, share.firstNames);
  });
  return { ...merged, threads: helperShares > 0 ? 2 : 1, helperShares };
}
