import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SourceEncoding } from '../sources/parseSourcesConfig';
import { SourceUnreadableError } from './importTypes';

/** How a file's bytes are decoded: `iso-8859-1` and `latin1` are the same encoding. */
export type FileEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1';

const utf8Bom = [0xef, 0xbb, 0xbf];

/** What the first bytes say: a UTF-8 BOM decides for UTF-8; a UTF-16 BOM cannot be read line by line. */
export function encodingFromBom(head: Uint8Array, path: string): 'utf-8' | null {
  if (utf8Bom.every((byte, index) => head[index] === byte)) return 'utf-8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new SourceUnreadableError(`${path} is UTF-16 (as "ldifde -u" writes it): expected UTF-8 or Windows-1252; export it again without -u`);
  }
  return null;
}

export const toFileEncoding = (declared: SourceEncoding): FileEncoding => (declared === 'latin1' ? 'iso-8859-1' : declared);

/** Evidence for a sniff: lines holding valid multi-byte UTF-8, lines that are not UTF-8. */
interface Utf8Evidence {
  utf8Lines: number;
  invalidLines: number;
}

function addEvidence(evidence: Utf8Evidence, lines: Buffer): void {
  if (isUtf8(lines)) {
    let highInLine = false;
    for (let index = 0; index < lines.length; index += 1) {
      const byte = lines[index]!;
      if (byte === 0x0a) {
        if (highInLine) evidence.utf8Lines += 1;
        highInLine = false;
      } else if (byte >= 0x80) {
        highInLine = true;
      }
    }
    if (highInLine) evidence.utf8Lines += 1;
    return;
  }
  let start = 0;
  while (start <= lines.length) {
    const end = lines.indexOf(0x0a, start);
    const line = lines.subarray(start, end === -1 ? lines.length : end);
    if (!isUtf8(line)) evidence.invalidLines += 1;
    else if (line.some((byte) => byte >= 0x80)) evidence.utf8Lines += 1;
    if (end === -1) break;
    start = end + 1;
  }
}

/** UTF-8 when no line is invalid, or when more lines hold real UTF-8 than stray bytes (those lines are then reported). */
const decide = ({ utf8Lines, invalidLines }: Utf8Evidence): FileEncoding => (invalidLines === 0 || utf8Lines > invalidLines ? 'utf-8' : 'windows-1252');

/**
 * Decides a file's encoding ONCE, before it is parsed: a BOM decides; else the declared encoding;
 * else a sniff of the whole file, line by line: UTF-8 when every line is valid UTF-8, or when
 * lines of genuine multi-byte UTF-8 outnumber invalid ones (a UTF-8 export with a stray byte, whose
 * lines are then reported by the parser); else Windows-1252. So one stray byte never switches the
 * rest of a file, silently or not. Line feeds are ASCII in both encodings, never inside a UTF-8
 * sequence, so chunks are cut there.
 */
export async function resolveSourceEncoding(path: string, declared: SourceEncoding | undefined): Promise<FileEncoding> {
  const head = Buffer.alloc(3);
  try {
    const file = await open(path, 'r');
    try {
      await file.read(head, 0, 3, 0);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new SourceUnreadableError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const fromBom = encodingFromBom(head, path);
  if (fromBom !== null) return fromBom;
  if (declared !== undefined) return toFileEncoding(declared);
  const evidence: Utf8Evidence = { utf8Lines: 0, invalidLines: 0 };
  let pending: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    const data: Buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
    const cut = data.lastIndexOf(0x0a) + 1;
    addEvidence(evidence, data.subarray(0, cut));
    pending = cut < data.length ? data.subarray(cut) : null;
  }
  if (pending !== null) addEvidence(evidence, pending);
  return decide(evidence);
}

/** `resolveSourceEncoding` for a file already in memory (the desk's first start). */
export function resolveBufferEncoding(bytes: Buffer, declared: SourceEncoding | undefined, path: string): FileEncoding {
  const fromBom = encodingFromBom(bytes, path);
  if (fromBom !== null) return fromBom;
  if (declared !== undefined) return toFileEncoding(declared);
  const evidence: Utf8Evidence = { utf8Lines: 0, invalidLines: 0 };
  addEvidence(evidence, bytes);
  return decide(evidence);
}
