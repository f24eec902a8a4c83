import { performance } from 'node:perf_hooks';
import { searchPeople } from '../../src/core/directory/searchPeople';
import { runReconcileJob } from '../../src/core/jobs/runReconcileJob';
import { openDatabase } from '../../src/core/store/openDatabase';

/**
 * The store half of the reconcile bench, in its own process so that its peak RSS is the desk's,
 * not the generator's: the reconciliation job on a database file (read + engine + write, on the
 * job thread as the desk runs it), then directory searches. Prints one JSON line.
 */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

const path = process.argv[2];
if (path === undefined) throw new Error('Expected the database path as first argument');
const db = openDatabase({ path });
const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
const started = performance.now();
// As the desk runs it: on the job thread (its own connection and young-generation size).
const { report } = await runReconcileJob(db, { clock });
const reconcileMs = performance.now() - started;
const reconcilePeakRssMb = process.resourceUsage().maxRSS / 1024;

const people = db.prepare('SELECT last_name AS lastName, first_name AS firstName, hr_id AS hrId, rpps FROM identities ORDER BY random() LIMIT 400').all() as { lastName: string; firstName: string; hrId: string; rpps: string | null }[];
const queries = people.flatMap((person) => [person.lastName.slice(0, 4), `${person.lastName} ${person.firstName}`, person.hrId, ...(person.rpps === null ? [] : [person.rpps])]);
const durations = queries.map((query) => {
  const start = performance.now();
  searchPeople(db, { query, limit: 50 });
  return performance.now() - start;
});
const links = (db.prepare('SELECT count(*) AS n FROM identity_links').get() as { n: number }).n;
db.close();
console.log(
  JSON.stringify({
    reconcileMs,
    timingsMs: report.timingsMs,
    identities: report.identities,
    links,
    automaticRate: report.automaticRate,
    reviewCount: report.reviewCount,
    alignedToRpps: report.healthProfessionalsAlignedToRpps,
    reconcilePeakRssMb,
    queries: queries.length,
    searchP50Ms: percentile(durations, 0.5),
    searchP95Ms: percentile(durations, 0.95),
    searchMaxMs: Math.max(...durations),
  }),
);
