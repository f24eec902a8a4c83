import type { DeskErrorCode, LocalizedText } from '../../shared/api/errors';
import type { ImportProgress, ImportReport } from '../import/importSources';
import type { PreparedDirectoryIndicators } from '../indicators/prepareDirectoryIndicators';
import type { ReconcileReport } from '../reconcile/reconcileDirectory';
import type { SourcesConfig } from '../sources/parseSourcesConfig';

/** What a job's worker thread runs, on the desk's own database file. */
export type JobRequest =
  | { kind: 'import'; config: SourcesConfig; force: boolean; only?: readonly string[] }
  | { kind: 'reconcile' }
  | { kind: 'indicators'; known?: { stamp: string; entries: [string, unknown][] } };

export interface JobWorkerData {
  request: JobRequest;
  dbPath: string;
  /** The store key as hex (null: a clear store). Structured clone copies it into the worker only. */
  keyHex: string | null;
  /** The desk clock's offset from the system clock (tests move the desk's time). */
  clockOffsetMs: number;
}

/** An error as it crosses the thread boundary: a DeskError keeps its code and both languages. */
export interface JobFailure {
  name: string;
  message: string;
  stack?: string;
  desk?: { code: DeskErrorCode; localized: LocalizedText; details?: Record<string, unknown> };
}

export type JobResult =
  | { kind: 'import'; report: ImportReport }
  | { kind: 'reconcile'; report: ReconcileReport }
  | { kind: 'indicators'; prepared: PreparedDirectoryIndicators };

/** Worker → desk thread. */
export type JobMessage = { type: 'progress'; progress: ImportProgress } | { type: 'done'; result: JobResult } | { type: 'failed'; failure: JobFailure };
