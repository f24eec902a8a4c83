import { createReadStream } from 'node:fs';
import { decodeWindows1252 } from './decodeWindows1252';

export interface FileLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

export interface FileLineBatch {
  lines: FileLine[];
  bytesRead: number;
  /** The encoding used so far: UTF-8 until a line is not valid UTF-8, then Windows-1252. */
  encoding: 'utf-8' | 'windows-1252';
}

const newline = 0x0a;

/**
 * Streams a text file as batches of lines without ever holding it whole. Lines are split on the
 * bytes (so a multi-byte character is never cut) and decoded one by one: strictly as UTF-8, falling
 * back for good to Windows-1252 at the first line that is not valid UTF-8 (the earlier lines were
 * then plain ASCII, identical in both). A UTF-8 BOM and CR before LF are removed.
 */
export async function* readFileLines(path: string, { chunkBytes = 1 << 20 }: { chunkBytes?: number } = {}): AsyncGenerator<FileLineBatch> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let encoding: FileLineBatch['encoding'] = 'utf-8';
  let pending: Buffer | null = null;
  let lineNumber = 0;
  let bytesRead = 0;

  const decode = (bytes: Uint8Array): string => {
    if (encoding === 'utf-8') {
      try {
        return utf8.decode(bytes);
      } catch {
        encoding = 'windows-1252';
      }
    }
    return decodeWindows1252(bytes);
  };
  const toLine = (bytes: Buffer): FileLine => {
    lineNumber += 1;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    let text = decode(bytes.subarray(0, end));
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number: lineNumber, text };
  };

  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const data: Buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
    const lines: FileLine[] = [];
    let start = 0;
    for (let end = data.indexOf(newline, start); end !== -1; end = data.indexOf(newline, start)) {
      lines.push(toLine(data.subarray(start, end)));
      start = end + 1;
    }
    pending = start < data.length ? Buffer.from(data.subarray(start)) : null;
    yield { lines, bytesRead, encoding };
  }
  if (pending !== null && pending.length > 0) yield { lines: [toLine(pending)], bytesRead, encoding };
}
