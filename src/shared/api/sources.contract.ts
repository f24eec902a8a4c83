import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';

export type SourceKind = 'rpps-extract' | 'csv' | 'ldif' | 'ldap';
export type ImportRunStatus = 'running' | 'succeeded' | 'failed' | 'held';

export interface ImportCounts {
  read: number;
  imported: number;
  rejected: number;
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
  /** Rejected lines and refusals (line 0); the first 500, `errorCount` says how many in all. */
  errors: { source: string; line: number; reason: string }[];
  errorCount: number;
}

export interface RejectedLineView {
  line: number;
  reason: string;
}

export interface ImportProgressEvent {
  sourceId: string;
  phase: 'reading' | 'applying' | 'done';
  rows: number;
  rowsPerSecond: number;
  percent: number | null;
}

export const sourcesMethods = {
  listSources: defineMethod<SourcesOverview>()(z.object({}).strict(), { access: 'public' }),
  runImport: defineMethod<ImportRunResult>()(
    z.object({ force: z.boolean().default(false), sourceIds: z.array(z.string().min(1).max(32)).max(50).optional() }).strict(),
    { access: 'sources.import' },
  ),
  listRejectedLines: defineMethod<RejectedLineView[]>()(
    z.object({ runId: z.number().int().positive(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    { access: 'public' },
  ),
};

export const sourcesEvents = {
  importProgress: defineEvent<ImportProgressEvent>(),
};
