import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { FileSourceConfig } from '../sources/parseSourcesConfig';
import { createCsvRowMapper, type CsvRow } from './createCsvRowMapper';
import { createLdifParser } from './createLdifParser';
import { createLineDecoder, type FileLine, type LineEncoding } from './createLineDecoder';
import { createRppsExtractParser } from './createRppsExtractParser';
import { csvParseOptions } from './csvParseOptions';
import { decodeWindows1252 } from './decodeWindows1252';
import type { LineParser, ParsedBatch } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { resolveBufferEncoding } from './resolveSourceEncoding';

function splitLines(bytes: Buffer, encoding: LineEncoding): FileLine[] {
  const decoder = createLineDecoder({ encoding });
  const lines: FileLine[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
    lines.push(decoder.decode(bytes.subarray(start, end)));
    start = end + 1;
  }
  if (start < bytes.length) lines.push(decoder.decode(bytes.subarray(start)));
  return lines;
}

function parseAll(parser: LineParser, bytes: Buffer, encoding: LineEncoding): ParsedBatch {
  const part = parser.push(splitLines(bytes, encoding));
  const last = parser.end();
  return {
    records: [...part.records, ...last.records],
    rejected: [...part.rejected, ...last.rejected],
    warnings: [...part.warnings, ...last.warnings],
    rowsRead: last.rowsRead,
    bytesRead: bytes.length,
  };
}

/**
 * Reads a small source file at once, with the same parsers and encoding rules as the streaming
 * readers, for the one place that cannot wait: the desk's first start writing and importing the
 * demo hospital.
 */
export function readSourceFileSync(source: FileSourceConfig, { knownNames }: { knownNames?: KnownNames } = {}): { batch: ParsedBatch; foldsDuplicates: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(source.path);
  } catch (error) {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`, { cause: error });
  }
  const names = knownNames === undefined ? {} : { knownNames };
  switch (source.kind) {
    case 'rpps-extract':
      return { batch: parseAll(createRppsExtractParser(source.path), bytes, source.encoding === undefined ? 'per-line' : resolveBufferEncoding(bytes, source.encoding, source.path)), foldsDuplicates: true };
    case 'ldif':
      return { batch: parseAll(createLdifParser(source, names), bytes, resolveBufferEncoding(bytes, source.encoding, source.path)), foldsDuplicates: false };
    case 'csv': {
      const encoding = resolveBufferEncoding(bytes, source.encoding, source.path);
      const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : bytes.toString(encoding === 'utf-8' ? 'utf8' : 'latin1');
      const mapper = createCsvRowMapper(source, names);
      let rows: CsvRow[];
      try {
        rows = parse(text, csvParseOptions(source)) as unknown as CsvRow[];
      } catch (error) {
        throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`, { cause: error });
      }
      const part = mapper.push(rows);
      return { batch: { ...part, rowsRead: mapper.end().rowsRead, bytesRead: bytes.length }, foldsDuplicates: false };
    }
  }
}
