import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { reconcileRecords, type ReconcileRecord } from '../../src/core/reconcile/reconcileRecords';
import type { CanonicalAttributes } from '../../src/shared/directory/canonicalAttributes';
import { visitBlockingKeys } from '../../src/shared/matching/visitBlockingKeys';
import { buildMatchFeatures } from '../../src/shared/matching/buildMatchFeatures';
import { compareFeatures, type CompareContext } from '../../src/shared/matching/compareFeatures';
import { defaultMatchingConfig } from '../../src/shared/matching/matchingConfig';

export const name = 'reconcile-public-sets';
export const description = 'Pairwise precision/recall/F1 of the reconciliation engine on FEBRL 1–4 and Splink’s labelled sets, next to published figures';

const benchmarks = join(import.meta.dirname, '..', '..', '..', 'shared', 'benchmarks');
/** Blocks larger than this are skipped in de-duplication runs (their loss shows in blocking recall). */
const maxBlock = 300;

interface Labelled {
  cluster: string;
  attributes: CanonicalAttributes;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, trim: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
}

function isoFromCompact(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : undefined;
}

function clean(attributes: Record<string, string | undefined>): CanonicalAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined && value !== '')) as CanonicalAttributes;
}

function febrl(file: string, withId: boolean): Labelled[] {
  return readCsv(join(benchmarks, 'febrl', file)).map((row) => ({
    cluster: /^rec-(\d+)-/.exec(row.rec_id!)![1]!,
    attributes: clean({ firstName: row.given_name, lastName: row.surname, birthDate: isoFromCompact(row.date_of_birth), hrId: withId ? row.soc_sec_id : undefined }),
  }));
}

function f1(truePositives: number, predicted: number, truth: number) {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = truePositives / truth;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function format(figures: { precision: number; recall: number; f1: number }): string {
  return `P ${figures.precision.toFixed(3)}  R ${figures.recall.toFixed(3)}  F1 ${figures.f1.toFixed(3)}`;
}

/** De-duplication of one file: blocked pairs scored with the engine's comparators; a pair is a match at ≥ threshold or by rule. */
function deduplicate(records: Labelled[], threshold: number) {
  const started = performance.now();
  const features = records.map((record) => buildMatchFeatures({ attributes: record.attributes }));
  const counts = new Map<string, number>();
  for (const feature of features) for (const form of feature.lastNames) counts.set(form, (counts.get(form) ?? 0) + 1);
  const context: CompareContext = { config: defaultMatchingConfig, establishmentFiness: new Set(), lastNameCount: (form) => counts.get(form) ?? 1 };
  const blocks = new Map<string, number[]>();
  features.forEach((feature, index) => {
    visitBlockingKeys(feature, 'index', (kind, value, initial) => {
      const key = `${kind}:${value}|${initial}`;
      blocks.set(key, [...(blocks.get(key) ?? []), index]);
    });
  });
  const compared = new Set<number>();
  const scored: { score: number; match: boolean }[] = [];
  let predicted = 0;
  let truePositives = 0;
  for (const members of blocks.values()) {
    if (members.length > maxBlock) continue;
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const [a, b] = [members[i]!, members[j]!];
        const pairId = a * records.length + b;
        if (compared.has(pairId)) continue;
        compared.add(pairId);
        const comparison = compareFeatures(features[a]!, features[b]!, context);
        scored.push({ score: comparison.rule !== null ? Number.POSITIVE_INFINITY : comparison.score, match: records[a]!.cluster === records[b]!.cluster });
        if (comparison.rule !== null || comparison.score >= threshold) {
          predicted += 1;
          if (records[a]!.cluster === records[b]!.cluster) truePositives += 1;
        }
      }
    }
  }
  const clusterSizes = new Map<string, number>();
  for (const record of records) clusterSizes.set(record.cluster, (clusterSizes.get(record.cluster) ?? 0) + 1);
  const truePairs = [...clusterSizes.values()].reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  let blockedTrue = 0;
  for (const pairId of compared) if (records[Math.floor(pairId / records.length)]!.cluster === records[pairId % records.length]!.cluster) blockedTrue += 1;
  return { ...f1(truePositives, predicted, truePairs), best: bestThreshold(scored, truePairs), truePairs, candidatePairs: compared.size, blockingRecall: blockedTrue / truePairs, ms: Math.round(performance.now() - started) };
}

