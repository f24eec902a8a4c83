import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { systemClock, type Clock } from '../clock';
import type { SourceConfig, SourcesConfig } from '../sources/parseSourcesConfig';
import { readKnownNames, splitsFullNamesByKnownNames } from './readKnownNames';
import { sourceConfigHash } from './beginSourceImport';
import { importSource, type ImportProgress, type SourceImportResult } from './importSource';
import { openStagedReader } from './openStagedReader';
import { addToImportReport, type ImportReport } from './addToImportReport';
import { saveEstablishment } from './saveEstablishment';

export type { ImportProgress, SourceImportResult } from './importSource';
export type { ImportError, ImportReport, ImportReportWarning } from './addToImportReport';


export interface ImportSourcesOptions {
  config: SourcesConfig;
  /** Apply even when the circuit breaker would refuse (empty source, too many removals). */
  force?: boolean;
  /** Pull live sources (SCIM) in full even when a delta would do (CLI `--full`). */
  fullPull?: boolean;
  clock?: Clock;
  onProgress?: (progress: ImportProgress) => void;
  /** Only these source ids (default: all, in configuration order). */
  only?: readonly string[];
  /** Where the LDAP bind passwords are read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * Called once, AFTER every source has been imported and its transaction committed, with the
   * sources that changed the store (refused ones excluded). Read what changed in each run with
   * `SELECT … FROM source_records WHERE change_run_id = result.runId` (`change` says added,
   * updated or removed). It runs outside the import transactions: its failure rejects the promise
   * but does not undo the import.
   */
  /** Files of at least this size are parsed on a parser thread (default 8 MB; `Infinity`: never). */
  parserThreadMinBytes?: number;
  /** Parser threads sharing a register extract (default: two for 64 MB and more on four cores or more, else one). */
  registerParserThreads?: number;
  afterCommit?: (committed: SourceImportResult[], db: Database.Database) => void | Promise<void>;
}

const runningImports = new WeakSet<Database.Database>();

/**
 * Imports the configured sources one after the other; each source is atomic (see `importSource`),
 * so a refused or unreadable source leaves its records as they were while the others go through.
 * Records the establishment (name, FINESS) in the settings for reconciliation.
 */
export async function importSources(db: Database.Database, { config, force = false, fullPull = false, clock = systemClock, onProgress, only, env = process.env, parserThreadMinBytes = 8 * 1024 * 1024, registerParserThreads, afterCommit }: ImportSourcesOptions): Promise<ImportReport> {
  if (runningImports.has(db)) {
    throw new DeskError('CONFLICT', { fr: 'Un import est déjà en cours.', en: 'An import is already running.' });
  }
  const unknown = (only ?? []).filter((id) => !config.sources.some((source) => source.id === id));
  if (unknown.length > 0) {
    throw new DeskError('INVALID_ARGUMENT', {
      fr: `Source(s) inconnue(s) : ${unknown.join(', ')}.`,
      en: `Unknown source(s) ${unknown.join(', ')}; expected one of ${config.sources.map((source) => source.id).join(', ')}.`,
    });
  }
  runningImports.add(db);
  try {
    saveEstablishment(db, config.establishment);
    const report: ImportReport = { sources: {}, errors: [], warnings: [], ok: true };
    for (const source of config.sources.filter((candidate) => only === undefined || only.includes(candidate.id))) {
      const knownNames = splitsFullNamesByKnownNames(source) ? readKnownNames(db, { exceptSourceId: source.id }) : undefined;
      const since = source.kind === 'scim' && !fullPull ? readDeltaWatermark(db, source, clock) : null;
      const openReader = (chosen: SourceConfig) => openStagedReader(chosen, { env, parserThreadMinBytes, registerParserThreads, knownNames, since });
      const result = await importSource(db, { source, openReader, force, clock, ...(onProgress === undefined ? {} : { onProgress }) });
      addToImportReport(report, result);
    }
    await afterCommit?.(Object.values(report.sources).filter((result) => !result.refused), db);
    return report;
  } finally {
    runningImports.delete(db);
  }
}

/**
 * Where a SCIM source's next delta pull starts: the watermark of its last successful pull, or null
 * (a full pull) when there is none, when the source's settings changed since, or when its last
 * full pull is `fullPullEveryDays` old (only a full pull sees the Users deleted in the IAM).
 */
export function readDeltaWatermark(db: Database.Database, source: Extract<SourceConfig, { kind: 'scim' }>, clock: Clock): string | null {
  const runs = db
    .prepare("SELECT finished_at AS finishedAt, stats_json AS stats FROM import_runs WHERE source_id = ? AND status = 'succeeded' AND stats_json IS NOT NULL ORDER BY id DESC LIMIT 200")
    .all(source.id) as { finishedAt: string; stats: string }[];
  const pulls = runs.map((run) => ({ finishedAt: run.finishedAt, ...(JSON.parse(run.stats) as { pull?: string; watermark?: string | null; configHash?: string }) }));
  const last = pulls[0];
  // Another address, filter, mapping or page size: what was pulled before may not be what this configuration would pull.
  if (last?.pull === undefined || typeof last.watermark !== 'string' || last.configHash !== sourceConfigHash(source)) return null;
  const lastFull = pulls.find((pull) => pull.pull === 'full');
  if (lastFull === undefined || clock.now().getTime() - Date.parse(lastFull.finishedAt) >= source.fullPullEveryDays * 86_400_000) return null;
  return last.watermark;
}
