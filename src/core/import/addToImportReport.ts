import type { ImportRejectionCode, ImportWarningCode } from '../../shared/directory/importProblems';
import type { SourceImportResult } from './beginSourceImport';

/** One problem of an import: a rejected line (a code), or (line 0) why a whole source was refused (a sentence). */
export interface ImportError {
  source: string;
  line: number;
  reason: ImportRejectionCode | string;
  field?: string;
  detail?: string;
  /** The offending value (record content), apart from the reason. */
  value?: string;
}

/** A value dropped from a record that was kept. */
export interface ImportReportWarning {
  source: string;
  line: number;
  field: string;
  reason: ImportWarningCode;
  detail?: string;
  value?: string;
}

export interface ImportReport {
  sources: Record<string, SourceImportResult>;
  errors: ImportError[];
  warnings: ImportReportWarning[];
  /** False when a source was refused (unreadable, empty, circuit breaker): the CLI exits non-zero. */
  ok: boolean;
}

/** Adds a source's result, its rejected lines, its warnings and its refusal (as line 0) to the report. */
export function addToImportReport(report: ImportReport, result: SourceImportResult): void {
  report.sources[result.sourceId] = result;
  for (const rejection of result.rejections) report.errors.push({ source: result.sourceId, ...rejection });
  for (const warning of result.warnings) report.warnings.push({ source: result.sourceId, ...warning });
  if (result.refused) {
    report.ok = false;
    report.errors.push({ source: result.sourceId, line: 0, reason: result.refusal! });
  }
}
