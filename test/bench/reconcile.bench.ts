import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatRppsExtractLine } from '../../src/core/import/formatRppsExtractLine';
import { readRegisterFiness } from '../../src/core/import/readRegisterFiness';
import { toFinessColumn } from '../../src/core/import/registerFinessColumn';
import { reconcileRecords } from '../../src/core/reconcile/reconcileRecords';
import { openDatabase } from '../../src/core/store/openDatabase';
import { generateSyntheticHospital, type LabelledRecord } from '../support/generateSyntheticHospital';
import { measureReconciliation } from '../support/measureReconciliation';

export const name = 'reconcile';
export const description =
  'Reconciliation at hospital scale (50k HR × 2.23 M RPPS rows × 60k AD × 3 apps of 20k, scaled by GUICHET_BENCH_SCALE, default 0.1), quality on the labelled data, directory search p95';

const scale = Number(process.env.GUICHET_BENCH_SCALE ?? '0.1');

export async function run(): Promise<void> {
  const employees = Math.round(50_000 * scale);
  // ≈ 1 register row per person here, ≈ 44 per employee elsewhere: 2.23 M rows at scale 1.
  const hospital = generateSyntheticHospital({ seed: 2026, employees, externalRegisterPerEmployee: 44, applicationAccounts: Math.round(20_000 * scale) });
  const bySource: Record<string, number> = {};
  for (const record of hospital.records) bySource[record.sourceId] = (bySource[record.sourceId] ?? 0) + 1;
  console.log(`scale ${scale}: ${hospital.records.length} records ${JSON.stringify(bySource)}`);

  // Blocking recall: records of a local person whose HR identity was among the compared candidates.
  const personOfIdentity = hospital.records.filter((record) => record.role === 'hr').map((record) => record.personId);
  let truePairs = 0;
  let blockedTrue = 0;
  const started = performance.now();
  const result = reconcileRecords({
    records: hospital.records,
    establishmentFiness: hospital.establishmentFiness,
    today: '2026-11-29',
    onCandidates: (record, identities) => {
      const truth = hospital.records[record]!.personId;
      if (truth === null) return;
      truePairs += 1;
      if (identities.some((identity) => personOfIdentity[identity] === truth)) blockedTrue += 1;
    },
  });
  const engineMs = performance.now() - started;
  console.log(`engine (in memory): ${(engineMs / 1000).toFixed(1)} s, phases ${JSON.stringify(result.stats.timingsMs)}, ${result.stats.candidatePairs} candidate pairs (${(result.stats.candidatePairs / hospital.records.length).toFixed(2)} per record)`);
  const quality = measureReconciliation(hospital.records, result);
  console.log(
    `quality: automatic precision ${quality.automaticPrecision.toFixed(5)}, automatic recall ${quality.automaticRecall.toFixed(4)}, auto+review recall ${quality.automaticOrReviewRecall.toFixed(4)} (${quality.reviewCorrectAmongAlternatives} right among a proposal's namesakes), review ${(quality.reviewShare * 100).toFixed(2)} % of records, homonym merges ${quality.homonymMerges}, wrong automatic links ${quality.automaticWrong}, blocking recall ${(blockedTrue / truePairs).toFixed(4)}`,
  );

  console.log(`engine half peak RSS (generator's records included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  // The same data through the store: records in a database file, then reconcileDirectory (read +
  // engine + write) and searches in a child process, whose peak RSS is the desk's.
  // GUICHET_BENCH_KEEP_STORE=DIR keeps the store file there, to measure reconcileDirectory again with measureReconcileDirectory.ts.
  const keptDir = process.env.GUICHET_BENCH_KEEP_STORE;
  const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'guichet-reconcile-bench-'));
  try {
    const path = join(dir, 'guichet.db');
    const db = openDatabase({ path });
    const now = '2026-11-29T08:00:00Z';
    const insertStarted = performance.now();
    db.transaction(() => {
      const sources = new Map(hospital.records.map((record) => [record.sourceId, record.role]));
      for (const [id, role] of sources) db.prepare("INSERT INTO sources (id, kind, role, label) VALUES (?, 'csv', ?, ?)").run(id, role, id);
      // The columns the import fills next to the JSON.
      const insert = db.prepare(
        'INSERT INTO source_records (source_id, record_key, raw_json, attributes_json, rpps, hr_id, ad_id, last_name, first_name, birth_date, finess, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const record of hospital.records) {
        // Register entries as the RPPS import stores them: the extract rows (one per activity, with its FINESS) as raw.
        const raw = record.finess === undefined ? '{}' : JSON.stringify({ lines: registerLines(record.key, record.attributes, record.finess) });
        const a = record.attributes;
        const finess = record.role === 'register' ? toFinessColumn(readRegisterFiness(raw)) : null;
        insert.run(record.sourceId, record.key, raw, JSON.stringify(a), a.rpps ?? null, a.hrId ?? null, a.adId ?? null, a.lastName ?? null, a.firstName ?? null, a.birthDate ?? null, finess, now);
      }
      db.prepare("INSERT INTO settings (key, value_json) VALUES ('establishment', ?)").run(JSON.stringify({ name: 'bench', finess: hospital.establishmentFiness }));
    })();
    db.close();
    console.log(`store: ${hospital.records.length} records inserted in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s (import itself is measured by the import bench)`);
    const figures = JSON.parse(execFileSync(process.execPath, [...process.execArgv, join(import.meta.dirname, 'measureReconcileDirectory.ts'), path], { encoding: 'utf8', maxBuffer: 1 << 20 })) as StoreFigures;
    console.log(
      `reconcileDirectory: ${(figures.reconcileMs / 1000).toFixed(1)} s, phases ${JSON.stringify(figures.timingsMs)}, peak RSS ${figures.reconcilePeakRssMb.toFixed(0)} MB; ${figures.links} links, automatic rate ${(figures.automaticRate * 100).toFixed(1)} %, review ${figures.reviewCount}, RPPS-aligned health professionals ${(figures.alignedToRpps * 100).toFixed(1)} %`,
    );
    console.log(`directory search over ${figures.identities} identities: ${figures.queries} queries, p50 ${figures.searchP50Ms.toFixed(2)} ms, p95 ${figures.searchP95Ms.toFixed(2)} ms, max ${figures.searchMaxMs.toFixed(2)} ms`);
  } finally {
    if (keptDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** What measureReconcileDirectory.ts prints. */
interface StoreFigures {
  reconcileMs: number;
  timingsMs: Record<string, number>;
  identities: number;
  links: number;
  automaticRate: number;
  reviewCount: number;
  alignedToRpps: number;
  reconcilePeakRssMb: number;
  queries: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchMaxMs: number;
}

/** The extract rows of a register entry, one per FINESS site (one without a site when it has none). */
function registerLines(rpps: string, attributes: LabelledRecord['attributes'], finess: readonly string[]): string[] {
  return (finess.length === 0 ? [''] : finess).map((site) =>
    formatRppsExtractLine({
      "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, "Nom d'exercice": attributes.lastName ?? '', "Prénom d'exercice": attributes.firstName ?? '',
      'Code profession': attributes.profession ?? '', 'Libellé profession': 'Médecin', 'Code mode exercice': 'S', 'Libellé mode exercice': 'Salarié', 'Numéro FINESS site': site, 'Raison sociale site': `SITE ${site}`,
    }),
  );
}
