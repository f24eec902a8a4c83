import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRppsExtractLine } from '../../src/core/import/formatRppsExtractLine';
import { createEventHub } from '../../src/core/desk/createEventHub';
import { createSourcesHandlers } from '../../src/core/sources/createSourcesHandlers';
import { openStoreFile } from '../../src/core/store/openStoreFile';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'guichet-import-killed-'));
const dbPath = join(work, 'guichet.sqlite');
const configPath = join(work, 'sources.json');

afterAll(() => rmSync(work, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeExtract(rows: number): void {
  const file = openSync(join(work, 'rpps.txt'), 'w');
  writeSync(file, `${formatRppsExtractLine('header')}\n`);
  let lines: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    const rpps = appendRppsCheckDigit(`1${String(index).padStart(9, '0')}`);
    lines.push(formatRppsExtractLine({ "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, "Nom d'exercice": `NOM${index}`, "Prénom d'exercice": 'ANNE', 'Code profession': '60' }));
    if (lines.length === 10_000) {
      writeSync(file, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  writeSync(file, `${lines.join('\n')}\n`);
  closeSync(file);
}

const statusOf = (): string[] => {
  // The store is encrypted with the key file the CLI created beside it.
  const db = openStoreFile({ path: dbPath, readonly: true });
  try {
    return (db.prepare('SELECT status FROM import_runs ORDER BY id').all() as { status: string }[]).map((run) => run.status);
  } finally {
    db.close();
  }
};

describe('an import killed half-way', () => {
  it('leaves nothing half-written, and its run is closed as interrupted when the desk next opens the store', { timeout: 120_000 }, async () => {
    writeExtract(300_000);
    writeFileSync(configPath, JSON.stringify({ establishment: { name: 'H', finess: ['990000011'] }, sources: [{ id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' }] }));
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'cli', 'main.ts'), 'import', '--config', configPath, '--db', dbPath, '--json'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 60_000;
    const isRunning = (): boolean => {
      try {
        return statusOf().includes('running');
      } catch {
        return false; // the CLI has not created the database yet
      }
    };
    while (!isRunning()) {
      if (Date.now() > deadline) throw new Error('the import never started');
      await sleep(100);
    }
    // Let it stage some batches, then kill it as a power cut would.
    await sleep(500);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(statusOf()).toEqual(['running']);

    // What the desk's composition root does when it opens the store: build the Sources handlers.
    const db = openStoreFile({ path: dbPath });
    try {
      createSourcesHandlers({ db, clock: { now: () => new Date() }, events: createEventHub(), configPath });
      expect(statusOf()).toEqual(['interrupted']);
      expect(db.prepare('SELECT COUNT(*) AS n FROM source_records').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
