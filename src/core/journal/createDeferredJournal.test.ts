import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { createDeferredJournal } from './createDeferredJournal';
import { verifyJournal } from './verifyJournal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openTwoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-deferred-journal-'));
  dirs.push(dir);
  const path = join(dir, 'guichet.sqlite');
  const desk = openDatabase({ path });
  const job = openDatabase({ path });
  return { desk, job };
}

const actor = { agentId: 'a1', agentName: 'Agent Un', desk: 'poste-1' };
const times = ['2026-12-03T08:00:00.000Z', '2026-12-03T08:00:01.000Z', '2026-12-03T08:00:02.000Z'];

describe('createDeferredJournal', () => {
  it('writes at once when the store is free', () => {
    const { desk, job } = openTwoConnections();
    const journal = createDeferredJournal({ db: desk, clock: { now: () => new Date(times[0]!) } });
    journal.record({ actor, action: 'personal-data.read', after: { method: 'searchPeople', query: 'martin' } });
    expect(journal.pending()).toBe(0);
    expect(desk.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(1);
    journal.close();
    job.close();
    desk.close();
  });

  it('never waits on a job holding the write lock: keeps the reads, in order and with their time, and writes them once the lock is free', async () => {
    const { desk, job } = openTwoConnections();
    let tick = 0;
    const journal = createDeferredJournal({ db: desk, clock: { now: () => new Date(times[tick++]!) }, retryMs: 20 });
    job.prepare('BEGIN IMMEDIATE').run();
    const started = performance.now();
    journal.record({ actor, action: 'personal-data.read', after: { method: 'searchPeople', query: 'a' } });
    journal.record({ actor, action: 'personal-data.read', subject: { type: 'identity', id: 'p1' }, after: { method: 'getPerson', identityId: 'p1' } });
    expect(performance.now() - started).toBeLessThan(100);
    expect(journal.pending()).toBe(2);
    expect(desk.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(journal.pending()).toBe(2);
    job.prepare('COMMIT').run();
    await expect.poll(() => journal.pending()).toBe(0);
    expect(desk.prepare('SELECT seq, at, subject_id AS subject FROM journal ORDER BY seq').all()).toEqual([
      { seq: 1, at: times[0], subject: null },
      { seq: 2, at: times[1], subject: 'p1' },
    ]);
    expect(verifyJournal(desk).ok).toBe(true);
    journal.close();
    job.close();
    desk.close();
  });

  it('writes what still waits when the desk closes', () => {
    const { desk, job } = openTwoConnections();
    const journal = createDeferredJournal({ db: desk, clock: { now: () => new Date(times[2]!) }, retryMs: 60_000 });
    job.prepare('BEGIN IMMEDIATE').run();
    journal.record({ actor, action: 'personal-data.read', after: { method: 'listSources' } });
    expect(journal.pending()).toBe(1);
    job.prepare('COMMIT').run();
    journal.close();
    expect(journal.pending()).toBe(0);
    expect(desk.prepare('SELECT at FROM journal').pluck().all()).toEqual([times[2]]);
    job.close();
    desk.close();
  });
});
