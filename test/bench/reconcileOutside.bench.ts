import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importSources } from '../../src/core/import/importSources';
import { reconcileDirectory } from '../../src/core/reconcile/reconcileDirectory';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { generateChuC } from '../outside/generateChuC';
import { generateGhtB } from '../outside/generateGhtB';
import { generateHospitalA } from '../outside/generateHospitalA';
import { generateReunionD } from '../outside/generateReunionD';
import { measureOutsideReconciliation } from '../support/measureOutsideReconciliation';

export const name = 'reconcile-outside';
export const description =
  'Reconciliation on the four outside generators at full size (A: one hospital, 1,250 staff; B: two-site GHT, 1,600 staff; C: four-site university hospital, 2,000 staff; D: two-site overseas university hospital, 1,800 staff), seeds 1 and 2: files written, imported, reconciled, measured against truth.json';

const seeds = (process.env.GUICHET_BENCH_OUTSIDE_SEEDS ?? '1,2').split(',').map(Number);

export async function run(): Promise<void> {
  console.log('targets (issue 14): automatic precision ≥ 0.999 with 0 homonym merges, automatic recall ≥ 0.90, auto+review recall ≥ 0.99, review ≤ 5 % of local records');
  for (const generator of (process.env.GUICHET_BENCH_OUTSIDE_GENERATORS ?? 'a,b,c,d').split(',')) {
    for (const seed of seeds) {
      const dir = mkdtempSync(join(tmpdir(), `guichet-outside-${generator}${seed}-`));
      try {
        const sampleDir = join(dir, 'files');
        if (generator === 'a') generateHospitalA({ seed, outDir: sampleDir });
        else if (generator === 'b') generateGhtB({ seed, outDir: sampleDir });
        else if (generator === 'c') generateChuC({ seed, outDir: sampleDir });
        else generateReunionD({ seed, outDir: sampleDir });
        const db = openDatabase({ path: join(dir, 'guichet.db') });
        const configPath = join(sampleDir, 'sources.json');
        const parsed = parseSourcesConfig({ text: readFileSync(configPath, 'utf8'), configPath });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const importStarted = performance.now();
        const imported = await importSources(db, { config: parsed.config, force: true, clock: { now: () => new Date('2026-11-30T08:00:00Z') } });
        const importMs = performance.now() - importStarted;
        const started = performance.now();
        const { rows, report } = reconcileDirectory(db, { clock: { now: () => new Date('2026-11-30T09:00:00Z') } });
        const reconcileMs = performance.now() - started;
        db.close();
        const q = measureOutsideReconciliation(sampleDir, rows);
        console.log(
          `${generator.toUpperCase()} seed ${seed}: ${q.truePairs} true pairs, ${q.localRecords} local records; automatic precision ${q.automaticPrecision.toFixed(4)}, automatic recall ${q.automaticRecall.toFixed(4)}, auto+review recall ${q.automaticOrReviewRecall.toFixed(4)} (${q.reviewCorrectAmongAlternatives} right among a proposal's alternatives), review ${(q.reviewShare * 100).toFixed(2)} %, homonym merges ${q.homonymMerges}, wrong automatic ${q.automatic - q.automaticCorrect}; import ${(importMs / 1000).toFixed(1)} s (${imported.warnings?.length ?? 0} warnings), reconcile ${(reconcileMs / 1000).toFixed(1)} s ${JSON.stringify(report.timingsMs)}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}
