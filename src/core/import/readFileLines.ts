import { createReadStream } from 'node:fs';
import { createLineDecoder, type FileLine, type LineDecoder } from './createLineDecoder';

export type { FileLine } from './createLineDecoder';

export interface FileLineBatch {
  lines: FileLine[];
  bytesRead: number;
  encoding: LineDecoder['encoding'];
}

const newline = 0x0a;

/**
 * Streams a text file as batches of lines without ever holding it whole. Lines are split on the
 * bytes (so a multi-byte character is never cut) and decoded by `createLineDecoder`.
 */
export async function* readFileLines(path: string, { chunkBytes = 1 << 20 }: { chunkBytes?: number } = {}): AsyncGenerator<FileLineBatch> {
  const decoder = createLineDecoder();
  let pending: Buffer | null = null;
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const data: Buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
    const lastNewline = data.lastIndexOf(newline);
    const lines: FileLine[] = lastNewline === -1 ? [] : decoder.decodeLines(data.subarray(0, lastNewline));
    pending = lastNewline + 1 < data.length ? Buffer.from(data.subarray(lastNewline + 1)) : null;
    yield { lines, bytesRead, encoding: decoder.encoding };
  }
  if (pending !== null && pending.length > 0) yield { lines: [decoder.decode(pending)], bytesRead, encoding: decoder.encoding };
}
