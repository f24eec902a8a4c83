import { isUtf8 } from 'node:buffer';
import { decodeWindows1252 } from './decodeWindows1252';
import type { FileEncoding } from './resolveSourceEncoding';

export interface FileLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  /** Set when the line's bytes are not valid in the file's encoding (UTF-8): its text holds U+FFFD where they were. */
  undecodable?: true;
}

/**
 * A file's decided encoding, or `per-line` (a register extract whose encoding is not declared):
 * each line is UTF-8 when it is valid UTF-8, else Windows-1252 — decided for that line only, so a
 * stray byte never changes how the following lines read.
 */
export type LineEncoding = FileEncoding | 'per-line';

export interface LineDecoder {
  /** Decodes the bytes of the next line (without its LF). */
  decode(bytes: Uint8Array): FileLine;
  /** Decodes the next lines: `bytes` holds whole lines separated by LF, without the last LF. */
  decodeLines(bytes: Buffer): FileLine[];
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Decodes a file line by line in ONE encoding decided before (see `resolveSourceEncoding`): a
 * line that is not valid UTF-8 in a UTF-8 file is flagged `undecodable` for its parser to report,
 * never a reason to read the rest of the file otherwise. A UTF-8 BOM and a CR before the LF are
 * removed.
 */
export function createLineDecoder({ firstLineNumber = 1, encoding = 'per-line' }: { firstLineNumber?: number; encoding?: LineEncoding } = {}): LineDecoder {
  let number = firstLineNumber - 1;
  const lineOf = (text: string): FileLine => {
    number += 1;
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number, text };
  };
  const decode = (bytes: Uint8Array): FileLine => {
    const buffer = asBuffer(bytes);
    switch (encoding) {
      case 'windows-1252':
        return lineOf(decodeWindows1252(buffer));
      case 'iso-8859-1':
        return lineOf(buffer.toString('latin1'));
      case 'per-line':
        return lineOf(isUtf8(buffer) ? buffer.toString('utf8') : decodeWindows1252(buffer));
      case 'utf-8': {
        const line = lineOf(buffer.toString('utf8'));
        if (!isUtf8(buffer)) line.undecodable = true;
        return line;
      }
    }
  };
  return {
    decode,
    decodeLines(bytes) {
      // A block is decoded at once when it can be: one decoder call per line costs more than parsing it.
      if (encoding === 'windows-1252') return decodeWindows1252(bytes).split('\n').map(lineOf);
      if (encoding === 'iso-8859-1') return bytes.toString('latin1').split('\n').map(lineOf);
      if (isUtf8(bytes)) return bytes.toString('utf8').split('\n').map(lineOf);
      const lines: FileLine[] = [];
      let start = 0;
      for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
        lines.push(decode(bytes.subarray(start, end)));
        start = end + 1;
      }
      lines.push(decode(bytes.subarray(start)));
      return lines;
    },
  };
}
