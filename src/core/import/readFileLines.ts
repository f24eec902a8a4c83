import { createReadStream } from 'node:fs';
import { createLineDecoder, type FileLine, type LineEncoding } from './createLineDecoder';

export type { FileLine } from './createLineDecoder';

export interface FileLineBatch {
  lines: FileLine[];
  bytesRead: number;
}

const newline = 0x0a;

/**
 * Streams a text file as batches of lines without ever holding it whole. Lines are split on the
 * bytes (so a multi-byte character is never cut) and decoded by `createLineDecoder`.
 */
export interface ReadFileLinesOptions {
  chunkBytes?: number;
  /** A byte range of whole lines (a parser thread's share of the file), and its first line's number. */
  range?: FileLineRange;
  /** Decided before reading (`resolveSourceEncoding`); `per-line` by default. */
  encoding?: LineEncoding;
}

export interface FileLineRange {
  start: number;
  /** Exclusive. */
  end: number;
  firstLineNumber: number;
}

export async function* readFileLines(path: string, { chunkBytes = 1 << 20, range, encoding = 'per-line' }: ReadFileLinesOptions = {}): AsyncGenerator<FileLineBatch> {
  const decoder = createLineDecoder({ firstLineNumber: range?.firstLineNumber ?? 1, encoding });
  let pending: Buffer | null = null;
  let bytesRead = 0;
  const window = range === undefined ? {} : { start: range.start, end: range.end - 1 };
  if (range !== undefined && range.end <= range.start) return;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, ...window }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const data: Buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
    const lastNewline = data.lastIndexOf(newline);
    const lines: FileLine[] = lastNewline === -1 ? [] : decoder.decodeLines(data.subarray(0, lastNewline));
    pending = lastNewline + 1 < data.length ? Buffer.from(data.subarray(lastNewline + 1)) : null;
    yield { lines, bytesRead };
  }
  if (pending !== null && pending.length > 0) yield { lines: [decoder.decode(pending)], bytesRead };
}
