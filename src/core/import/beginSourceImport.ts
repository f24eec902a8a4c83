import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { ImportCounts } from '../../shared/api/sources.contract';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ImportWarning, RejectedLine, SourcePull } from './importTypes';
import { mergeFinessColumns } from './registerFinessColumn';
import type { StagedBatch, StagedRow } from './toStagedBatch';

export interface ImportProgress {
  sourceId: string;
  phase: 'reading' | 'applying' | 'done';
  rows: number;
  rowsPerSecond: number;
  /** Share of the file read (0–100), or null when the size is unknown (live LDAP). */
  percent: number | null;
}

export interface SourceImportResult extends ImportCounts {
  sourceId: string;
  kind: SourceConfig['kind'];
  role: SourceConfig['role'];
  runId: number;
  /** True when nothing changed for this source: unreadable, empty, or too many removals without force. */
  refused: boolean;
  refusal: string | null;
  /** The rejected lines (all of them, also kept in `import_rejections`). */
  rejections: RejectedLine[];
  /** The values dropped from kept records (all of them, also kept in `import_warnings`). */
  warnings: ImportWarning[];
  /** A live source's pull: full or delta, from which watermark, and the new one (also in the run's stats). */
  pull?: { mode: 'full' | 'delta'; since: string | null; watermark: string | null };
}

export interface BeginSourceImportOptions {
  source: SourceConfig;
  /** Register rows of one professional may be apart: fold them instead of rejecting duplicates. */
  foldsDuplicates: boolean;
  force?: boolean;
  clock: Clock;
  onProgress?: (progress: ImportProgress) => void;
  /** Minimum time between two progress reports while reading. */
  progressIntervalMs?: number;
  /**
   * A live source's pull. A `delta` pull brings only changed records: the others are unchanged,
   * not gone — none is marked removed, and an empty delta is a normal answer.
   */
  pull?: SourcePull;
}

const defaultLabels: Record<SourceConfig['kind'], string> = {
  'rpps-extract': 'Annuaire Santé (RPPS)',
  csv: 'Export CSV',
  ldif: 'Annuaire LDIF',
  ldap: 'Annuaire LDAP',
  scim: 'IAM (SCIM)',
};

/** A live source's settings as a fingerprint: a delta continues only the pull made with the very same settings. */
export function sourceConfigHash(source: SourceConfig): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('base64url');
}

const rawLinesOf = (rawJson: string): unknown[] => (JSON.parse(rawJson) as { lines: unknown[] }).lines;

export interface SourceImportRun {
  /** Stages one batch (records, rejected lines) in the run's temporary table. */
  stage(batch: StagedBatch, totalBytes: number | null): void;
  /** Compares the staged records with the store and applies them in one transaction (or refuses). */
  finish(): SourceImportResult;
  /** Ends the run without touching the records (unreadable source). */
  fail(reason: string): SourceImportResult;
  /** Drops the staging table; always call it. */
  dispose(): void;
}

/**
 * Starts importing one source, synchronously: the caller feeds batches (from a stream, a live
 * directory, or a small file read at once) and then finishes. Rows are staged in a
 * connection-private temporary table, then compared with the stored records and applied in ONE
 * transaction: the source's records change all together or not at all. Unchanged records are not
 * touched, so importing the same file twice changes nothing. The circuit breaker refuses (changing
 * nothing) a source that came back empty or would mark more than `maxRemovalShare` of its records
 * gone, unless `force`.
 */
