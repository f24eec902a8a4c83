import type Database from 'better-sqlite3';
import type { ImportProgress } from '../import/importSources';
import type { Clock } from '../clock';
import { storeKeyOf } from '../store/storeKeyOf';
import type { JobRequest, JobResult } from './jobProtocol';
import { startJobWorker } from './startJobWorker';

/**
 * Runs one job on a worker thread with its own connection to the desk's database file (same key,
 * the desk's clock) and returns its result, checked to be of the kind asked for.
 */
export async function runStoreJob<K extends JobRequest['kind']>(
  db: Database.Database,
  request: Extract<JobRequest, { kind: K }>,
  { clock, entry, onProgress }: { clock: Clock; entry?: URL | undefined; onProgress?: ((progress: ImportProgress) => void) | undefined },
): Promise<Extract<JobResult, { kind: K }>> {
  const key = storeKeyOf(db);
  const job = startJobWorker(
    { request, dbPath: db.name, keyHex: key === null ? null : key.toString('hex'), clockOffsetMs: clock.now().getTime() - Date.now() },
    { ...(onProgress === undefined ? {} : { onProgress }), ...(entry === undefined ? {} : { entry }) },
  );
  const result = await job.result;
  if (result.kind !== request.kind) throw new Error(`The ${request.kind} job answered with a ${result.kind} result`);
  return result as Extract<JobResult, { kind: K }>;
}
