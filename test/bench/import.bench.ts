import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { formatRppsExtractLine, type RppsExtractColumn } from '../../src/core/import/formatRppsExtractLine';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';
import { createSeededRandom } from '../../src/core/demo/createSeededRandom';

export const name = 'import';
export const description = 'RPPS extract import: 2.23 M generated rows, rows/s, peak RSS, ratio vs sqlite3 .import';

const rows = Number(process.env.GUICHET_BENCH_IMPORT_ROWS ?? 2_230_000);
const rounds = Number(process.env.GUICHET_BENCH_IMPORT_ROUNDS ?? 3);
const lastNames = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'LÉGER', 'NOËL'];
const firstNames = ['MARIE', 'JEAN', 'ANAÏS', 'PIERRE', 'CHLOÉ', 'LUCAS', 'HÉLÈNE', 'PAUL'];
const professions = [['10', 'Médecin'], ['60', 'Infirmier'], ['21', 'Pharmacien'], ['70', 'Masseur-Kinésithérapeute'], ['50', 'Sage-Femme']] as const;

/** Writes a realistic extract: ~1.4 activities per professional, most columns filled. */
export async function writeExtract(path: string): Promise<void> {
  const random = createSeededRandom(2026);
  const out = createWriteStream(path);
  out.write(`${formatRppsExtractLine('header')}\n`);
  let person = 0;
  for (let written = 0; written < rows; ) {
    person += 1;
    const rpps = appendRppsCheckDigit(String(1_000_000_000 + person));
    const activities = random.chance(0.3) ? 2 : 1;
    const [code, label] = random.pick(professions);
    const lastName = random.pick(lastNames);
    const firstName = random.pick(firstNames);
    for (let activity = 0; activity < activities && written < rows; activity += 1, written += 1) {
      const finess = `75${String(random.integer(1_000_000, 9_999_999))}`;
      const values: Partial<Record<RppsExtractColumn, string>> = {
        "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, "Code civilité d'exercice": code === '10' ? 'DR' : '',
        "Libellé civilité d'exercice": code === '10' ? 'Docteur' : '', 'Code civilité': 'MME', 'Libellé civilité': 'Madame', "Nom d'exercice": lastName, "Prénom d'exercice": firstName,
        'Code profession': code, 'Libellé profession': label, 'Code catégorie professionnelle': 'C', 'Libellé catégorie professionnelle': 'Civil',
        'Code mode exercice': 'S', 'Libellé mode exercice': 'Salarié', 'Numéro SIRET site': `${finess}00012`, 'Numéro FINESS site': finess, 'Numéro FINESS établissement juridique': finess,
        'Identifiant technique de la structure': `R10${finess}`, 'Raison sociale site': 'CENTRE HOSPITALIER', 'Numéro Voie (coord. structure)': '12', 'Libellé type de voie (coord. structure)': 'Rue',
        'Libellé Voie (coord. structure)': 'de la République', 'Code postal (coord. structure)': '75012', 'Code commune (coord. structure)': '75112', 'Libellé commune (coord. structure)': 'PARIS',
        'Téléphone (coord. structure)': '0140000000', 'Code Département (structure)': '75', 'Libellé Département (structure)': 'Paris', "Autorité d'enregistrement": 'RPPS/ARS',
        "Code secteur d'activité": 'SA01', "Libellé secteur d'activité": 'Hôpital', 'Code rôle': 'FON-01', 'Libellé rôle': 'Titulaire', 'Code genre activité': 'GENR01', 'Libellé genre activité': 'Activité standard',
      };
      if (!out.write(`${formatRppsExtractLine(values)}\n`)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-import-'));
  try {
    const extract = join(dir, 'PS_LibreAcces_Personne_activite.txt');
    await writeExtract(extract);
    const size = statSync(extract).size;
    console.log(`extract: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(0)} MB`);

    if (spawnSync('sqlite3', ['-version']).status !== 0) execFileSync('apt-get', ['install', '-y', 'sqlite3'], { stdio: 'inherit' });
    if (spawnSync('/usr/bin/time', ['true']).status !== 0) execFileSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
    const configPath = join(dir, 'sources.json');
    writeFileSync(configPath, JSON.stringify({ establishment: { name: 'Bench', finess: ['750000001'] }, sources: [{ id: 'rpps', kind: 'rpps-extract', path: extract }] }));
    // 57 columns: the trailing "|" makes an empty last field.
    const columns = Array.from({ length: 57 }, (_, index) => `c${index} TEXT`).join(', ');

    // Rounds alternate the two commands, so that a slow spell of this shared machine weighs on both;
    // the ratio reported is the median of the rounds'.
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const sqliteDb = join(dir, `sqlite3-import-${round}.sqlite`);
      const sqliteSeconds = timeCommand('sqlite3', [sqliteDb, `CREATE TABLE extract (${columns});`, '.mode list', '.separator |', `.import --skip 1 ${extract} extract`]).seconds;
      rmSync(sqliteDb);
      // Guichet measured as an administrator runs it: the import command, in a fresh process, like sqlite3.
      const guichetDb = join(dir, `guichet-${round}.sqlite`);
      const timeFile = join(dir, 'time.txt');
      const cli = timeCommand('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'import', '--config', configPath, '--db', guichetDb, '--json']);
      const result = (JSON.parse(cli.stdout.trim().split('\n').at(-1)!) as { sources: Record<string, { read: number; added: number; rejected: number }> }).sources.rpps!;
      const peakRssMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024;
      rmSync(guichetDb, { force: true });
      ratios.push(cli.seconds / sqliteSeconds);
      console.log(
        `round ${round}: sqlite3 .import ${sqliteSeconds.toFixed(1)} s (${Math.round(rows / sqliteSeconds).toLocaleString('en')} rows/s); ` +
          `guichet import (CLI) ${cli.seconds.toFixed(1)} s (${Math.round(result.read / cli.seconds).toLocaleString('en')} rows/s, ${result.added.toLocaleString('en')} professionals, ${result.rejected} rejected), ` +
          `peak RSS ${peakRssMb.toFixed(0)} MB; ratio ${(cli.seconds / sqliteSeconds).toFixed(2)}×`,
      );
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(`ratio vs sqlite3 .import: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}× over ${rounds} rounds (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)}×; goal ≤ 1.5×, ≤ 500 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a command to its end; it starts with the page cache written back, so that it pays neither
 * for the other command's writes nor for the extract just generated.
 */
function timeCommand(command: string, args: string[]): { seconds: number; stdout: string } {
  execFileSync('sync');
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed (${run.status}): ${run.stderr}`);
  return { seconds, stdout: run.stdout };
}
