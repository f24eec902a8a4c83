import type { Worker } from 'node:worker_threads';
import { startThread, threadScriptBeside } from '../jobs/startThread';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { FileSourceConfig } from '../sources/parseSourcesConfig';
import { SourceUnreadableError } from './importTypes';
import { splitExtract, type ExtractRange } from './readRppsExtract';
import type { StagedBatch, StagedSourceReader } from './toStagedBatch';

export interface ParserThreadData {
  source: FileSourceConfig;
  /** This thread's share of a register extract; the whole file when absent. */
  range?: ExtractRange;
  /** For splitting full names (`nameOrder: "auto"`). */
  knownNames?: KnownNames;
}

/** Parser thread → store thread. */
export type ParserThreadMessage =
  | { type: 'opened'; totalBytes: number | null; foldsDuplicates: boolean }
  | { type: 'batch'; batch: StagedBatch }
  | { type: 'end' }
  | { type: 'failed'; unreadable: boolean; message: string };

/** Store thread → parser thread: how many more batches it may send. */
export interface ParserThreadRequest {
  batches: number;
}

/** The parser thread could not be started (a packaging problem, not a source problem). */
export class ParserThreadUnavailableError extends Error {
  override name = 'ParserThreadUnavailableError';
}

export interface ReadSourceInParserThreadOptions {
  /** Batches each thread may have waiting in memory. */
  aheadBatches?: number;
  /** Threads sharing a register extract (split at line feeds); other kinds use one. */
  threads?: number;
  /** The threads' script (tests). */
  entry?: URL;
  knownNames?: KnownNames | undefined;
}

const parserThreadEntry = (): URL => threadScriptBeside(import.meta.url, 'runSourceParserThread');

function startParserThread(entryUrl: URL, workerData: ParserThreadData): Worker {
  // Parsing allocates short-lived strings by the gigabyte: a larger young generation spares GC work.
  return startThread(entryUrl, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
}

interface ThreadState {
  worker: Worker;
  opened: boolean;
  ended: boolean;
  rowsRead: number;
  bytesRead: number;
}

/**
 * Reads a source file on parser threads: on a two-core desk, parsing and serializing the 2 M-row
 * register extract runs next to the store's writes instead of before them, and a register extract
 * is shared by `threads` threads (each parses its half; records cut by the split fold together in
 * the import engine). At most `aheadBatches` batches per thread wait in memory. Rejects with
 * `SourceUnreadableError` when the file cannot be read, and with `ParserThreadUnavailableError`
 * when no thread could start (the caller then parses here).
 */
export async function readSourceInParserThread(
  source: FileSourceConfig,
  { aheadBatches = 3, threads = 1, entry = parserThreadEntry(), knownNames }: ReadSourceInParserThreadOptions = {},
): Promise<StagedSourceReader> {
  const ranges: (ExtractRange | undefined)[] =
    source.kind === 'rpps-extract' && threads > 1 ? await splitExtract(source.path, threads).catch(() => [undefined]) : [undefined];
  const states: ThreadState[] = ranges.map((range) => ({
    worker: startParserThread(entry, { source, ...(range === undefined ? {} : { range }), ...(knownNames === undefined ? {} : { knownNames }) }),
    opened: false,
    ended: false,
    rowsRead: 0,
    bytesRead: 0,
  }));
  const queue: { state: ThreadState; batch: StagedBatch }[] = [];
  let problem: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const stopAll = (): Promise<unknown> => Promise.all(states.map((state) => state.worker.terminate()));
  let resolved = false;
  let totalBytes = 0;
  let foldsDuplicates = false;

  return new Promise<StagedSourceReader>((resolve, reject) => {
    const fail = (error: Error): void => {
      if (problem !== null) return;
      problem = error;
      if (!resolved) {
        void stopAll();
        reject(error);
      }
      notify();
    };
    for (const state of states) {
      const { worker } = state;
      worker.on('error', (error) => fail(state.opened ? error : new ParserThreadUnavailableError(`the parser thread could not start: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => {
        if (!state.ended) fail(new Error(`the parser thread stopped (exit code ${code}) before the end of ${source.path}`));
      });
      worker.on('message', (message: ParserThreadMessage) => {
        switch (message.type) {
          case 'failed':
            fail(message.unreadable ? new SourceUnreadableError(message.message) : new Error(message.message));
            return;
          case 'opened':
            state.opened = true;
            totalBytes += message.totalBytes ?? 0;
            foldsDuplicates ||= message.foldsDuplicates;
            worker.postMessage({ batches: aheadBatches } satisfies ParserThreadRequest);
            if (!resolved && problem === null && states.every((each) => each.opened)) {
              resolved = true;
              resolve({ totalBytes, foldsDuplicates, batches });
            }
            return;
          case 'batch':
            queue.push({ state, batch: message.batch });
            notify();
            return;
          case 'end':
            state.ended = true;
            notify();
        }
      });
    }

    async function* batches(): AsyncGenerator<StagedBatch> {
      try {
        for (;;) {
          const next = queue.shift();
          if (next === undefined) {
            if (problem !== null) throw problem;
            if (states.every((state) => state.ended)) return;
            await new Promise<void>((wakeUp) => (wake = wakeUp));
            continue;
          }
          next.state.rowsRead = next.batch.rowsRead;
          next.state.bytesRead = next.batch.bytesRead;
          next.state.worker.postMessage({ batches: 1 } satisfies ParserThreadRequest);
          // Counts over all threads, as if one had read the file.
          yield {
            ...next.batch,
            rowsRead: states.reduce((sum, state) => sum + state.rowsRead, 0),
            bytesRead: states.reduce((sum, state) => sum + state.bytesRead, 0),
          };
        }
      } finally {
        await stopAll();
      }
    }
  });
}
