import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import { openSourceReader } from './openSourceReader';
import { ParserThreadUnavailableError, readSourceInParserThread } from './readSourceInParserThread';
import { stageOnThisThread, type StagedSourceReader } from './toStagedBatch';

export interface OpenStagedReaderOptions {
  env: NodeJS.ProcessEnv;
  /** Files of at least this size are parsed on a parser thread; `Infinity` never starts one. */
  parserThreadMinBytes: number;
  /** Register extracts of at least this size are shared by two parser threads (on two cores or more). */
  splitRegisterMinBytes: number;
}

/**
 * Opens a source for the import engine: large files on a parser thread (falling back to this
 * thread if none can start; starting one costs more than parsing an HR export), a live LDAP
 * directory on this thread (its paging is network bound and needs the bind password from `env`).
 */
export async function openStagedReader(source: SourceConfig, { env, parserThreadMinBytes, splitRegisterMinBytes }: OpenStagedReaderOptions): Promise<StagedSourceReader> {
  const size = source.kind === 'ldap' ? null : await stat(source.path).then((info) => info.size, () => null);
  if (source.kind !== 'ldap' && size !== null && size >= parserThreadMinBytes) {
    try {
      const threads = source.kind === 'rpps-extract' && size >= splitRegisterMinBytes ? Math.min(2, availableParallelism()) : 1;
      return await readSourceInParserThread(source, { threads });
    } catch (error) {
      if (!(error instanceof ParserThreadUnavailableError)) throw error;
      console.warn(`Guichet import: ${error.message}; parsing ${source.id} on the main thread`);
    }
  }
  return stageOnThisThread(await openSourceReader(source, env));
}
