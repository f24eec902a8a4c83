import { stat } from 'node:fs/promises';
import { createRppsExtractParser } from './createRppsExtractParser';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { readFileLines } from './readFileLines';

/** Streams an Annuaire Santé extract through `createRppsExtractParser` (never held whole). */
export async function readRppsExtract(path: string): Promise<SourceReader> {
  const size = await stat(path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${path}: ${error.message}`);
  });
  return { totalBytes: size.size, foldsDuplicates: true, batches: () => parseExtract(path) };
}

async function* parseExtract(path: string): AsyncGenerator<ParsedBatch> {
  const parser = createRppsExtractParser(path);
  let bytesRead = 0;
  try {
    for await (const batch of readFileLines(path)) {
      bytesRead = batch.bytesRead;
      yield { ...parser.push(batch.lines), bytesRead };
    }
  } catch (error) {
    if (error instanceof SourceUnreadableError) throw error;
    throw new SourceUnreadableError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  yield { ...parser.end(), bytesRead };
}
