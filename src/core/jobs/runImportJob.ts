import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { importSources, type ImportProgress, type ImportReport } from '../import/importSources';
import type { SourcesConfig } from '../sources/parseSourcesConfig';
import { runStoreJob } from './runStoreJob';

export interface RunImportJobOptions {
  config: SourcesConfig;
  force: boolean;
  clock: Clock;
  only?: readonly string[];
  onProgress?: (progress: ImportProgress) => void;
  /** The worker's script (tests). */
  entry?: URL;
}

/** Database files with an import under way on a job thread (each thread has its own connection). */
const runningFiles = new Set<string>();

/**
 * Imports the sources off the desk's thread: on a worker thread with its own connection to the
 * same database file (and key), so the desk keeps answering during a register import. An
 * in-memory database (tests) cannot be shared with a thread: the import runs here.
 */
export async function runImportJob(db: Database.Database, { config, force, clock, only, onProgress, entry }: RunImportJobOptions): Promise<ImportReport> {
  if (db.memory) return importSources(db, { config, force, clock, ...(only === undefined ? {} : { only }), ...(onProgress === undefined ? {} : { onProgress }) });
  if (runningFiles.has(db.name)) throw new DeskError('CONFLICT', { fr: 'Un import est déjà en cours.', en: 'An import is already running.' });
  runningFiles.add(db.name);
  try {
    const result = await runStoreJob(db, { kind: 'import', config, force, ...(only === undefined ? {} : { only }) }, { clock, onProgress, entry });
    return result.report;
  } finally {
    runningFiles.delete(db.name);
  }
}
