import { open, stat } from 'node:fs/promises';
import { createRppsExtractParser } from './createRppsExtractParser';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import type { LineEncoding } from './createLineDecoder';
import { readFileLines, type FileLineRange } from './readFileLines';
import { resolveSourceEncoding } from './resolveSourceEncoding';
import type { SourceEncoding } from '../sources/parseSourcesConfig';

/** Bytes `[start, end)` of the extract; `start` and `end` fall right after a line feed (or at the ends). */
export interface ExtractRange {
  start: number;
  end: number;
}

/**
 * Streams an Annuaire Santé extract through `createRppsExtractParser` (never held whole). With a
 * `range`, only that share of the file's lines (a parser thread's half), numbered as in the file.
 * A declared encoding (or a BOM) holds for the whole file; undeclared, each line is decided alone
 * (valid UTF-8, else Windows-1252): a whole-file sniff would read the 2 M-row extract twice.
 */
export async function readRppsExtract(path: string, { range, encoding: declared }: { range?: ExtractRange; encoding?: SourceEncoding | undefined } = {}): Promise<SourceReader> {
  const size = await stat(path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${path}: ${error.message}`);
  });
  const encoding: LineEncoding = declared === undefined ? 'per-line' : await resolveSourceEncoding(path, declared);
  return { totalBytes: range === undefined ? size.size : range.end - range.start, foldsDuplicates: true, batches: () => parseExtract(path, range, encoding) };
}

async function* parseExtract(path: string, share: ExtractRange | undefined, encoding: LineEncoding): AsyncGenerator<ParsedBatch> {
  const parser = createRppsExtractParser(path);
  let bytesRead = 0;
  try {
    let range: FileLineRange | undefined;
    if (share !== undefined && share.start > 0) {
      // A later share: the header comes from the top of the file, line numbers from the lines before.
      const { header, linesBefore } = await readHeaderAndCountLines(path, share.start);
      parser.push([{ number: 1, text: header }]);
      range = { ...share, firstLineNumber: linesBefore + 1 };
    } else if (share !== undefined) {
      range = { ...share, firstLineNumber: 1 };
    }
    for await (const batch of readFileLines(path, range === undefined ? { encoding } : { range, encoding })) {
      bytesRead = batch.bytesRead;
      yield { ...parser.push(batch.lines), bytesRead };
    }
  } catch (error) {
    if (error instanceof SourceUnreadableError) throw error;
    throw new SourceUnreadableError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  yield { ...parser.end(), bytesRead };
}

/** The first line (BOM and CR removed) and the number of line feeds before `offset`. */
async function readHeaderAndCountLines(path: string, offset: number): Promise<{ header: string; linesBefore: number }> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let header: string | null = null;
    let linesBefore = 0;
    for (let position = 0; position < offset; ) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, offset - position), position);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      if (header === null) {
        const end = bytes.indexOf(0x0a);
        header = bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '');
      }
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) linesBefore += 1;
      position += bytesRead;
    }
    return { header: header ?? '', linesBefore };
  } finally {
    await file.close();
  }
}

/** Splits an extract in two shares at the line feed nearest its middle (or keeps it whole when small). */
export async function splitExtract(path: string, shares: number): Promise<ExtractRange[]> {
  const { size } = await stat(path);
  if (shares < 2) return [{ start: 0, end: size }];
  const file = await open(path, 'r');
  try {
    const cuts = [0];
    const probe = Buffer.alloc(64 * 1024);
    for (let share = 1; share < shares; share += 1) {
      const from = Math.floor((size * share) / shares);
      const { bytesRead } = await file.read(probe, 0, probe.length, from);
      const newline = probe.subarray(0, bytesRead).indexOf(0x0a);
      if (newline !== -1 && from + newline + 1 > cuts.at(-1)!) cuts.push(from + newline + 1);
    }
    cuts.push(size);
    return cuts.slice(1).map((end, index) => ({ start: cuts[index]!, end }));
  } finally {
    await file.close();
  }
}
