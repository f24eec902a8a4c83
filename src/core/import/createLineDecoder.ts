import { isUtf8 } from 'node:buffer';
import { decodeWindows1252 } from './decodeWindows1252';

export interface FileLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

export interface LineDecoder {
  /** Decodes the bytes of the next line (without its LF). */
  decode(bytes: Uint8Array): FileLine;
  /** Decodes the next lines: `bytes` holds whole lines separated by LF, without the last LF. */
  decodeLines(bytes: Buffer): FileLine[];
  /** The encoding used so far: UTF-8 until a line is not valid UTF-8, then Windows-1252. */
  readonly encoding: 'utf-8' | 'windows-1252';
}

/**
 * Decodes a file line by line: strictly as UTF-8, falling back for good to Windows-1252 at the
 * first line that is not valid UTF-8 (the earlier lines were then plain ASCII, identical in both).
 * A UTF-8 BOM and a CR before the LF are removed.
 */
export function createLineDecoder({ firstLineNumber = 1 }: { firstLineNumber?: number } = {}): LineDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let encoding: LineDecoder['encoding'] = 'utf-8';
  let number = firstLineNumber - 1;
  const decodeText = (bytes: Uint8Array): string => {
    if (encoding === 'utf-8') {
      try {
        return utf8.decode(bytes);
      } catch {
        encoding = 'windows-1252';
      }
    }
    return decodeWindows1252(bytes);
  };
  const lineOf = (text: string): FileLine => {
    number += 1;
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number, text };
  };
  const decode = (bytes: Uint8Array): FileLine => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return lineOf(decodeText(bytes.subarray(0, end)));
  };
  return {
    get encoding() {
      return encoding;
    },
    decode,
    decodeLines(bytes) {
      // A valid UTF-8 block is decoded at once: one decoder call per line costs more than parsing it.
      if (encoding === 'utf-8' && isUtf8(bytes)) return bytes.toString('utf8').split('\n').map(lineOf);
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
