import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegisterActivities } from '../../src/core/import/readRegisterActivities';
import { openStoreFile } from '../../src/core/store/openStoreFile';
import { readStoreFormat } from '../../src/core/store/readStoreFormat';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'guichet-import-cli-'));
cpSync(join(projectRoot, 'test', 'fixtures', 'sources'), work, { recursive: true });
const dbPath = join(work, 'nested', 'directory.sqlite');

/** Runs `npm run --silent guichet -- import …` (the same entry point, without npm's start-up). */
function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'cli', 'main.ts'), 'import', ...args], { cwd: tmpdir() }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}
const lastJsonLine = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').at(-1)!);
const unchanged = (read: number, rejected: number) => ({ read, imported: read - rejected, rejected, added: 0, updated: 0, removed: 0, refused: false });

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('guichet import', () => {
  it('prints the documented JSON contract, creates the database, and is idempotent', async () => {
    const first = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath, '--json']);
    expect(first.code).toBe(0);
    expect(lastJsonLine(first.stdout)).toEqual({
      sources: {
        rpps: { read: 5, imported: 4, rejected: 1, added: 3, updated: 0, removed: 0, refused: false },
        sirh: { read: 4, imported: 3, rejected: 1, added: 3, updated: 0, removed: 0, refused: false },
        ad: { read: 2, imported: 2, rejected: 0, added: 2, updated: 0, removed: 0, refused: false },
        dpi: { read: 3, imported: 2, rejected: 1, added: 2, updated: 0, removed: 0, refused: false },
      },
      errors: [
        { source: 'rpps', line: 5, reason: 'invalid RPPS "99900001040": expected 11 digits with a valid Luhn key' },
        { source: 'sirh', line: 5, reason: 'DATE_NAISSANCE "31/02/1975": expected a date as DD/MM/YYYY' },
        { source: 'dpi', line: 4, reason: 'expected 4 columns, found 2' },
      ],
    });
    // Encrypted with the key file the CLI created beside it.
    expect(readStoreFormat(dbPath)).toBe('encrypted');
    const db = openStoreFile({ path: dbPath, readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM identities").get()).toEqual({ n: 0 });
    const leger = db.prepare("SELECT raw_json FROM source_records WHERE source_id = 'rpps' AND record_key = (SELECT rpps FROM source_records WHERE record_key = 'M0001')").get() as { raw_json: string };
    expect(readRegisterActivities(leger.raw_json)).toHaveLength(2);
    db.close();

    const again = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath, '--json']);
    expect(again.code).toBe(0);
    expect(lastJsonLine(again.stdout)).toMatchObject({ sources: { rpps: unchanged(5, 1), sirh: unchanged(4, 1), ad: unchanged(2, 0), dpi: unchanged(3, 1) } });
  });

  it('exits non-zero when a source is refused, and still imports the others', async () => {
    writeFileSync(join(work, 'dpi.csv'), 'login,nom,prenom,rpps\n');
    rmSync(join(work, 'ad.ldif'));
    const refused = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath, '--json']);
    expect(refused.code).toBe(1);
    const report = lastJsonLine(refused.stdout) as { sources: Record<string, { refused: boolean }>; errors: { source: string; line: number; reason: string }[] };
    expect(report.sources.ad!.refused).toBe(true);
    expect(report.sources.dpi!.refused).toBe(true);
    expect(report.sources.sirh!.refused).toBe(false);
    expect(report.errors.filter((error) => error.line === 0)).toEqual([
      { source: 'ad', line: 0, reason: expect.stringMatching(/cannot read .*ad\.ldif: ENOENT/) },
      { source: 'dpi', line: 0, reason: expect.stringMatching(/came back empty/) },
    ]);
  });

  it('reports configuration and usage errors clearly', async () => {
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ establishment: { name: 'H', finess: ['990000011'] }, sources: [{ id: 'x', kind: 'excel', path: 'x' }] }));
    const bad = await runImport(['--config', join(work, 'bad.json'), '--db', dbPath]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/sources\.0\.kind: expected "kind" to be one of "rpps-extract", "csv", "ldif", "ldap"/);
    const usage = await runImport(['--db', dbPath]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Missing --config/);
  });
});
