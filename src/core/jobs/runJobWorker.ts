import { parentPort, workerData } from 'node:worker_threads';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { importSources } from '../import/importSources';
import { prepareDirectoryIndicators } from '../indicators/prepareDirectoryIndicators';
import { reconcileDirectory } from '../reconcile/reconcileDirectory';
import { openDatabase } from '../store/openDatabase';
import type { JobFailure, JobMessage, JobResult, JobWorkerData } from './jobProtocol';

/**
 * A long job's thread: opens the desk's database file (same key, its own connection, WAL lets the
 * desk keep reading) and runs the existing import or reconciliation there, so the desk's thread
 * keeps answering calls and card events. Progress goes back as messages.
 */
const port = parentPort!;
const { request, dbPath, keyHex, clockOffsetMs } = workerData as JobWorkerData;
const clock: Clock = { now: () => new Date(Date.now() + clockOffsetMs) };
const send = (message: JobMessage): void => port.postMessage(message);

function toFailure(error: unknown): JobFailure {
  if (error instanceof DeskError) {
    return { name: error.name, message: error.message, desk: { code: error.code, localized: error.localized, ...(error.details === undefined ? {} : { details: error.details }) } };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { name: 'Error', message: String(error) };
}

async function run(): Promise<JobResult> {
  const db = openDatabase({ path: dbPath, key: keyHex === null ? null : Buffer.from(keyHex, 'hex') });
  try {
    if (request.kind === 'import') {
      const report = await importSources(db, {
        config: request.config,
        force: request.force,
        clock,
        ...(request.only === undefined ? {} : { only: request.only }),
        onProgress: (progress) => send({ type: 'progress', progress }),
      });
      return { kind: 'import', report };
    }
    if (request.kind === 'indicators') return { kind: 'indicators', prepared: prepareDirectoryIndicators(db, { clock, known: request.known }) };
    return { kind: 'reconcile', report: reconcileDirectory(db, { clock }).report };
  } finally {
    db.close();
  }
}

try {
  send({ type: 'done', result: await run() });
} catch (error) {
  send({ type: 'failed', failure: toFailure(error) });
} finally {
  port.close();
}
