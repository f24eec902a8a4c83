import { performance } from 'node:perf_hooks';
import { reconcileDirectory } from '../../src/core/reconcile/reconcileDirectory';
import { reconcileRecords } from '../../src/core/reconcile/reconcileRecords';
import { searchPeople } from '../../src/core/directory/searchPeople';
import { openDatabase } from '../../src/core/store/openDatabase';
import { generateSyntheticHospital } from '../support/generateSyntheticHospital';
import { measureReconciliation } from '../support/measureReconciliation';

export const name = 'reconcile';
export const description =
  'Reconciliation at hospital scale (50k HR × 2.23 M RPPS rows × 60k AD × 3 apps of 20k, scaled by GUICHET_BENCH_SCALE, default 0.1), quality on the labelled data, directory search p95';

const scale = Number(process.env.GUICHET_BENCH_SCALE ?? '0.1');

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

export async function run(): Promise<void> {
  const employees = Math.round(50_000 * scale);
  // ≈ 1 register row per person here, ≈ 44 per employee elsewhere: 2.23 M rows at scale 1.
  const hospital = generateSyntheticHospital({ seed: 2026, employees, externalRegisterPerEmployee: 44, applicationAccounts: Math.round(20_000 * scale) });
  const bySource: Record<string, number> = {};
  for (const record of hospital.records) bySource[record.sourceId] = (bySource[record.sourceId] ?? 0) + 1;
  console.log(`scale ${scale}: ${hospital.records.length} records ${JSON.stringify(bySource)}`);

  const started = performance.now();
  const result = reconcileRecords({ records: hospital.records, establishmentFiness: hospital.establishmentFiness, today: '2026-11-29' });
  const engineMs = performance.now() - started;
  console.log(`engine (in memory): ${(engineMs / 1000).toFixed(1)} s, phases ${JSON.stringify(result.stats.timingsMs)}, ${result.stats.candidatePairs} candidate pairs (${(result.stats.candidatePairs / hospital.records.length).toFixed(2)} per record)`);
  const quality = measureReconciliation(hospital.records, result);
  console.log(
    `quality: automatic precision ${quality.automaticPrecision.toFixed(5)}, automatic recall ${quality.automaticRecall.toFixed(4)}, auto+review recall ${quality.automaticOrReviewRecall.toFixed(4)}, review ${(quality.reviewShare * 100).toFixed(2)} % of records, homonym merges ${quality.homonymMerges}, wrong automatic links ${quality.automaticWrong}`,
  );

  // The same data through the store: records in SQLite, then reconcileDirectory (read + engine + write).
  const db = openDatabase({ path: ':memory:' });
  const now = '2026-11-29T08:00:00Z';
  const clock = { now: () => new Date(now) };
  const insertStarted = performance.now();
  db.transaction(() => {
    const sources = new Map(hospital.records.map((record) => [record.sourceId, record.role]));
    for (const [id, role] of sources) db.prepare("INSERT INTO sources (id, kind, role, label) VALUES (?, 'csv', ?, ?)").run(id, role, id);
    const insert = db.prepare('INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const record of hospital.records) {
      const raw = record.finess === undefined ? '{}' : JSON.stringify({ 'Numéro FINESS site': record.finess[0] });
      insert.run(record.sourceId, record.key, raw, JSON.stringify(record.attributes), now);
    }
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('establishment', ?)").run(JSON.stringify({ name: 'bench', finess: hospital.establishmentFiness }));
  })();
  console.log(`store: ${hospital.records.length} records inserted in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s (import itself is measured by the import bench)`);
  const directoryStarted = performance.now();
  const { report } = reconcileDirectory(db, { clock });
  console.log(`reconcileDirectory: ${((performance.now() - directoryStarted) / 1000).toFixed(1)} s, phases ${JSON.stringify(report.timingsMs)}; automatic rate ${(report.automaticRate * 100).toFixed(1)} %, review ${report.reviewCount}, RPPS-aligned health professionals ${(report.healthProfessionalsAlignedToRpps * 100).toFixed(1)} %`);

  const people = db.prepare('SELECT last_name AS lastName, first_name AS firstName, hr_id AS hrId, rpps FROM identities ORDER BY random() LIMIT 400').all() as { lastName: string; firstName: string; hrId: string; rpps: string | null }[];
  const queries = people.flatMap((person) => [person.lastName.slice(0, 4), `${person.lastName} ${person.firstName}`, person.hrId, ...(person.rpps === null ? [] : [person.rpps])]);
  const durations = queries.map((query) => {
    const start = performance.now();
    searchPeople(db, { query, limit: 50 });
    return performance.now() - start;
  });
  console.log(`directory search over ${report.identities} identities: ${queries.length} queries, p50 ${percentile(durations, 0.5).toFixed(2)} ms, p95 ${percentile(durations, 0.95).toFixed(2)} ms, max ${Math.max(...durations).toFixed(2)} ms`);
  db.close();
}
