import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock';
import { generateDemoHospital } from '../../src/core/demo/generateDemoHospital';
import { seedDemoDirectory } from '../../src/core/demo/seedDemoDirectory';
import { searchPeople } from '../../src/core/directory/searchPeople';
import { importSources } from '../../src/core/import/importSources';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { writeRegisterExtract } from '../support/writeRegisterExtract';

export const name = 'storeCipher';
export const description = 'Encrypted (SQLCipher 4) vs clear store: register import time, desk search p50/p95 on a cold connection, store size';

const rows = Number(process.env.GUICHET_BENCH_CIPHER_ROWS ?? 2_230_000);
const rounds = Number(process.env.GUICHET_BENCH_CIPHER_ROUNDS ?? 2);
const employees = Number(process.env.GUICHET_BENCH_CIPHER_EMPLOYEES ?? 3000);

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round1 = (value: number): number => Math.round(value * 10) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

interface Figures {
  variant: 'clear' | 'encrypted';
  importSeconds: number;
  /** CPU time of every thread of this process during the import: less at the mercy of a shared machine than the wall clock. */
  importCpuSeconds: number;
  searchP50Ms: number;
  searchP95Ms: number;
  storeMb: number;
}

async function measure(dir: string, variant: Figures['variant'], round: number, configJson: string): Promise<Figures> {
  const path = join(dir, `${variant}-${round}.sqlite`);
  const key = variant === 'encrypted' ? randomBytes(32) : null;
  const today = new Date().toISOString().slice(0, 10);
  let db = openDatabase({ path, key });
  seedDemoDirectory(db, generateDemoHospital({ today, employees }), systemClock);
  const parsed = parseSourcesConfig({ text: configJson, configPath: join(dir, 'sources.json') });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await importSources(db, { config: parsed.config, only: ['register'], clock: systemClock });
  const importSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const importCpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (report.sources.register?.read !== rows) throw new Error(`read ${report.sources.register?.read} rows, expected ${rows}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  // A fresh connection, as after a restart: pages come from disk (and through the cipher), not the cache.
  db = openDatabase({ path, key });
  const people = db.prepare('SELECT last_name AS lastName, first_name AS firstName, rpps FROM identities ORDER BY random() LIMIT 200').all() as { lastName: string; firstName: string; rpps: string | null }[];
  const queries = people.flatMap((person) => [person.lastName.slice(0, 3), `${person.firstName.slice(0, 2)} ${person.lastName}`, person.rpps ?? person.lastName]);
  const latencies: number[] = [];
  for (const query of queries) {
    const before = performance.now();
    searchPeople(db, { query });
    latencies.push(performance.now() - before);
  }
  db.close();
  const sorted = latencies.sort((a, b) => a - b);
  const storeMb = statSync(path).size / 1e6;
  rmSync(path, { force: true });
  return { variant, importSeconds: round1(importSeconds), importCpuSeconds: round1(importCpuSeconds), searchP50Ms: round2(quantile(sorted, 0.5)), searchP95Ms: round2(quantile(sorted, 0.95)), storeMb: Math.round(storeMb) };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-cipher-'));
  try {
    await writeRegisterExtract(join(dir, 'register.txt'), rows);
    const configJson = JSON.stringify({ establishment: { name: 'Bench', finess: ['750000001'] }, sources: [{ id: 'register', kind: 'rpps-extract', path: 'register.txt' }] });
    writeFileSync(join(dir, 'sources.json'), configJson);
    console.log(`register extract: ${rows.toLocaleString('en')} rows, ${(statSync(join(dir, 'register.txt')).size / 1e6).toFixed(0)} MB; directory: ${employees} employees; ${rounds} rounds, the order alternating`);
    const results: Figures[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const order: Figures['variant'][] = round % 2 === 1 ? ['clear', 'encrypted'] : ['encrypted', 'clear'];
      for (const variant of order) {
        const figures = await measure(dir, variant, round, configJson);
        results.push(figures);
        console.log(`round ${round} ${JSON.stringify(figures)}`);
      }
    }
    for (const variant of ['clear', 'encrypted'] as const) {
      const mine = results.filter((figures) => figures.variant === variant);
      const range = (pick: (figures: Figures) => number): string => {
        const values = mine.map(pick).sort((a, b) => a - b);
        return values.length === 1 ? String(values[0]) : `${values[0]}–${values.at(-1)}`;
      };
      console.log(`${variant} (${mine.length} runs): import ${range((f) => f.importSeconds)} s (CPU ${range((f) => f.importCpuSeconds)} s), search p50 ${range((f) => f.searchP50Ms)} ms, p95 ${range((f) => f.searchP95Ms)} ms, store ${range((f) => f.storeMb)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
