import { decodeWindows1252 } from './decodeWindows1252';

export interface FileLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

export interface LineDecoder {
  /** Decodes the bytes of the next line (without its LF). */
  decode(bytes: Uint8Array): FileLine;
  /** The encoding used so far: UTF-8 until a line is not valid UTF-8, then Windows-1252. */
  readonly encoding: 'utf-8' | 'windows-1252';
}

/**
 * Decodes a file line by line: strictly as UTF-8, falling back for good to Windows-1252 at the
 * first line that is not valid UTF-8 (the earlier lines were then plain ASCII, identical in both).
 * A UTF-8 BOM and a CR before the LF are removed.
 */
export function createLineDecoder(): LineDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let encoding: LineDecoder['encoding'] = 'utf-8';
  let number = 0;
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
  return {
    get encoding() {
      return encoding;
    },
    decode(bytes) {
      number += 1;
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      let text = decodeText(bytes.subarray(0, end));
      if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { number, text };
    },
  };
}
