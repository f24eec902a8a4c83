import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import { openSourceReader } from './openSourceReader';
import { ParserThreadUnavailableError, readSourceInParserThread } from './readSourceInParserThread';
import { stageOnThisThread, type StagedSourceReader } from './toStagedBatch';

export interface OpenStagedReaderOptions {
  env: NodeJS.ProcessEnv;
  /** Files of at least this size are parsed on a parser thread; `Infinity` never starts one. */
  parserThreadMinBytes: number;
  /** Parser threads sharing a register extract; by default two for 64 MB and more on four cores or more, else one. */
  registerParserThreads?: number | undefined;
  /** The other sources' names, for full names split with `nameOrder: "auto"`. */
  knownNames?: KnownNames | undefined;
  /** The watermark of a live source's last pull (SCIM delta pulls); null for a full read. */
  since?: string | null;
}

const splitRegisterMinBytes = 64 * 1024 * 1024;

/**
 * Opens a source for the import engine: large files on a parser thread (falling back to this
 * thread if none can start; starting one costs more than parsing an HR export), a live LDAP
 * directory on this thread (its paging is network bound and needs the bind password from `env`).
 */
export async function openStagedReader(source: SourceConfig, { env, parserThreadMinBytes, registerParserThreads, knownNames, since = null }: OpenStagedReaderOptions): Promise<StagedSourceReader> {
  const size = source.kind === 'ldap' || source.kind === 'scim' ? null : await stat(source.path).then((info) => info.size, () => null);
  if (source.kind !== 'ldap' && source.kind !== 'scim' && size !== null && size >= parserThreadMinBytes) {
    try {
      // Two parser threads and the store's thread need their own cores: on two cores the split
      // costs more (a second isolate, interleaved keys) than it saves.
      const threads = registerParserThreads ?? (source.kind === 'rpps-extract' && size >= splitRegisterMinBytes && availableParallelism() >= 4 ? 2 : 1);
      return await readSourceInParserThread(source, { threads, knownNames });
    } catch (error) {
      if (!(error instanceof ParserThreadUnavailableError)) throw error;
      console.warn(`Guichet import: ${error.message}; parsing ${source.id} on the main thread`);
    }
  }
  return stageOnThisThread(await openSourceReader(source, env, { ...(knownNames === undefined ? {} : { knownNames }), since }));
}
