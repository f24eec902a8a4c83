import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { createCsvRowMapper, type CsvRow, type CsvSourceConfig } from './createCsvRowMapper';
import { csvParseOptions } from './csvParseOptions';
import { decodeWindows1252 } from './decodeWindows1252';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';

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
 * Streams an HR or application CSV export through csv-parse (configured delimiter, RFC 4180
 * quoting, BOM) and `createCsvRowMapper`. Broken quoting makes the rest of the file ambiguous, so
 * it stops the source (nothing imported) and names the line.
 */
export async function readCsvSource(source: CsvSourceConfig): Promise<SourceReader> {
  const size = await stat(source.path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${error.message}`);
  });
  return { totalBytes: size.size, foldsDuplicates: false, batches: () => parseCsv(source) };
}

async function* parseCsv(source: CsvSourceConfig): AsyncGenerator<ParsedBatch> {
  const file = createReadStream(source.path);
  const parser = parse(csvParseOptions(source));
  const input = source.encoding === 'windows-1252' ? file.pipe(windows1252ToText()) : file;
  file.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const mapper = createCsvRowMapper(source);
  let rows: CsvRow[] = [];
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) {
      rows.push(row);
      if (rows.length >= batchSize) {
        yield { ...mapper.push(rows), bytesRead: file.bytesRead };
        rows = [];
      }
    }
  } catch (error) {
    if (error instanceof SourceUnreadableError) throw error;
    throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`, { cause: error });
  } finally {
    file.destroy();
  }
  yield { ...mapper.push(rows), bytesRead: file.bytesRead };
  yield { ...mapper.end(), bytesRead: file.bytesRead };
}
