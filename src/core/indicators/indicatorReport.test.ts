import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { buildIndicatorFixture } from './buildIndicatorFixture';
import { createIndicatorReportCsv } from './createIndicatorReportCsv';
import { createIndicatorReportPdf } from './createIndicatorReportPdf';
import { measureIndicators } from './measureIndicators';
import { readIndicatorSeries } from './readIndicatorSeries';
import { takeIndicatorSnapshot } from './takeIndicatorSnapshot';

let db: Database.Database;
let now = new Date('2026-12-01T07:00:00Z');
const clock: Clock = { now: () => now };

beforeEach(() => {
  db = buildIndicatorFixture();
  now = new Date('2026-12-01T07:00:00Z');
});
afterEach(() => db.close());

/** A badge bound today to Eva NOEL, who left on 10 October: one more departed person holding a means. */
function bindBadgeToLeaver(): void {
  db.prepare(
    `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
     VALUES ('m8new', 'badge', 'B8NEW', 'p8', 'active', '2026-12-02T00:00:00Z', 'agent', '2026-12-02T00:00:00Z', 'agent', '2026-12-02T00:00:00Z')`,
  ).run();
}

describe('daily snapshots and series', () => {
  it('takes the first snapshot of a day, skips an unchanged directory, and retakes after an import', () => {
    expect(takeIndicatorSnapshot(db, { clock, trigger: 'start', onlyIfNeeded: true })).toEqual({ taken: true, day: '2026-12-01' });
    expect(takeIndicatorSnapshot(db, { clock, trigger: 'change', onlyIfNeeded: true })).toEqual({ taken: false, day: '2026-12-01' });
    db.prepare("INSERT INTO import_runs (source_id, started_at, finished_at, status) VALUES ('ad', '2026-12-01T08:00:00Z', '2026-12-01T08:01:00Z', 'succeeded')").run();
    expect(takeIndicatorSnapshot(db, { clock, trigger: 'change', onlyIfNeeded: true })).toEqual({ taken: true, day: '2026-12-01' });
    expect(db.prepare('SELECT day, trigger FROM indicator_snapshots').all()).toEqual([{ day: '2026-12-01', trigger: 'change' }]);
  });

  it('reads a figure day by day, null on a day without a snapshot', () => {
    takeIndicatorSnapshot(db, { clock, trigger: 'start' });
    now = new Date('2026-12-03T07:00:00Z');
    bindBadgeToLeaver();
    takeIndicatorSnapshot(db, { clock, trigger: 'start' });
    const figures = measureIndicators(db, { clock }).figures;
    const series = readIndicatorSeries(db, { figures, keys: ['departedHoldingMeans', 'orphanAccounts:ad'], from: '2026-11-30', to: '2026-12-03' });
    expect(series.days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    // Marc ROUX alone on 1 December; Eva NOEL's new badge adds one on the 3rd.
    expect(series.series[0]).toMatchObject({ key: 'departedHoldingMeans', unit: 'count', values: [null, 1, null, 2] });
    expect(series.series[1]!.values).toEqual([null, 5, null, 5]);
    expect(series.series[1]!.label.fr).toBe('Comptes orphelins AD');
  });

  it('the CSV holds the raw series of the range, one line per figure and day', () => {
    takeIndicatorSnapshot(db, { clock, trigger: 'start' });
    now = new Date('2026-12-03T07:00:00Z');
    takeIndicatorSnapshot(db, { clock, trigger: 'start' });
    const figures = measureIndicators(db, { clock }).figures;
    const csv = createIndicatorReportCsv(db, { figures, from: '2026-12-02', to: '2026-12-03' });
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('day,key,label,unit,value');
    expect(lines).toHaveLength(1 + figures.length);
    expect(lines).toContain('2026-12-03,orphanAccounts:ad,Comptes orphelins AD,count,5');
    expect(lines).toContain('2026-12-03,rppsAlignment,Alignement au RPPS,percent,66.7');
    expect(lines.every((line) => !line.startsWith('2026-12-01'))).toBe(true);
  });
});

describe('the PDF report', () => {
  it('has a cover with the FINESS and the period, each figure with its definition, the charts and a signature block', async () => {
    for (const day of ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
      now = new Date(`${day}T09:00:00Z`);
      takeIndicatorSnapshot(db, { clock, trigger: 'start' });
    }
    const dashboard = measureIndicators(db, { clock });
    const pdf = await createIndicatorReportPdf(db, { dashboard, from: '2026-11-29', to: '2026-12-03' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'guichet-report-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain("Indicateurs d'identité");
      expect(text).toContain('Hôpital Fixture');
      expect(text).toContain('FINESS : 750000001');
      expect(text).toContain('Période : 29/11/2026 — 03/12/2026');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2} UTC/);
      expect(text).toContain('Comptes orphelins AD : 5 (5 sur 8)');
      expect(text).toContain('Alignement au RPPS : 66,7 % (2 sur 3)');
      expect(text).toContain('Partis détenant encore un moyen actif : 1 — ALERTE');
      expect(text).toContain('Temps de remise (p95) : 20 min');
      expect(text).toContain("Doit valoir 0 : toute autre valeur est une alerte.");
      // The night desk's chart draws the 15-minute ceiling; the axes carry the days.
      expect(text).toContain('15 min');
      expect(text).toContain('29/11');
      expect(text).toContain('Signature :');
      expect(text).toContain('Validé par le RSSI / la DSI');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
