import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';
import type { ImportRejectionCode, ImportWarningCode } from '../directory/importProblems';

export type SourceKind = 'rpps-extract' | 'csv' | 'ldif' | 'ldap' | 'scim';
/** `interrupted`: the process died during the run (closed at the next start). */
export type ImportRunStatus = 'running' | 'succeeded' | 'failed' | 'held' | 'interrupted';

export interface ImportCounts {
  read: number;
  imported: number;
  rejected: number;
  /** Values dropped from records that were kept (a warning each). */
  warned: number;
  added: number;
  updated: number;
  removed: number;
}

export interface ImportRunView extends ImportCounts {
  runId: number;
  status: ImportRunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** Why the run changed nothing (unreadable, empty, circuit breaker). */
  error: string | null;
}

export interface SourceView {
  id: string;
  kind: SourceKind;
  role: 'register' | 'hr' | 'directory' | 'application';
  label: string;
  /** Records currently present in this source. */
  recordCount: number;
  lastRun: ImportRunView | null;
}

export interface SourcesOverview {
  /** The sources configuration the desk imports from. */
  configPath: string;
  /** Problems of that file (missing, invalid): an import cannot run until they are fixed. */
  configErrors: string[];
  sources: SourceView[];
}

export interface ImportRunResult {
  ok: boolean;
  sources: Record<string, ImportCounts & { refused: boolean; refusal: string | null; runId: number }>;
  /** Rejected lines (`reason` a code) and refusals (line 0, a sentence); the first 500, `errorCount` says how many in all. */
  errors: ({ source: string } & RejectedLineView)[];
  errorCount: number;
  /** Values dropped from kept records; the first 500, `warningCount` says how many in all. */
  warnings: ({ source: string } & ImportWarningView)[];
  warningCount: number;
}

/**
 * A line that could not become a record. `reason` is a code (`ImportRejectionCode`; older runs
 * kept a sentence); `value` is the record's content, apart from the reason.
 */
export interface RejectedLineView {
  line: number;
  reason: ImportRejectionCode | string;
  field?: string | null;
  detail?: string | null;
  value?: string | null;
}

/** A value dropped from a kept record (`value`: what was read, apart from the reason). */
export interface ImportWarningView {
  line: number;
  reason: ImportWarningCode;
  field: string;
  detail?: string | null;
  value?: string | null;
}

export interface ImportProgressEvent {
  sourceId: string;
  phase: 'reading' | 'applying' | 'done';
  rows: number;
  rowsPerSecond: number;
  percent: number | null;
}

export const sourcesMethods = {
  listSources: defineMethod<SourcesOverview>()(z.object({}).strict(), { access: 'directory.read' }),
  runImport: defineMethod<ImportRunResult>()(
    z.object({ force: z.boolean().default(false), sourceIds: z.array(z.string().min(1).max(32)).max(50).optional() }).strict(),
    { access: 'sources.import' },
  ),
  // The values read are record content: only for a session allowed to import, each read journaled.
  listRejectedLines: defineMethod<RejectedLineView[]>()(
    z.object({ runId: z.number().int().positive(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    { access: 'sources.import', personalData: true },
  ),
  listImportWarnings: defineMethod<ImportWarningView[]>()(
    z.object({ runId: z.number().int().positive(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    { access: 'sources.import', personalData: true },
  ),
};

export const sourcesEvents = {
  importProgress: defineEvent<ImportProgressEvent>(),
};
