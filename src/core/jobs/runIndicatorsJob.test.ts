import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndicatorFixture, fixtureClock } from '../indicators/buildIndicatorFixture';
import { directoryMemoStamp, exportLiveMemo, hasDirectoryMemo, liveMemoStamp } from '../indicators/createIndicatorContext';
import { createDirectoryIndicatorsRefresher } from '../indicators/createDirectoryIndicatorsRefresher';
import { measureIndicators } from '../indicators/measureIndicators';
import { openDatabase } from '../store/openDatabase';
import { runIndicatorsJob } from './runIndicatorsJob';

let work: string;
let db: Database.Database;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'guichet-indicators-job-'));
  const fixture = buildIndicatorFixture();
  await fixture.backup(join(work, 'guichet.sqlite'));
  fixture.close();
  db = openDatabase({ path: join(work, 'guichet.sqlite') });
});
afterAll(() => {
  db.close();
  rmSync(work, { recursive: true, force: true });
});

describe('runIndicatorsJob', () => {
  it('measures the directory figures and takes the day’s snapshot on a job thread', async () => {
    expect(db.prepare('SELECT COUNT(*) FROM indicator_snapshots').pluck().get()).toBe(0);
    const prepared = await runIndicatorsJob(db, { clock: fixtureClock });
    expect(prepared.snapshotTaken).toBe(true);
    expect(prepared.stamp).toBe(directoryMemoStamp(db, fixtureClock));
    expect(prepared.entries.length).toBeGreaterThan(0);
    // The thread wrote the snapshot through its own connection; this one reads it.
    expect(db.prepare('SELECT COUNT(*) FROM indicator_snapshot_values').pluck().get()).toBeGreaterThan(0);
    expect(hasDirectoryMemo(db, prepared.stamp)).toBe(false);
  });

  it('hands the desk thread figures equal to counting them here', async () => {
    const other = openDatabase({ path: join(work, 'guichet.sqlite') });
    try {
      const counted = measureIndicators(other, { clock: fixtureClock, periodDays: 30 }).figures;
      let jobs = 0;
      const refresher = createDirectoryIndicatorsRefresher({
        db,
        clock: fixtureClock,
        prepare: (known) => {
          jobs += 1;
          return runIndicatorsJob(db, { clock: fixtureClock, known });
        },
      });
      await Promise.all([refresher.ensure(), refresher.ensure()]);
      expect(jobs).toBe(1);
      expect(hasDirectoryMemo(db, directoryMemoStamp(db, fixtureClock))).toBe(true);
      await refresher.ensure();
      expect(jobs).toBe(1);
      expect(measureIndicators(db, { clock: fixtureClock, periodDays: 30 }).figures).toEqual(counted);

      // An act on a means: the job, handed what this thread knows of the directory, measures the live figures ahead.
      db.prepare("INSERT INTO mie_history (mie_id, identity_id, action, from_status, to_status, agent_id, desk, at) SELECT id, identity_id, 'suspend', status, 'suspended', 'a', 'd', '2026-11-30T09:30:00Z' FROM mie LIMIT 1").run();
      expect(exportLiveMemo(db, liveMemoStamp(db, fixtureClock))).toEqual([]);
      await refresher.refresh();
      expect(jobs).toBe(2);
      expect(exportLiveMemo(db, liveMemoStamp(db, fixtureClock)).length).toBeGreaterThan(0);
      expect(measureIndicators(db, { clock: fixtureClock, periodDays: 30 }).figures).toEqual(measureIndicators(other, { clock: fixtureClock, periodDays: 30 }).figures);

      // A reconciliation decision changes the directory: the next dashboard waits for one more job.
      db.prepare("INSERT INTO settings (key, value_json) VALUES ('reconciliation.lastRun', json_object('finishedAt', '2026-11-30T10:00:00Z')) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json").run();
      expect(hasDirectoryMemo(db, directoryMemoStamp(db, fixtureClock))).toBe(false);
      await refresher.ensure();
      expect(jobs).toBe(3);
      expect(hasDirectoryMemo(db, directoryMemoStamp(db, fixtureClock))).toBe(true);
    } finally {
      other.close();
    }
  });
});
