import type { Worker } from 'node:worker_threads';
import { startThread, threadScriptBeside } from './startThread';
import { DeskError } from '../../shared/api/errors';
import type { ImportProgress } from '../import/importSources';
import type { JobFailure, JobMessage, JobResult, JobWorkerData } from './jobProtocol';

export interface StartJobWorkerOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** The worker's script (tests); default: `runJobWorker` next to this module or the main bundle. */
  entry?: URL;
}

export interface JobWorker {
  /** Resolves with the job's result; rejects with the job's error (a DeskError stays one). */
  result: Promise<JobResult>;
  threadId: number;
}

const jobWorkerEntry = (): URL => threadScriptBeside(import.meta.url, 'runJobWorker');

/**
 * Imports and reconciliations allocate short-lived objects by the gigabyte: a young generation of
 * 192 MB (V8's default is a few tens) spares most promotions and old-generation collections. At
 * scale 1 the reconciliation spent 16 % of its time collecting garbage; measured on the kept
 * scale-1 store, 192 MB cut its time by about a sixth and its peak RSS (README, reconcile bench).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 192 };

const spawn = (entryUrl: URL, workerData: JobWorkerData): Worker => startThread(entryUrl, { workerData, resourceLimits });

function fromFailure(failure: JobFailure): Error {
  if (failure.desk !== undefined) return new DeskError(failure.desk.code, failure.desk.localized, failure.desk.details);
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

/**
 * Starts a long job (import, reconciliation) on a worker thread and follows it: progress as it
 * comes, then the result or the error. A thread that dies without answering rejects the result.
 */
export function startJobWorker(workerData: JobWorkerData, { onProgress, entry = jobWorkerEntry() }: StartJobWorkerOptions = {}): JobWorker {
  const worker = spawn(entry, workerData);
  const result = new Promise<JobResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: JobMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      settled = true;
      if (message.type === 'done') resolve(message.result);
      else reject(fromFailure(message.failure));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      reject(new DeskError('INTERNAL', {
        fr: `La tâche de fond (${workerData.request.kind}) s’est arrêtée sans résultat (code ${code}) : rien n’a été validé à moitié, relancez-la.`,
        en: `The background job (${workerData.request.kind}) stopped without a result (exit code ${code}): nothing was half-committed, run it again.`,
      }, { exitCode: code }));
    });
  });
  return { result, threadId: worker.threadId };
}
