import { stat } from 'node:fs/promises';
import { createLdifParser, type LdifSourceConfig } from './createLdifParser';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { readFileLines } from './readFileLines';

/** Streams an LDIF export through `createLdifParser`. */
export async function readLdifSource(source: LdifSourceConfig): Promise<SourceReader> {
  const size = await stat(source.path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${error.message}`);
  });
  return { totalBytes: size.size, foldsDuplicates: false, batches: () => parseLdif(source) };
}

async function* parseLdif(source: LdifSourceConfig): AsyncGenerator<ParsedBatch> {
  const parser = createLdifParser(source);
  let bytesRead = 0;
  try {
    for await (const batch of readFileLines(source.path)) {
      bytesRead = batch.bytesRead;
      yield { ...parser.push(batch.lines), bytesRead };
    }
  } catch (error) {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`, { cause: error });
  }
  yield { ...parser.end(), bytesRead };
}
