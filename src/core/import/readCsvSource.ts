import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { KnownNames } from '../../shared/directory/splitFullName';
import { createCsvRowMapper, type CsvRow, type CsvSourceConfig } from './createCsvRowMapper';
import { csvParseOptions } from './csvParseOptions';
import { decodeWindows1252 } from './decodeWindows1252';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { resolveSourceEncoding, type FileEncoding } from './resolveSourceEncoding';

const batchSize = 2000;

/** csv-parse only knows Node's encodings, which lack Windows-1252; both single-byte decoders are safe at any chunk boundary. */
function singleByteToText(encoding: 'windows-1252' | 'iso-8859-1'): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, encoding === 'windows-1252' ? decodeWindows1252(chunk) : chunk.toString('latin1'));
    },
  });
}

/**
 * Streams an HR or application CSV export through csv-parse (configured delimiter, RFC 4180
 * quoting, BOM) and `createCsvRowMapper`, in the encoding decided before parsing (declared, BOM,
 * else sniffed over the whole file). Broken quoting makes the rest of the file ambiguous, so it
 * stops the source (nothing imported) and names the line.
 */
export async function readCsvSource(source: CsvSourceConfig, { knownNames }: { knownNames?: KnownNames } = {}): Promise<SourceReader> {
  const size = await stat(source.path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${error.message}`);
  });
  const encoding = await resolveSourceEncoding(source.path, source.encoding);
  return { totalBytes: size.size, foldsDuplicates: false, batches: () => parseCsv(source, encoding, knownNames) };
}

async function* parseCsv(source: CsvSourceConfig, encoding: FileEncoding, knownNames: KnownNames | undefined): AsyncGenerator<ParsedBatch> {
  const file = createReadStream(source.path);
  const parser = parse(csvParseOptions(source));
  // A UTF-8 file is decoded by csv-parse: invalid bytes become U+FFFD, which the mapper reports per field.
  const input = encoding === 'utf-8' ? file : file.pipe(singleByteToText(encoding));
  file.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const mapper = createCsvRowMapper(source, knownNames === undefined ? {} : { knownNames });
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
