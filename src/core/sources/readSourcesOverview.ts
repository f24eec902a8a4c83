import type Database from 'better-sqlite3';
import type { ImportRunStatus, SourceKind, SourceView, SourcesOverview } from '../../shared/api/sources.contract';
import { readSourcesConfig } from './readSourcesConfig';

interface SourceRow {
  id: string;
  kind: SourceKind;
  role: SourceView['role'];
  label: string;
  record_count: number;
  run_id: number | null;
  status: ImportRunStatus | null;
  started_at: string | null;
  finished_at: string | null;
  stats_json: string | null;
  error: string | null;
}

/** The configured and imported sources with their record counts and last import run. */
export async function readSourcesOverview(db: Database.Database, configPath: string): Promise<SourcesOverview> {
  const config = await readSourcesConfig(configPath);
  const rows = db
    .prepare(
      `SELECT s.id, s.kind, s.role, s.label,
              (SELECT COUNT(*) FROM source_records r WHERE r.source_id = s.id AND r.present = 1) AS record_count,
              run.id AS run_id, run.status, run.started_at, run.finished_at, run.stats_json, run.error
         FROM sources s
         LEFT JOIN import_runs run ON run.id = (SELECT MAX(id) FROM import_runs WHERE source_id = s.id)
        ORDER BY s.rowid`,
    )
    .all() as SourceRow[];
  const imported = new Map(rows.map((row) => [row.id, row]));
  const configured = config.ok ? config.config.sources : [];
  const toView = (row: SourceRow): SourceView => {
    const stats = JSON.parse(row.stats_json ?? '{}') as Partial<Record<'read' | 'imported' | 'rejected' | 'warned' | 'added' | 'updated' | 'removed', number>>;
    return {
      id: row.id,
      kind: row.kind,
      role: row.role,
      label: row.label,
      recordCount: row.record_count,
      lastRun:
        row.run_id === null
          ? null
          : {
              runId: row.run_id, status: row.status!, startedAt: row.started_at!, finishedAt: row.finished_at, error: row.error,
              read: stats.read ?? 0, imported: stats.imported ?? 0, rejected: stats.rejected ?? 0, warned: stats.warned ?? 0, added: stats.added ?? 0, updated: stats.updated ?? 0, removed: stats.removed ?? 0,
            },
    };
  };
  const sources = [
    ...configured.map((source) => {
      const row = imported.get(source.id);
      return row === undefined ? { id: source.id, kind: source.kind, role: source.role, label: source.label ?? source.id, recordCount: 0, lastRun: null } : toView(row);
    }),
    ...rows.filter((row) => !configured.some((source) => source.id === row.id)).map(toView),
  ];
  return { configPath, configErrors: config.ok ? [] : config.errors, sources };
}
