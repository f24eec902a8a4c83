import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../core/clock';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { importSources } from '../../core/import/importSources';
import { explainLink, type LinkExplanation } from '../../core/reconcile/explainLink';
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

function signed(value: number, digits = 1): string {
  return `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(digits)}`;
}

/** The desk's waterfall as text: prior, each field's weight (seed points beside it), final probability. */
function formatExplanation(explanation: LinkExplanation): string[] {
  const lines = [
    `${explanation.sourceId}:${explanation.recordKey} -> ${explanation.personName} (${explanation.identityId}), ${explanation.decision}, rule ${explanation.rule}`,
  ];
  // A proposal's namesakes come first: the reviewer chooses among them (the waterfall is the proposed person's).
  for (const alternative of explanation.alternatives) {
    lines.push(
      `  or ${alternative.personName} (${alternative.identityId}), ${alternative.probability === null ? `${alternative.score.toFixed(0)} pts` : `probability ${(alternative.probability * 100).toFixed(2)} %`}`,
    );
  }
  const { waterfall } = explanation;
  if (waterfall === null) {
    lines.push('Seed points (no calibrated weights for this link):');
    for (const item of explanation.evidence) lines.push(`  ${item.field.padEnd(11)} ${item.level.padEnd(10)} ${String(item.left ?? '').padEnd(24)} ${String(item.right ?? '').padEnd(24)} ${signed(item.points, 0).padStart(5)} pts`);
    lines.push(`  ${'total'.padEnd(71)} ${signed(explanation.score, 0).padStart(5)} pts`);
    return lines;
  }
  const byField = new Map(explanation.evidence.map((item) => [`review.field.${item.field}`, item]));
  lines.push(`  ${'step'.padEnd(11)} ${'level'.padEnd(10)} ${'record'.padEnd(24)} ${'person'.padEnd(24)} ${'bits'.padStart(6)} ${'log2 odds'.padStart(9)}  seed points`);
  for (const step of waterfall.steps) {
    if (step.kind === 'prior') lines.push(`  ${'prior'.padEnd(71)} ${signed(step.end).padStart(6)} ${step.end.toFixed(1).padStart(9)}`);
    else if (step.kind === 'final') lines.push(`  ${'final'.padEnd(71)} ${''.padStart(6)} ${step.end.toFixed(1).padStart(9)}  probability ${(waterfall.probability * 100).toFixed(2)} %`);
    else {
      const item = byField.get(step.labelKey)!;
      lines.push(
        `  ${item.field.padEnd(11)} ${item.level.padEnd(10)} ${String(item.left ?? '').slice(0, 24).padEnd(24)} ${String(item.right ?? '').slice(0, 24).padEnd(24)} ${signed(step.end - step.start).padStart(6)} ${step.end.toFixed(1).padStart(9)}  ${signed(item.points, 0)}`,
      );
    }
  }
  return lines;
}

export const command: CliCommand = {
  name: 'reconcile',
  summary: 'Import the configured sources, reconcile them into identities and write links.csv, orphans.csv and report.json',
  usage: 'reconcile --config sources.json --out DIR [--db PATH | --data-dir DIR] [--force]\n       reconcile --explain SOURCE:KEY [--db PATH | --data-dir DIR] [--json]',
  async run(args, io) {
    const { values } = parseOptions(
      args,
      {
        config: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        force: { type: 'boolean', default: false },
        explain: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      false,
    );
    if (values.explain !== undefined) {
      const separator = values.explain.indexOf(':');
      if (separator <= 0 || separator === values.explain.length - 1) throw new CliUsageError('Expected --explain SOURCE:KEY (e.g. --explain ad:jdupont)');
      const db = openStoreFile({ path: values.db ?? join(values['data-dir'] ?? resolveUserDataDir(), 'guichet.sqlite'), readonly: true });
      try {
        const explanation = explainLink(db, values.explain.slice(0, separator), values.explain.slice(separator + 1));
        if (values.json) io.out(JSON.stringify(explanation));
        else for (const line of formatExplanation(explanation)) io.out(line);
        return 0;
      } finally {
        db.close();
      }
    }
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
          `${orphans.length} orphans; people without an HR record: ${report.identityStore.merged} merged, ${report.identityStore.markedLeft} marked left, ${report.identityStore.removed} removed, ${report.identityStore.keptTemporary} kept (night desk). Wrote ${join(out, 'links.csv')}, orphans.csv, report.json.`,
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
