import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoHospital } from '../../src/core/demo/generateDemoHospital';
import { seedDemoDirectory } from '../../src/core/demo/seedDemoDirectory';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { changeMieStatus } from '../../src/core/enrollment/changeMieStatus';
import { appendJournalEntry } from '../../src/core/journal/appendJournalEntry';
import { exportJournalCsv } from '../../src/core/journal/exportJournalCsv';
import { verifyJournal } from '../../src/core/journal/verifyJournal';
import { openDatabase } from '../../src/core/store/openDatabase';

export const name = 'enrollment-journal';
export const description = 'bind + suspend latency on a file database, then audit verify and CSV export of a 100 000-entry journal';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-journal-'));
  try {
    const db = openDatabase({ path: join(dir, 'guichet.sqlite') });
    const clock = { now: () => new Date('2026-11-29T09:00:00Z') };
    seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
    const people = (db.prepare("SELECT id FROM identities WHERE status != 'left' AND id NOT IN (SELECT identity_id FROM agents)").all() as { id: string }[]).map((row) => row.id);
    const actor = { agentId: 'bench', agentName: 'Bench', desk: 'bench' };

    const durations: number[] = [];
    for (const [index, identityId] of people.entries()) {
      const started = performance.now();
      const mie = bindMie(db, clock, { actor, identityId, kind: 'badge', identifier: `04BE${index.toString(16).padStart(10, '0')}` });
      changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend' });
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    console.log(`bind + suspend (2 acts, WAL file db, ${people.length} people): median ${percentile(durations, 50).toFixed(2)} ms, p95 ${percentile(durations, 95).toFixed(2)} ms`);

    const fillStarted = performance.now();
    const target = 100_000;
    const existing = (db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    db.transaction(() => {
      for (let seq = existing; seq < target; seq += 1) appendJournalEntry(db, clock, { actor, action: 'bench.act', subject: { type: 'mie', id: String(seq) }, after: { seq } });
    })();
    console.log(`journal filled to ${target} entries in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

    const verifyStarted = performance.now();
    const result = verifyJournal(db);
    console.log(`audit verify of ${result.entries} entries: ${((performance.now() - verifyStarted) / 1000).toFixed(2)} s (ok: ${result.ok})`);
    const exportStarted = performance.now();
    const csv = exportJournalCsv(db);
    console.log(`CSV export: ${((performance.now() - exportStarted) / 1000).toFixed(2)} s, ${(csv.length / 1e6).toFixed(1)} MB`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
