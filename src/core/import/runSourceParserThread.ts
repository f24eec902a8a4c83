import { parentPort, workerData } from 'node:worker_threads';
import { SourceUnreadableError } from './importTypes';
import { openSourceReader } from './openSourceReader';
import { readRppsExtract } from './readRppsExtract';
import type { ParserThreadData, ParserThreadMessage, ParserThreadRequest } from './readSourceInParserThread';
import { toStagedBatch } from './toStagedBatch';

/**
 * A parser thread: reads and parses one source file (or its share of a register extract) and serializes its records, while the
 * store's thread writes the previous batches. It sends a batch only when the store asked for one,
 * so a slow disk write never piles parsed batches up in memory.
 */
const port = parentPort!;
const { source, range, knownNames } = workerData as ParserThreadData;
let credits = 0;
let wake: (() => void) | null = null;
port.on('message', (request: ParserThreadRequest) => {
  credits += request.batches;
  wake?.();
  wake = null;
});
const send = (message: ParserThreadMessage): void => port.postMessage(message);

try {
  const reader = range === undefined ? await openSourceReader(source, {}, knownNames === undefined ? {} : { knownNames }) : await readRppsExtract(source.path, { range, encoding: (source as Extract<typeof source, { kind: 'rpps-extract' }>).encoding });
  send({ type: 'opened', totalBytes: reader.totalBytes, foldsDuplicates: reader.foldsDuplicates });
  for await (const batch of reader.batches()) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    send({ type: 'batch', batch: toStagedBatch(batch) });
  }
  send({ type: 'end' });
} catch (error) {
  send({ type: 'failed', unreadable: error instanceof SourceUnreadableError, message: error instanceof Error ? error.message : String(error) });
} finally {
  port.close();
}
