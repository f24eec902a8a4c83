import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { ImportRunResult, RejectedLineView } from '../../shared/api/sources.contract';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import { importSources } from '../import/importSources';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import { readSourcesConfig } from './readSourcesConfig';
import { readSourcesOverview } from './readSourcesOverview';

const reportedErrors = 500;

type SourcesHandlers = Pick<DeskHandlers, 'listSources' | 'runImport' | 'listRejectedLines'>;

/** The Sources screen's API: what is configured and imported, run an import (progress as events). */
export function createSourcesHandlers({
  db,
  clock,
  events,
  configPath,
  afterCommit,
}: {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  configPath: string;
  /** Runs once the import committed (the night desk's leaver check). */
  afterCommit?: () => void;
}): SourcesHandlers {
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
          Object.entries(report.sources).map(([id, { read, imported, rejected, added, updated, removed, refused, refusal, runId }]) => [id, { read, imported, rejected, added, updated, removed, refused, refusal, runId }]),
        ),
        errors: report.errors.slice(0, reportedErrors),
        errorCount: report.errors.length,
      };
      appendJournalEntry(db, clock, {
        actor,
        action: 'sources.import',
        subject: { type: 'sources', id: configPath },
        after: { force, ok: result.ok, sources: Object.fromEntries(Object.entries(result.sources).map(([id, { runId, added, updated, removed, rejected, refused }]) => [id, { runId, added, updated, removed, rejected, refused }])) },
      });
      return result;
    },
    listRejectedLines: ({ runId, limit }) => {
      return db.prepare('SELECT line, reason FROM import_rejections WHERE run_id = ? ORDER BY line LIMIT ?').all(runId, limit) as RejectedLineView[];
    },
  };
}
