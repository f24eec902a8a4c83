import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench [name…]`: runs every `test/bench/*.bench.ts` (or those whose file name contains
 * one of the given names). Each exports `name`, `description` and `run()` that prints its figures.
 * Benchmarks are never part of `npm test`.
 */
interface Benchmark {
  name: string;
  description: string;
  run(): Promise<void>;
}

const filters = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ') || '(any)'} in ${dir}`);
  process.exit(2);
}
for (const file of files) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)) as Benchmark;
  console.log(`\n## ${bench.name} — ${bench.description}`);
  const started = performance.now();
  await bench.run();
  console.log(`(${bench.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
