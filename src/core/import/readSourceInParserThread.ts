import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSourceConfig } from '../sources/parseSourcesConfig';
import { SourceUnreadableError } from './importTypes';
import type { StagedBatch, StagedSourceReader } from './toStagedBatch';

export interface ParserThreadData {
  source: FileSourceConfig;
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

/** From TypeScript under tsx (development, tests, CLI), from the built JS next to the main bundle. */
function parserThreadEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './runSourceParserThread.ts' : './runSourceParserThread.js', import.meta.url);
}

function startParserThread(entryUrl: URL, workerData: ParserThreadData): Worker {
  // Parsing allocates short-lived strings by the gigabyte: a larger young generation spares GC work.
  const resourceLimits = { maxYoungGenerationSizeMb: 96 };
  if (!entryUrl.pathname.endsWith('.ts')) return new Worker(entryUrl, { workerData, resourceLimits });
  const entry = entryUrl.href;
  // tsx's ESM entry (require.resolve would give its CommonJS one, which cannot register ESM hooks).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/**
 * Reads a source file on a parser thread: on a two-core desk, parsing and serializing the 2 M-row
 * register extract runs next to the store's writes instead of before them. At most `aheadBatches`
 * batches wait in memory. Rejects with `SourceUnreadableError` when the file cannot be read, and
 * with `ParserThreadUnavailableError` when no thread could start (the caller then parses here).
 */
export function readSourceInParserThread(
  source: FileSourceConfig,
  { aheadBatches = 3, entry = parserThreadEntry() }: { aheadBatches?: number; /** The thread's script (tests). */ entry?: URL } = {},
): Promise<StagedSourceReader> {
  const worker = startParserThread(entry, { source });
  const queue: ParserThreadMessage[] = [];
  let problem: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  let opened = false;
  let settled = false;

  return new Promise<StagedSourceReader>((resolve, reject) => {
    const fail = (error: Error): void => {
      problem ??= error;
      if (!opened) {
        settled = true;
        reject(problem);
      }
      notify();
    };
    worker.on('error', (error) => fail(opened ? error : new ParserThreadUnavailableError(`the parser thread could not start: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`the parser thread stopped (exit code ${code}) before the end of ${source.path}`)));
    worker.on('message', (message: ParserThreadMessage) => {
      if (message.type === 'failed') {
        const error = message.unreadable ? new SourceUnreadableError(message.message) : new Error(message.message);
        if (!opened) void worker.terminate();
        fail(error);
        return;
      }
      if (message.type === 'opened') {
        opened = true;
        if (settled) return;
        worker.postMessage({ batches: aheadBatches } satisfies ParserThreadRequest);
        resolve({ totalBytes: message.totalBytes, foldsDuplicates: message.foldsDuplicates, batches });
        return;
      }
      queue.push(message);
      notify();
    });

    async function* batches(): AsyncGenerator<StagedBatch> {
      try {
        for (;;) {
          const message = queue.shift();
          if (message === undefined) {
            if (problem !== null) throw problem;
            await new Promise<void>((wakeUp) => (wake = wakeUp));
            continue;
          }
          if (message.type === 'end') return;
          if (message.type === 'batch') {
            worker.postMessage({ batches: 1 } satisfies ParserThreadRequest);
            yield message.batch;
          }
        }
      } finally {
        await worker.terminate();
      }
    }
  });
}
