import type Database from 'better-sqlite3';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import { beginSourceImport, type BeginSourceImportOptions, type SourceImportResult } from './beginSourceImport';
import { SourceUnreadableError } from './importTypes';
import type { StagedSourceReader } from './toStagedBatch';

export type { ImportProgress, SourceImportResult } from './beginSourceImport';

export interface ImportSourceOptions extends Omit<BeginSourceImportOptions, 'foldsDuplicates'> {
  openReader: (source: SourceConfig) => Promise<StagedSourceReader>;
}

/**
 * Imports one source from its reader (a file stream or a live directory), batch by batch; see
 * `beginSourceImport` for atomicity, idempotency and the circuit breaker. An unreadable source,
 * even half-way, changes nothing.
 */
export async function importSource(db: Database.Database, { openReader, ...options }: ImportSourceOptions): Promise<SourceImportResult> {
  let reader: StagedSourceReader;
  try {
    reader = await openReader(options.source);
  } catch (error) {
    if (!(error instanceof SourceUnreadableError)) throw error;
    const run = beginSourceImport(db, { ...options, foldsDuplicates: false });
    run.dispose();
    return run.fail(error.message);
  }
  const run = beginSourceImport(db, { ...options, foldsDuplicates: reader.foldsDuplicates, ...(reader.pull === undefined ? {} : { pull: reader.pull }) });
  try {
    for await (const batch of reader.batches()) run.stage(batch, reader.totalBytes);
    return run.finish();
  } catch (error) {
    if (error instanceof SourceUnreadableError) return run.fail(error.message);
    throw error;
  } finally {
    run.dispose();
  }
}