export function beginSourceImport(
  db: Database.Database,
  { source, foldsDuplicates, force = false, clock, onProgress, progressIntervalMs = 250, pull }: BeginSourceImportOptions,
): SourceImportRun {
  const startedAt = clock.now();
  db.prepare(
    `INSERT INTO sources (id, kind, role, label, config_json) VALUES (@id, @kind, @role, @label, @config)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, role = excluded.role, label = excluded.label, config_json = excluded.config_json`,
  ).run({ id: source.id, kind: source.kind, role: source.role, label: source.label ?? defaultLabels[source.kind], config: JSON.stringify(source) });
  const runId = Number(
    db.prepare("INSERT INTO import_runs (source_id, started_at, status) VALUES (?, ?, 'running')").run(source.id, startedAt.toISOString()).lastInsertRowid,
  );
  const result: SourceImportResult = {
    sourceId: source.id, kind: source.kind, role: source.role, runId,
    read: 0, imported: 0, rejected: 0, warned: 0, added: 0, updated: 0, removed: 0, refused: false, refusal: null, rejections: [], warnings: [],
  };
  const finishRun = db.prepare('UPDATE import_runs SET finished_at = ?, status = ?, stats_json = ?, error = ? WHERE id = ?');
  const statsOf = (): string =>
    JSON.stringify({ read: result.read, imported: result.imported, rejected: result.rejected, warned: result.warned, added: result.added, updated: result.updated, removed: result.removed, ...(result.pull === undefined ? {} : { pull: result.pull.mode, since: result.pull.since, watermark: result.pull.watermark, configHash: sourceConfigHash(source) }) });
  const report = (phase: ImportProgress['phase'], percent: number | null): void => {
    const seconds = Math.max((clock.now().getTime() - startedAt.getTime()) / 1000, 0.001);
    onProgress?.({ sourceId: source.id, phase, rows: result.read, rowsPerSecond: Math.round(result.read / seconds), percent });
  };
  const refuse = (reason: string, status: 'failed' | 'held'): SourceImportResult => {
    result.refused = true;
    result.refusal = reason;
    result.added = result.updated = result.removed = 0;
    finishRun.run(clock.now().toISOString(), status, statsOf(), reason, runId);
    report('done', null);
    return result;
  };

  db.exec(`DROP TABLE IF EXISTS temp.import_stage;
    CREATE TEMP TABLE import_stage (record_key TEXT PRIMARY KEY, line INTEGER NOT NULL, raw_json TEXT NOT NULL, attributes_json TEXT NOT NULL,
      rpps TEXT, hr_id TEXT, ad_id TEXT, last_name TEXT, first_name TEXT, birth_date TEXT, search_text TEXT NOT NULL, finess TEXT)`);
  const insertStaged = db.prepare('INSERT INTO temp.import_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(record_key) DO NOTHING');
  const restage = db.prepare(
    `UPDATE temp.import_stage SET line = ?, raw_json = ?, attributes_json = ?, rpps = ?, hr_id = ?, ad_id = ?, last_name = ?, first_name = ?,
       birth_date = ?, search_text = ?, finess = ? WHERE record_key = ?`,
  );
  const stagedColumns = db.prepare('SELECT * FROM temp.import_stage WHERE record_key = ?').raw(true);
  const reject = db.prepare('INSERT INTO import_rejections (run_id, line, reason, field, detail, value) VALUES (?, ?, ?, ?, ?, ?)');
  const warn = db.prepare('INSERT INTO import_warnings (run_id, line, field, reason, detail, value) VALUES (?, ?, ?, ?, ?, ?)');
  let stagedCount = 0;
  const stageBatch = db.transaction((rows: StagedRow[], rejected: RejectedLine[], warnings: readonly ImportWarning[]) => {
    for (const row of rows) {
      if (insertStaged.run(row).changes === 1) {
        stagedCount += 1;
        continue;
      }
      const [key, line] = row;
      const kept = stagedColumns.get(key) as StagedRow;
      if (foldsDuplicates) {
        // Activities of one professional on non-consecutive rows (or on both sides of the point
        // where two parser threads split the file) fold in file order, whatever arrived first, so
        // the same file always gives the same record.
        const [earlier, later] = line < kept[1] ? [row, kept] : [kept, row];
        // The attributes are those of the earlier row; the rows carry the activities.
        const folded: StagedRow = [...earlier];
        folded[2] = JSON.stringify({ lines: [...rawLinesOf(earlier[2]), ...rawLinesOf(later[2])] });
        folded[11] = mergeFinessColumns(earlier[11], later[11]);
        restage.run(...folded.slice(1), folded[0]);
      } else {
        rejected.push({ line, reason: 'duplicate-key', detail: String(kept[1]), value: key });
      }
    }
    for (const line of rejected) reject.run(runId, line.line, line.reason, line.field ?? null, line.detail ?? null, line.value ?? null);
    for (const warning of warnings) warn.run(runId, warning.line, warning.field, warning.reason, warning.detail ?? null, warning.value ?? null);
  });
  let lastReport = 0;

  return {
    stage(batch, totalBytes) {
      const rejected = [...batch.rejected];
      stageBatch(batch.rows, rejected, batch.warnings);
      result.read = batch.rowsRead;
      result.rejected += rejected.length;
      result.warned += batch.warnings.length;
      for (const line of rejected) result.rejections.push(line);
      for (const warning of batch.warnings) result.warnings.push(warning);
      const now = clock.now().getTime();
      if (now - lastReport >= progressIntervalMs) {
        lastReport = now;
        report('reading', totalBytes ? Math.min(100, Math.round((batch.bytesRead / totalBytes) * 1000) / 10) : null);
      }
    },
    finish() {
      if (pull !== undefined) result.pull = { mode: pull.mode, since: pull.since, watermark: pull.watermark() };
      result.rejections.sort((a, b) => a.line - b.line);
      result.warnings.sort((a, b) => a.line - b.line);
      result.imported = result.read - result.rejected;
      report('applying', 100);
      return applyStage(db, { source, stagedCount, result, force, partial: pull?.mode === 'delta', runId, clock, finishRun, statsOf, refuse, report });
    },
    fail: (reason) => refuse(reason, 'failed'),
    dispose: () => db.exec('DROP TABLE IF EXISTS temp.import_stage'),
  };
}

