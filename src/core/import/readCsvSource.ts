import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ParsedBatch, ParsedRecord, RejectedLine, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { decodeWindows1252 } from './decodeWindows1252';
import { mapSourceFields } from './mapSourceFields';

type CsvSourceConfig = Extract<SourceConfig, { kind: 'csv' }>;

const batchSize = 2000;

/** csv-parse only knows Node's encodings, which lack Windows-1252. */
function windows1252ToText(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decodeWindows1252(chunk));
    },
  });
}

/**
 * Reads an HR or application CSV export with csv-parse: configured delimiter, RFC 4180 quoting,
 * BOM, header line. Every mapped column and the key column must exist in the header. A row with
 * the wrong number of columns or a malformed value is rejected with its line; broken quoting makes
 * the rest of the file ambiguous, so it stops the source (nothing imported) with the line.
 */
export async function readCsvSource(source: CsvSourceConfig): Promise<SourceReader> {
  const size = await stat(source.path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${error.message}`);
  });
  return { totalBytes: size.size, foldsDuplicates: false, batches: () => parseCsv(source) };
}

async function* parseCsv(source: CsvSourceConfig): AsyncGenerator<ParsedBatch> {
  const file = createReadStream(source.path);
  const rejected: RejectedLine[] = [];
  const parser = parse({
    delimiter: source.delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const input = source.encoding === 'windows-1252' ? file.pipe(windows1252ToText()) : file;
  file.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let header: string[] | null = null;
  let columnIndex = new Map<string, number>();
  let records: ParsedRecord[] = [];
  let rowsRead = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = record.map((name) => name.trim());
        columnIndex = new Map(header.map((name, index) => [name, index]));
        const missing = [...new Set([source.key, ...Object.values(source.fields)])].filter((name) => !columnIndex.has(name));
        if (missing.length > 0) {
          throw new SourceUnreadableError(`${source.path}: expected column(s) ${missing.map((name) => `"${name}"`).join(', ')} in the header, found ${header.map((name) => `"${name}"`).join(', ')}`);
        }
        continue;
      }
      rowsRead += 1;
      if (record.length !== header.length) {
        rejected.push({ line: info.lines, reason: `expected ${header.length} columns, found ${record.length}` });
      } else {
        const mapped = mapSourceFields((name) => record[columnIndex.get(name)!], source);
        if (mapped.ok) {
          records.push({ line: info.lines, key: mapped.key, raw: Object.fromEntries(header.map((name, index) => [name, record[index]!])), attributes: mapped.attributes });
        } else {
          rejected.push({ line: info.lines, reason: mapped.reason });
        }
      }
      if (records.length + rejected.length >= batchSize) {
        yield { records, rejected: rejected.splice(0), rowsRead, bytesRead: file.bytesRead };
        records = [];
      }
    }
  } catch (error) {
    if (error instanceof SourceUnreadableError) throw error;
    throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`);
  } finally {
    file.destroy();
  }
  if (header === null) throw new SourceUnreadableError(`${source.path} is empty: expected a header line naming the columns`);
  yield { records, rejected: rejected.splice(0), rowsRead, bytesRead: file.bytesRead };
}