/** The score threshold with the best F1: what the same evidence achieves once thresholds are tuned to the data. */
function bestThreshold(scored: { score: number; match: boolean }[], truePairs: number) {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  let best = { threshold: Number.POSITIVE_INFINITY, ...f1(0, 0, truePairs) };
  let predicted = 0;
  let truePositives = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    predicted += 1;
    if (sorted[index]!.match) truePositives += 1;
    if (sorted[index + 1]?.score === sorted[index]!.score) continue;
    const figures = f1(truePositives, predicted, truePairs);
    if (figures.f1 > best.f1) best = { threshold: sorted[index]!.score, ...figures };
  }
  return best;
}

/** FEBRL4: 4a plays HR, 4b an application; the engine itself (one-to-one per record, homonym guard). */
function linkFebrl4(withId: boolean, config = defaultMatchingConfig) {
  const left = febrl('dataset4a.csv', withId);
  const right = febrl('dataset4b.csv', withId);
  const records: ReconcileRecord[] = [
    ...left.map((record, index) => ({ sourceId: 'a', role: 'hr' as const, key: `a${index}`, attributes: record.attributes })),
    ...right.map((record, index) => ({ sourceId: 'b', role: 'application' as const, key: `b${index}`, attributes: record.attributes })),
  ];
  const started = performance.now();
  const result = reconcileRecords({ records, today: '2026-11-29', config });
  const ms = Math.round(performance.now() - started);
  let auto = 0;
  let autoCorrect = 0;
  let review = 0;
  let reviewCorrect = 0;
  const reliability = reliabilityBins.slice(1).map(() => ({ links: 0, right: 0, probabilitySum: 0 }));
  right.forEach((record, index) => {
    const link = result.links[left.length + index]!;
    if (link.identity === null) return;
    const correct = left[result.identities[link.identity]!.anchor]!.cluster === record.cluster;
    if (link.probability !== null) {
      const bin = reliability[reliabilityBins.findIndex((low, position) => link.probability! >= low && link.probability! < reliabilityBins[position + 1]!)]!;
      bin.links += 1;
      bin.probabilitySum += link.probability;
      if (correct) bin.right += 1;
    }
    if (link.decision === 'auto') {
      auto += 1;
      if (correct) autoCorrect += 1;
    } else if (link.decision === 'review') {
      review += 1;
      if (correct) reviewCorrect += 1;
    }
  });
  return { automatic: f1(autoCorrect, auto, right.length), withReview: f1(autoCorrect + reviewCorrect, auto + review, right.length), review, ms, candidatePairs: result.stats.candidatePairs, reliability };
}

/** Bounds of the reliability table: the probability the engine gave each link, against how often it was right. */
const reliabilityBins = [0.5, 0.7, 0.9, 0.95, 0.99, 0.999, 1.0001];

function formatReliability(bins: { links: number; right: number; probabilitySum: number }[]): string {
  return bins
    .map((bin, index) => `[${reliabilityBins[index]}, ${Math.min(1, reliabilityBins[index + 1]!)}${index === bins.length - 1 ? ']' : ')'}: ${bin.links} links, mean probability ${bin.links === 0 ? '-' : (bin.probabilitySum / bin.links).toFixed(3)}, right ${bin.links === 0 ? '-' : (bin.right / bin.links).toFixed(3)}`)
    .join('; ');
}

