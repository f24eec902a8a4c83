/**
 * Writes one synthetic outside hospital as export files plus its truth:
 *   npx tsx test/outside/writeOutsideHospital.ts --generator a|b|c|d|e --seed N --out DIR [--staff N]
 * The register size follows the staff; `--namesakes X` scales the namesakes written to it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAlsaceE } from './generateAlsaceE';
import { generateChuC } from './generateChuC';
import { generateGhtB } from './generateGhtB';
import { generateHospitalA } from './generateHospitalA';
import { generateReunionD } from './generateReunionD';

function writeOutsideHospital(argv: readonly string[]): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      generator: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      staff: { type: 'string' },
      namesakes: { type: 'string' },
    },
    strict: true,
  });
  const usage = 'usage: writeOutsideHospital.ts --generator a|b|c|d|e --seed N --out DIR [--staff N] [--namesakes X]';
  if ((values.generator !== 'a' && values.generator !== 'b' && values.generator !== 'c' && values.generator !== 'd' && values.generator !== 'e') || values.seed === undefined || values.out === undefined) throw new Error(usage);
  const seed = Number(values.seed);
  const staff = values.staff === undefined ? undefined : Number(values.staff);
  const namesakes = values.namesakes === undefined ? undefined : Number(values.namesakes);
  if (!Number.isInteger(seed) || (staff !== undefined && !(Number.isInteger(staff) && staff >= 20)) || (namesakes !== undefined && !(namesakes >= 0))) throw new Error(usage);
  const outDir = resolve(values.out);
  const counts =
    values.generator === 'a'
      ? generateHospitalA({ seed, outDir, staff, namesakesPerPerson: namesakes === undefined ? undefined : 4 * namesakes }).counts
      : values.generator === 'b'
        ? generateGhtB({ seed, outDir, staff, namesakeScale: namesakes }).written
        : values.generator === 'c'
          ? generateChuC({ seed, outDir, staff, namesakeScale: namesakes }).written
          : values.generator === 'd'
            ? generateReunionD({ seed, outDir, staff, namesakeScale: namesakes }).written
            : generateAlsaceE({ seed, outDir, staff, namesakeScale: namesakes }).written;
  process.stdout.write(`${JSON.stringify({ generator: values.generator, seed, outDir, counts })}\n`);
}

try {
  writeOutsideHospital(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
}
