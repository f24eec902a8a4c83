import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../core/clock';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { importSources } from '../../core/import/importSources';
import { runLeaverCheck } from '../../core/leavers/runLeaverCheck';
import { readNightDeskSettings } from '../../core/nightdesk/nightDeskSettings';
import { reconcileDirectory, type ReconciledRow } from '../../core/reconcile/reconcileDirectory';
import { parseSourcesConfig } from '../../core/sources/parseSourcesConfig';
import { openStoreFile } from '../../core/store/openStoreFile';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { parseOptions } from '../parseOptions';

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** links.csv: every non-register record, plus the register entries linked to an identity (as `rpps,<RPPS>`). */
function linkRows(rows: readonly ReconciledRow[]): (string | number | null)[][] {
  return rows.flatMap((row) => {
    if (row.role === 'register') return row.identityId === null || row.rpps === null ? [] : [['rpps', row.rpps, row.identityId, row.decision, row.score]];
    return [[row.sourceId, row.key, row.identityId ?? '', row.decision, row.score]];
  });
}

export const command: CliCommand = {
  name: 'reconcile',
  summary: 'Import the configured sources, reconcile them into identities and write links.csv, orphans.csv and report.json',
  usage: 'reconcile --config sources.json --out DIR [--db PATH | --data-dir DIR] [--force]',
  async run(args, io) {
    const { values } = parseOptions(
      args,
      { config: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } },
      false,
    );
    if (values.config === undefined) throw new CliUsageError('Expected --config <sources.json>');
    if (values.out === undefined) throw new CliUsageError('Expected --out <directory> for links.csv, orphans.csv and report.json');
    const configPath = resolve(values.config);
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      io.err(`Cannot read the sources configuration ${configPath}: ${(error as Error).message}`);
      return 2;
    }
    const parsed = parseSourcesConfig({ text, configPath });
    if (!parsed.ok) {
      io.err(`Invalid sources configuration ${configPath}:`);
      for (const error of parsed.errors) io.err(`  ${error}`);
      return 2;
    }
    const dbPath = values.db ?? join(values['data-dir'] ?? resolveUserDataDir(), 'guichet.sqlite');
    // Created, encrypted and migrated if missing, with the key file beside it (or GUICHET_KEY_FILE).
    const db = openStoreFile({ path: resolve(dbPath) });
    try {
      const importStart = performance.now();
      const imported = await importSources(db, { config: parsed.config, force: values.force });
      const importMs = Math.round(performance.now() - importStart);
      for (const error of imported.errors.slice(0, 50)) io.err(`${error.source}${error.line > 0 ? `:${error.line}` : ''}: ${error.reason}`);
      if (imported.errors.length > 50) io.err(`… and ${imported.errors.length - 50} more rejected lines`);
      if (!imported.ok) {
        io.err('Import refused for at least one source (see above); nothing was reconciled and the previous data are kept.');
        return 1;
      }
      const { report, rows, orphans } = reconcileDirectory(db, { clock: systemClock });
      // Reconciliation may link an HR record whose end date has passed: no departed person keeps an active means.
      runLeaverCheck(db, systemClock, { actor: { agentId: null, agentName: null, desk: hostname() }, trigger: 'import', maxShare: readNightDeskSettings(db).massLeaverShare });
      const out = resolve(values.out);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'links.csv'), csv(['source', 'key', 'identity', 'decision', 'score'], linkRows(rows)), 'utf8');
      writeFileSync(join(out, 'orphans.csv'), csv(['source', 'key', 'reason'], orphans.map((orphan) => [orphan.sourceId, orphan.key, orphan.reason])), 'utf8');
      const fullReport = {
        ...report,
        rejectedLines: imported.errors.length,
        timingsMs: { import: importMs, ...report.timingsMs },
      };
      writeFileSync(join(out, 'report.json'), `${JSON.stringify(fullReport, null, 2)}\n`, 'utf8');
      io.out(
        `Reconciled ${report.records} records into ${report.identities} identities: ${(report.automaticRate * 100).toFixed(1)} % automatic, ${report.reviewCount} to review, ` +
          `${orphans.length} orphans. Wrote ${join(out, 'links.csv')}, orphans.csv, report.json.`,
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
