import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { ImportRunResult, ImportWarningView, RejectedLineView } from '../../shared/api/sources.contract';
import type { DeskSessions } from '../agents/createDeskSessions';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { closeInterruptedImportRuns } from '../import/closeInterruptedImportRuns';
import { importSources } from '../import/importSources';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { readSourcesConfig } from './readSourcesConfig';
import { readSourcesOverview } from './readSourcesOverview';

const reportedErrors = 500;

type SourcesHandlers = Pick<DeskHandlers, 'listSources' | 'runImport' | 'listRejectedLines' | 'listImportWarnings'>;

/**
 * The Sources screen's API: what is configured and imported, run an import (progress as events).
 * Built once where the desk opens its store, it first closes the runs a dead process left
 * `running` (`closeInterruptedImportRuns`), before any import of this desk can start.
 */
export function createSourcesHandlers({
  db,
  clock,
  events,
  configPath,
  afterCommit,
  sessions,
}: {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  configPath: string;
  /** Runs once the import committed (the night desk's leaver check). */
  afterCommit?: () => void;
  /** Tells whether the caller may see the values of rejected lines and warnings. */
  sessions: DeskSessions;
}): SourcesHandlers {
  closeInterruptedImportRuns(db, clock);
  /** Rejected and dropped values are record content: only for a session allowed to import. */
  const mayReadValues = (connectionId: string): boolean => {
    try {
      sessions.requireAct(connectionId, 'sources.import');
      return true;
    } catch (error) {
      if (error instanceof DeskError) return false;
      throw error;
    }
  };
  const withoutValue = <T extends { value?: string | null }>(rows: T[], allowed: boolean): T[] => (allowed ? rows : rows.map((row) => ({ ...row, value: null })));
  return {
    listSources: () => readSourcesOverview(db, configPath),
    runImport: async ({ force, sourceIds }, context) => {
      // An import rewrites the directory every desk works from: a badge-office agent or an admin, journaled.
      const { actor } = context;
      const config = await readSourcesConfig(configPath);
      if (!config.ok) {
        throw new DeskError('PRECONDITION_FAILED', {
          fr: `La configuration des sources ${configPath} est invalide : ${config.errors.join(' ; ')}`,
          en: `The sources configuration ${configPath} is invalid: ${config.errors.join('; ')}`,
        }, { errors: config.errors });
      }
      const report = await importSources(db, { config: config.config, force, clock, ...(sourceIds === undefined ? {} : { only: sourceIds }), onProgress: (progress) => events.emit('importProgress', progress), ...(afterCommit === undefined ? {} : { afterCommit }) });
      const result: ImportRunResult = {
        ok: report.ok,
        sources: Object.fromEntries(
          Object.entries(report.sources).map(([id, { read, imported, rejected, warned, added, updated, removed, refused, refusal, runId }]) => [id, { read, imported, rejected, warned, added, updated, removed, refused, refusal, runId }]),
        ),
        errors: report.errors.slice(0, reportedErrors),
        errorCount: report.errors.length,
        warnings: report.warnings.slice(0, reportedErrors),
        warningCount: report.warnings.length,
      };
      appendJournalEntry(db, clock, {
        actor,
        action: 'sources.import',
        subject: { type: 'sources', id: configPath },
        after: { force, ok: result.ok, sources: Object.fromEntries(Object.entries(result.sources).map(([id, { runId, added, updated, removed, rejected, warned, refused }]) => [id, { runId, added, updated, removed, rejected, warned, refused }])) },
      });
      return result;
    },
    listRejectedLines: ({ runId, limit }, context) => {
      const rows = db.prepare('SELECT line, reason, field, detail, value FROM import_rejections WHERE run_id = ? ORDER BY line, id LIMIT ?').all(runId, limit) as RejectedLineView[];
      return withoutValue(rows, mayReadValues(context.connectionId));
    },
    listImportWarnings: ({ runId, limit }, context) => {
      const rows = db.prepare('SELECT line, reason, field, detail, value FROM import_warnings WHERE run_id = ? ORDER BY line, id LIMIT ?').all(runId, limit) as ImportWarningView[];
      return withoutValue(rows, mayReadValues(context.connectionId));
    },
  };
}
