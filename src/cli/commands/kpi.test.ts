import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndicatorFixture, fixtureClock } from '../../core/indicators/buildIndicatorFixture';
import { takeIndicatorSnapshot } from '../../core/indicators/takeIndicatorSnapshot';
import { command } from './kpi';

function capture() {
  const out: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: () => {} }, out };
}

describe('kpi command', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guichet-kpi-'));
    path = join(dir, 'guichet.sqlite');
    const fixture = buildIndicatorFixture();
    takeIndicatorSnapshot(fixture, { clock: fixtureClock, trigger: 'start' });
    fixture.exec(`VACUUM INTO '${path}'`);
    fixture.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every figure as one JSON object, with the series of a range', async () => {
    const { io, out } = capture();
    expect(await command.run(['--json', '--from', '2026-12-02', '--to', '2026-12-03', '--db', path], io)).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]!);
    expect(report.establishment).toEqual({ name: 'Hôpital Fixture', finess: ['750000001'] });
    // Figures that do not depend on the day the test runs (the fixture's leaver left on 20 November 2026).
    expect(report.figures['orphanAccounts:ad']).toEqual({ group: 'orphans', label: 'Comptes orphelins AD', unit: 'count', value: 5, counted: { part: 5, whole: 8 }, status: 'ok' });
    expect(report.figures['rppsAlignment']).toMatchObject({ value: 66.7, unit: 'percent' });
    expect(report.figures['departedHoldingMeans']).toMatchObject({ value: 1, status: 'alert' });
    expect(report.series.days).toEqual(['2026-12-02', '2026-12-03']);
    expect(report.series.values['orphanAccounts:ad']).toEqual([null, 5]);
  });

  it('refuses half a range, an impossible date or a missing database', async () => {
    const { io } = capture();
    await expect(command.run(['--json', '--from', '2026-12-01', '--db', path], io)).rejects.toThrow('Expected both --from and --to, or neither');
    await expect(command.run(['--json', '--from', '2026-02-30', '--to', '2026-03-01', '--db', path], io)).rejects.toThrow('Expected a date as YYYY-MM-DD, got "2026-02-30"');
    await expect(command.run(['--json', '--db', join(dir, 'none.sqlite')], io)).rejects.toThrow(/no such file/);
  });
});