interface ApplyContext {
  source: SourceConfig;
  /** Distinct keys staged (folded and duplicate rows excluded). */
  stagedCount: number;
  result: SourceImportResult;
  force: boolean;
  /** A delta pull: records not staged are unchanged, not removed. */
  partial: boolean;
  runId: number;
  clock: Clock;
  finishRun: Database.Statement;
  statsOf: () => string;
  refuse: (reason: string, status: 'failed' | 'held') => SourceImportResult;
  report: (phase: ImportProgress['phase'], percent: number | null) => void;
}

function applyStage(db: Database.Database, { source, stagedCount, result, force, partial, runId, clock, finishRun, statsOf, refuse, report }: ApplyContext): SourceImportResult {
  const count = (sql: string): number => (db.prepare(sql).get(source.id) as { n: number }).n;
  const presentBefore = count('SELECT COUNT(*) AS n FROM source_records WHERE source_id = ? AND present = 1');
  // A first import adds everything: no need to look each staged key up.
  const added =
    presentBefore === 0
      ? stagedCount
      : count(
          `SELECT COUNT(*) AS n FROM temp.import_stage s
            WHERE NOT EXISTS (SELECT 1 FROM source_records r WHERE r.source_id = ? AND r.record_key = s.record_key AND r.present = 1)`,
        );
  const removed = partial ? 0 : presentBefore - (stagedCount - added);

  if (stagedCount === 0 && !partial) {
    return refuse(`source "${source.id}" came back empty (${result.read} rows read, ${result.rejected} rejected); expected records — nothing was changed`, 'held');
  }
  if (!force && presentBefore > 0 && removed / presentBefore > source.maxRemovalShare) {
    const share = Math.round((removed / presentBefore) * 1000) / 10;
    return refuse(
      `source "${source.id}" would remove ${removed} of ${presentBefore} records (${share} %), above the ${source.maxRemovalShare * 100} % limit; nothing was changed (use --force if this is expected)`,
      'held',
    );
  }

  const now = clock.now().toISOString();
  const applyAll = db.transaction(() => {
    // A source's very first import only adds: a plain insert, without a conflict check per record.
    const firstImport = db.prepare('SELECT 1 FROM source_records WHERE source_id = ? LIMIT 1').get(source.id) === undefined;
    const upsert = firstImport
      ? ''
      : `ON CONFLICT(source_id, record_key) DO UPDATE SET
           raw_json = excluded.raw_json, attributes_json = excluded.attributes_json, rpps = excluded.rpps, hr_id = excluded.hr_id,
           ad_id = excluded.ad_id, last_name = excluded.last_name, first_name = excluded.first_name, birth_date = excluded.birth_date,
           search_text = excluded.search_text, finess = excluded.finess, last_run_id = @runId, change_run_id = @runId, updated_at = @now,
           change = CASE WHEN source_records.present = 1 THEN 'updated' ELSE 'added' END, present = 1
         WHERE source_records.present = 0 OR source_records.raw_json <> excluded.raw_json OR source_records.attributes_json <> excluded.attributes_json`;
    const written = db.prepare(
      `INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, hr_id, ad_id, last_name, first_name, birth_date,
                                   search_text, finess, present, first_run_id, last_run_id, change, change_run_id, updated_at)
       SELECT @sourceId, record_key, raw_json, attributes_json, rpps, hr_id, ad_id, last_name, first_name, birth_date,
              search_text, finess, 1, @runId, @runId, 'added', @runId, @now FROM temp.import_stage WHERE true
       ${upsert}`,
    ).run({ sourceId: source.id, runId, now }).changes;
    // `removed` is exact (counted above): when it is 0, scanning every record for a missing key is 3 s of the register for nothing.
    if (removed > 0) {
      db.prepare(
        `UPDATE source_records SET present = 0, change = 'removed', change_run_id = @runId, last_run_id = @runId, updated_at = @now
          WHERE source_id = @sourceId AND present = 1 AND NOT EXISTS (SELECT 1 FROM temp.import_stage s WHERE s.record_key = source_records.record_key)`,
      ).run({ sourceId: source.id, runId, now });
    }
    // Every staged record was either added or (changed) updated; unchanged ones were not written.
    Object.assign(result, { added, updated: written - added, removed });
    finishRun.run(now, 'succeeded', statsOf(), null, runId);
  });
  // Every row written above names this source and this run, both written by this import on this
  // connection: checking their four parent keys per row would cost 3 s on the register for nothing.
  // (Inside a caller's transaction the pragma does nothing and the checks run, only slower.)
  const checksForeignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (checksForeignKeys) db.pragma('foreign_keys = OFF');
  try {
    // IMMEDIATE: it counts before it writes; a deferred transaction would fail at its first write
    // ("database is locked", no retry) if the desk committed in between (a journaled read).
    applyAll.immediate();
  } finally {
    if (checksForeignKeys) db.pragma('foreign_keys = ON');
  }
  report('done', 100);
  return result;
}
