import { stat } from 'node:fs/promises';
import type { KnownNames } from '../../shared/directory/splitFullName';
import { createLdifParser, type LdifSourceConfig } from './createLdifParser';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { readFileLines } from './readFileLines';
import { resolveSourceEncoding, type FileEncoding } from './resolveSourceEncoding';

/** Streams an LDIF export through `createLdifParser`, in the encoding decided before parsing (declared, BOM, else sniffed). */
export async function readLdifSource(source: LdifSourceConfig, { knownNames }: { knownNames?: KnownNames } = {}): Promise<SourceReader> {
  const size = await stat(source.path).catch((error: Error) => {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${error.message}`);
  });
  const encoding = await resolveSourceEncoding(source.path, source.encoding);
  return { totalBytes: size.size, foldsDuplicates: false, batches: () => parseLdif(source, encoding, knownNames) };
}

async function* parseLdif(source: LdifSourceConfig, encoding: FileEncoding, knownNames: KnownNames | undefined): AsyncGenerator<ParsedBatch> {
  const parser = createLdifParser(source, knownNames === undefined ? {} : { knownNames });
  let bytesRead = 0;
  try {
    for await (const batch of readFileLines(source.path, { encoding })) {
      bytesRead = batch.bytesRead;
      yield { ...parser.push(batch.lines), bytesRead };
    }
  } catch (error) {
    throw new SourceUnreadableError(`cannot read ${source.path}: ${(error as Error).message}`, { cause: error });
  }
  yield { ...parser.end(), bytesRead };
}
