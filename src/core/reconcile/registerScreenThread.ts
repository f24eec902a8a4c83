import type { MessagePort } from 'node:worker_threads';
import type { RegisterIdRange, RegisterScreenInput, ScreenedRegister } from './createRegisterScreen';

/** Slots of the shared signal. */
export const signalSlots = { done: 0, heartbeat: 1, nextChunk: 2 } as const;

/** What the register screen's helper thread is given. */
export interface RegisterScreenThreadData {
  dbPath: string;
  /** The store key as hex (null: a clear store). */
  keyHex: string | null;
  input: RegisterScreenInput;
  /** The register's shares; each thread takes the next one not taken (`nextChunk`). */
  chunks: RegisterIdRange[];
  /** See `signalSlots`: the answer posted, a heartbeat raised as the thread works, the next share to take. */
  signal: Int32Array;
  port: MessagePort;
}

/** The shares a thread screened, by their index in `chunks`. */
export type ScreenedChunks = { index: number; screened: ScreenedRegister }[];

/** Helper thread → the thread running the reconciliation. */
export type RegisterScreenThreadMessage = { type: 'done'; chunks: ScreenedChunks } | { type: 'failed'; message: string };

/** Takes shares until none is left (both threads run this). */
export function screenChunks(screen: (range: RegisterIdRange, onRows: () => void) => ScreenedRegister, chunks: readonly RegisterIdRange[], signal: Int32Array): ScreenedChunks {
  const done: ScreenedChunks = [];
  const beat = (): void => {
    Atomics.add(signal, signalSlots.heartbeat, 1);
  };
  for (let index = Atomics.add(signal, signalSlots.nextChunk, 1); index < chunks.length; index = Atomics.add(signal, signalSlots.nextChunk, 1)) {
    done.push({ index, screened: screen(chunks[index]!, beat) });
    beat();
  }
  return done;
}