export async function run(): Promise<void> {
  if (process.env.GUICHET_BENCH_FEBRL4_ONLY === '1') {
    const figures = linkFebrl4(false);
    console.log(`FEBRL4 names + birth date only, calibrated: automatic ${format(figures.automatic)}; auto+review ${format(figures.withReview)} (${figures.review} in review, ${figures.ms} ms)`);
    return;
  }
  for (const scoring of ['calibrated', 'seed-points'] as const) {
    for (const withId of [true, false]) {
      const figures = linkFebrl4(withId, { ...defaultMatchingConfig, scoring });
      console.log(`FEBRL4 linkage (${scoring}) ${withId ? 'with soc_sec_id as HR id' : 'names + birth date only'}: automatic ${format(figures.automatic)}; auto+review ${format(figures.withReview)} (${figures.review} in review, ${figures.candidatePairs} candidate pairs, ${figures.ms} ms)`);
    }
  }
  console.log('  target (issue 14): FEBRL4 names + birth date only, automatic F1 ≥ 0.99');
  // Where the target lies: the links the engine rates below the automatic band are right about as
  // often as it says (calibrated), so F1 ≥ 0.99 needs a lower band, which costs precision elsewhere.
  const namesOnly = linkFebrl4(false);
  console.log(`  FEBRL4 names + birth date only, reliability of each link's probability (first pass or elimination): ${formatReliability(namesOnly.reliability)}`);
  for (const band of [0.9, 0.5]) {
    const figures = linkFebrl4(false, { ...defaultMatchingConfig, calibrated: { ...defaultMatchingConfig.calibrated, automaticProbability: band } });
    console.log(`  the same with the automatic band at ${band} instead of ${defaultMatchingConfig.calibrated.automaticProbability} (not the default: at 0.5 the outside hospital B, seed 1, already gets 2 wrong automatic links): automatic ${format(figures.automatic)}`);
  }
  console.log(
    '  published, as listed in /work/shared/benchmarks/README.md ("Reference figures on FEBRL4"; that file does not name the primary publication): the program\'s points table with id P 1.000 R 0.869, without id R 0.537; Fellegi–Sunter with EM on seven fields + one-to-one F1 0.999; Fellegi–Sunter on names + birth date only + one-to-one P 0.998 R 0.977 F1 0.988',
  );
  for (const file of ['dataset1.csv', 'dataset2.csv', 'dataset3.csv']) {
    const figures = deduplicate(febrl(file, true), defaultMatchingConfig.automaticThreshold);
    console.log(`FEBRL ${file} de-duplication (names, dob, soc_sec_id): ${format(figures)}; best threshold ${figures.best.threshold}: ${format(figures.best)}; blocking recall ${figures.blockingRecall.toFixed(4)} with ${figures.candidatePairs} candidate pairs for ${figures.truePairs} true pairs (${figures.ms} ms)`);
  }
  const fake = readCsv(join(benchmarks, 'splink', 'fake_1000.csv')).map((row) => ({
    cluster: row.cluster!,
    attributes: clean({ firstName: row.first_name, lastName: row.surname, birthDate: row.dob, email: row.email }),
  }));
  for (const threshold of [defaultMatchingConfig.automaticThreshold, defaultMatchingConfig.reviewThreshold]) {
    const figures = deduplicate(fake, threshold);
    console.log(`Splink fake_1000 de-duplication at ≥ ${threshold}: ${format(figures)}; best threshold ${figures.best.threshold}: ${format(figures.best)}; blocking recall ${figures.blockingRecall.toFixed(4)} (${figures.candidatePairs} candidate pairs, ${figures.truePairs} true pairs, ${figures.ms} ms)`);
  }
  const historical = readCsv(join(benchmarks, 'splink', 'historical_figures_with_errors_50k.csv')).map((row) => ({
    cluster: row.cluster!,
    attributes: clean({ firstName: row.first_name, lastName: row.surname, fullName: row.first_name === '' && row.surname === '' ? row.full_name : undefined, birthDate: row.dob, sex: row.gender === 'male' ? 'M' : row.gender === 'female' ? 'F' : undefined }),
  }));
  const figures = deduplicate(historical, defaultMatchingConfig.automaticThreshold);
  console.log(`Splink historical 50k de-duplication: ${format(figures)}; best threshold ${figures.best.threshold}: ${format(figures.best)}; blocking recall ${figures.blockingRecall.toFixed(4)} (${figures.candidatePairs} candidate pairs of ${figures.truePairs} true pairs; blocks > ${maxBlock} skipped; ${figures.ms} ms)`);
  console.log(
    '  published (Splink\'s own comparison on this family of data, as listed in /work/shared/benchmarks/README.md; recall at 1 % false positives): deterministic ≈ 0.20, exact FS 0.38, fuzzy 0.54, +TF 0.68, +TF partial 0.73',
  );
}
