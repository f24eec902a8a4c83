import { importSources, type ImportProgress, type ImportReport } from '../../core/import/importSources';
import { readSourcesConfig } from '../../core/sources/readSourcesConfig';
import { importProblemLabels } from '../../shared/directory/importProblemLabels';
import { CliUsageError, type CliCommand } from '../CliCommand';
import type { CliStore } from '../openCliStore';
import { parseOptions } from '../parseOptions';

const barWidth = 30;

/** A one-line progress bar redrawn in place on an interactive terminal. */
function drawProgress(progress: ImportProgress): void {
  const rows = progress.rows.toLocaleString('fr-FR');
  const speed = `${progress.rowsPerSecond.toLocaleString('fr-FR')} lignes/s`;
  const filled = progress.percent === null ? 0 : Math.round((progress.percent / 100) * barWidth);
  const bar = progress.percent === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${progress.percent.toFixed(1)} % `;
  process.stderr.write(`\r${progress.sourceId} ${progress.phase} ${bar}${rows} lignes ${speed}\u001b[K${progress.phase === 'done' ? '\n' : ''}`);
}

/** The documented JSON contract: per-source counts, every error and every warning, nothing else. */
function toJson(report: ImportReport): string {
  const sources = Object.fromEntries(
    Object.entries(report.sources).map(([id, { read, imported, rejected, warned, added, updated, removed, refused, pull }]) => [
      id,
      { read, imported, rejected, warned, added, updated, removed, refused, ...(pull === undefined ? {} : { pull }) },
    ]),
  );
  return JSON.stringify({ sources, errors: report.errors, warnings: report.warnings });
}

/** "DATE_NAISSANCE : Date impossible … : DD/MM/YYYY": the label of a code, never the value read. */
function describeProblem({ reason, field, detail }: { reason: string; field?: string | undefined; detail?: string | undefined }): string {
  const label = (importProblemLabels as Record<string, { fr: string } | undefined>)[reason]?.fr ?? reason;
  return `${field === undefined || field === '' ? '' : `${field} : `}${label}${detail === undefined ? '' : ` : ${detail}`}`;
}

export const command: CliCommand = {
  name: 'import',
  summary: 'Import the configured sources (RPPS extract, HR CSV, AD LDIF or LDAP, application exports)',
  usage: 'import --config sources.json [--db PATH | --data-dir DIR] [--source ID]… [--force] [--full] [--json]',
  async run(args, io) {
    const { values } = parseOptions(
      args,
      {
        config: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        source: { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        // SCIM sources: a full pull even when a delta would do (the only way to see Users deleted in the IAM before fullPullEveryDays).
        full: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      false,
    );
    if (values.config === undefined) throw new CliUsageError('Missing --config: expected the path of the sources configuration (JSON)');
    const parsed = await readSourcesConfig(values.config);
    if (!parsed.ok) {
      for (const error of parsed.errors) io.err(error);
      return 1;
    }
    // On --db, only the store: loading the whole desk (cards, receipts, WebAuthn) costs a second.
    const core: CliStore =
      values.db !== undefined
        ? (await import('../openCliStore')).openCliStore({ dbPath: values.db })
        : (await import('../openCliCore')).openCliCore({ dataDir: values['data-dir'] });
    try {
      const report = await importSources(core.db, {
        config: parsed.config,
        force: values.force,
        fullPull: values.full,
        clock: core.clock,
        // HR end dates that arrived are acted on at once: leavers' MIE suspended (or the run held).
        afterCommit: () => core.nightDeskChecks.runNow('import'),
        ...(values.source === undefined ? {} : { only: values.source }),
        ...(process.stderr.isTTY ? { onProgress: drawProgress } : {}),
      });
      if (values.json) {
        io.out(toJson(report));
      } else {
        io.out(['source', 'read', 'imported', 'rejected', 'warned', 'added', 'updated', 'removed', 'status'].join('\t'));
        for (const result of Object.values(report.sources)) {
          io.out([result.sourceId, result.read, result.imported, result.rejected, result.warned, result.added, result.updated, result.removed, result.refused ? 'REFUSED' : 'ok'].join('\t'));
        }
        for (const error of report.errors) io.err(`${error.source}${error.line > 0 ? `:${error.line}` : ''}: ${error.line > 0 ? `rejetée — ${describeProblem(error)}` : error.reason}`);
        for (const warning of report.warnings) io.err(`${warning.source}:${warning.line}: avertissement — ${describeProblem(warning)}`);
      }
      return report.ok ? 0 : 1;
    } finally {
      core.close();
    }
  },
};
