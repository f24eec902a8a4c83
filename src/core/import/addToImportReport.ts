import type { SourceImportResult } from './beginSourceImport';

/** One problem of an import: a rejected line, or (line 0) why a whole source was refused. */
export interface ImportError {
  source: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  sources: Record<string, SourceImportResult>;
  errors: ImportError[];
  /** False when a source was refused (unreadable, empty, circuit breaker): the CLI exits non-zero. */
  ok: boolean;
}

/** Adds a source's result, its rejected lines and its refusal (as line 0) to the report. */
export function addToImportReport(report: ImportReport, result: SourceImportResult): void {
  report.sources[result.sourceId] = result;
  for (const rejection of result.rejections) report.errors.push({ source: result.sourceId, ...rejection });
  if (result.refused) {
    report.ok = false;
    report.errors.push({ source: result.sourceId, line: 0, reason: result.refusal! });
  }
}
