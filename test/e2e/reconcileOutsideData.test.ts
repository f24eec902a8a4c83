import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../src/core/import/importSources';
import { reconcileDirectory } from '../../src/core/reconcile/reconcileDirectory';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { measureOutsideReconciliation } from '../support/measureOutsideReconciliation';

const samples = ['a-seed1', 'a-seed2', 'b-seed1', 'b-seed2', 'c-seed1', 'c-seed2'];
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'outside');

/** Imports a committed sample from its files, reconciles it and measures it against its truth.json. */
async function reconcileSample(sample: string) {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-outside-'));
  const db = openDatabase({ path: join(dir, 'guichet.db') });
  try {
    const configPath = join(fixtures, sample, 'sources.json');
    const parsed = parseSourcesConfig({ text: readFileSync(configPath, 'utf8'), configPath });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await importSources(db, { config: parsed.config, force: true, clock: { now: () => new Date('2026-11-30T08:00:00Z') } });
    const { rows } = reconcileDirectory(db, { clock: { now: () => new Date('2026-11-30T09:00:00Z') } });
    const quality = measureOutsideReconciliation(join(fixtures, sample), rows);
    console.log(`${sample}: ${JSON.stringify(quality)}`);
    return { rows, quality };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Data the engine was not tuned on: each committed sample of the three outside generators is imported
 * from its files through the real import path, reconciled, and measured against its truth.json.
 */
/** Precision ≥ 0.999 and no namesake merged always; the other figures against the given bars. */
function expectQuality(quality: Awaited<ReturnType<typeof reconcileSample>>['quality'], bars: { recall: number; found: number; review: number }): void {
  expect(quality.truePairs).toBeGreaterThan(100);
  expect(quality.automaticPrecision).toBeGreaterThanOrEqual(0.999);
  expect(quality.homonymMerges).toBe(0);
  expect(quality.automaticRecall).toBeGreaterThanOrEqual(bars.recall);
  expect(quality.automaticOrReviewRecall).toBeGreaterThanOrEqual(bars.found);
  expect(quality.reviewShare).toBeLessThanOrEqual(bars.review);
}

describe('reconciliation on outside hospitals (committed samples)', () => {
  for (const sample of samples) {
    it(`meets the quality bars on ${sample}`, { timeout: 120_000 }, async () => {
      const { rows, quality } = await reconcileSample(sample);
      // Issue 14's bars. Newcomers the register still shows at their previous employer are
      // proposed once their HR start date falls within the register's lag (auto+review 0.994–1.000 today).
      expectQuality(quality, { recall: 0.9, found: 0.99, review: 0.05 });
      // Hospital C's badge base keeps lost cards (declared recordsPerPerson "several" in its
      // sources.json): the declaration reaches the engine through the import, and a person's
      // lost and current cards both link.
      if (sample.startsWith('c-')) {
        const badgesPerPerson = new Map<string, number>();
        for (const row of rows) if (row.sourceId === 'badges' && row.decision === 'auto' && row.identityId !== null) badgesPerPerson.set(row.identityId, (badgesPerPerson.get(row.identityId) ?? 0) + 1);
        expect(Math.max(...badgesPerPerson.values())).toBeGreaterThanOrEqual(2);
      }
    });
  }
});

/**
 * Hospital D (overseas, a few surnames carried by many, AD and badges with names only) misses the
 * recall and review bars (README, "Outside hospitals"). Its samples hold the engine to what matters
 * most — no wrong automatic link, no namesake merged — and keep today's other figures from slipping.
 */
describe('reconciliation on an overseas hospital with concentrated surnames (committed samples)', () => {
  for (const sample of ['d-seed1', 'd-seed2']) {
    it(`links no namesake automatically on ${sample}`, { timeout: 120_000 }, async () => {
      const { quality } = await reconcileSample(sample);
      // Floors, not issue 14's bars (0.90, 0.99, 5 %): today 0.82–0.83, 0.989–0.993, 14–15 %.
      expectQuality(quality, { recall: 0.78, found: 0.98, review: 0.17 });
    });
  }
});
