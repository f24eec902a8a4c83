import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegisterActivities } from '../../src/core/import/readRegisterActivities';

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
const conventions = mkdtempSync(join(tmpdir(), 'guichet-import-conventions-'));
cpSync(join(projectRoot, 'test', 'fixtures', 'sources', 'conventions'), conventions, { recursive: true });

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(conventions, { recursive: true, force: true });
});

describe('guichet import', () => {
  it('prints the documented JSON contract, creates the database, and is idempotent', async () => {
    const first = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath, '--json']);
    expect(first.code).toBe(0);
    expect(lastJsonLine(first.stdout)).toEqual({
      sources: {
        rpps: { read: 5, imported: 4, rejected: 1, warned: 0, added: 3, updated: 0, removed: 0, refused: false },
        // Jean PETIT's impossible birth date is dropped; he is kept.
        sirh: { read: 4, imported: 4, rejected: 0, warned: 1, added: 4, updated: 0, removed: 0, refused: false },
        ad: { read: 2, imported: 2, rejected: 0, warned: 0, added: 2, updated: 0, removed: 0, refused: false },
        dpi: { read: 3, imported: 2, rejected: 1, warned: 0, added: 2, updated: 0, removed: 0, refused: false },
      },
      errors: [
        { source: 'rpps', line: 5, reason: 'invalid-key', field: 'Identifiant PP', value: '99900001040' },
        { source: 'dpi', line: 4, reason: 'column-count', detail: '2/4' },
      ],
      warnings: [{ source: 'sirh', line: 5, reason: 'impossible-date', field: 'DATE_NAISSANCE', value: '31/02/1975', detail: 'DD/MM/YYYY' }],
    });
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM identities").get()).toEqual({ n: 0 });
    const leger = db.prepare("SELECT raw_json FROM source_records WHERE source_id = 'rpps' AND record_key = (SELECT rpps FROM source_records WHERE record_key = 'M0001')").get() as { raw_json: string };
    expect(readRegisterActivities(leger.raw_json)).toHaveLength(2);
    db.close();

    const again = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath, '--json']);
    expect(again.code).toBe(0);
    expect(lastJsonLine(again.stdout)).toMatchObject({ sources: { rpps: unchanged(5, 1), sirh: unchanged(4, 0), ad: unchanged(2, 0), dpi: unchanged(3, 1) } });

    // Without --json: codes go through their French labels; the values read are not printed.
    const text = await runImport(['--config', join(work, 'sources.json'), '--db', dbPath]);
    expect(text.stderr).toContain('sirh:5: avertissement — DATE_NAISSANCE : Date impossible');
    expect(text.stderr).toContain('dpi:4: rejetée — Nombre de colonnes inattendu (2/4)');
    expect(text.stderr).not.toContain('31/02/1975');
  });

  it('reads the declared export conventions: encodings, ldifde LDIF, value maps, normalised identifiers, full names, last logins', async () => {
    const dbFile = join(conventions, 'directory.sqlite');
    const run = await runImport(['--config', join(conventions, 'sources.json'), '--db', dbFile, '--json']);
    expect(run.code).toBe(0);
    const report = lastJsonLine(run.stdout) as { sources: Record<string, object>; errors: object[]; warnings: object[] };
    expect(report.sources).toMatchObject({
      rh: { read: 6, imported: 4, rejected: 2, warned: 4 },
      ad: { read: 4, imported: 3, rejected: 1, warned: 1 },
      app: { read: 4, imported: 4, rejected: 0, warned: 2 },
    });
    expect(report.errors).toEqual([
      { source: 'rh', line: 6, reason: 'column-count', detail: '2/8' },
      { source: 'rh', line: 7, reason: 'missing-key', field: 'N° agent' },
      { source: 'ad', line: 32, reason: 'ldif-change-record', detail: 'modify' },
    ]);
    expect(report.warnings).toEqual([
      { source: 'rh', line: 3, reason: 'impossible-date', field: 'Date naissance', value: '1975-02-31', detail: 'YYYY-MM-DD' },
      { source: 'rh', line: 3, reason: 'invalid-rpps', field: 'RPPS', value: '99900001028' },
      { source: 'rh', line: 4, reason: 'invalid-finess', field: 'FINESS', value: '99000002' },
      { source: 'rh', line: 5, reason: 'unknown-code', field: 'Sexe', value: '9' },
      { source: 'ad', line: 25, reason: 'ldif-missing-blank-line', field: 'dn' },
      { source: 'app', line: 3, reason: 'impossible-date', field: 'naissance', value: '19750231', detail: 'YYYYMMDD' },
      { source: 'app', line: 5, reason: 'invalid-last-login', field: 'derniere_connexion', value: 'jamais', detail: 'DD/MM/YYYY' },
    ]);
    const db = new Database(dbFile, { readonly: true });
    const attributes = (source: string, key: string) => JSON.parse((db.prepare('SELECT attributes_json AS json FROM source_records WHERE source_id = ? AND record_key = ?').get(source, key) as { json: string }).json) as Record<string, unknown>;
    expect(attributes('rh', '0001234')).toEqual({ hrId: '1234', lastName: 'LÉGER', birthName: 'LÉGER', firstName: 'Anaïs, Marie', sex: 'F', birthDate: '1980-03-12', rpps: '99900001019', site: '990000011' });
    expect(attributes('rh', '0001237')).toMatchObject({ lastName: 'ŒUVRAY', firstName: 'Zoé' });
    expect(attributes('ad', 'aleger')).toEqual({ adId: 'aleger', lastName: 'LÉGER', firstName: 'Anaïs', email: 'anais.leger@chu-exemple.org', hrId: '1234', enabled: true, lastLogin: '2026-11-02' });
    expect(attributes('ad', 'pmartin')).toEqual({ adId: 'pmartin', lastName: 'MARTIN', firstName: 'Paul', enabled: false });
    expect(attributes('ad', 'ext.noel')).toMatchObject({ lastName: 'NOËL' });
    expect(attributes('app', 'aleger')).toEqual({ fullName: 'Dr LÉGER Anaïs', lastName: 'LÉGER', firstName: 'Anaïs', birthDate: '1980-03-12', lastLogin: '2026-11-02' });
    expect(attributes('app', 'pmartin')).toMatchObject({ lastName: 'MARTIN', firstName: 'Paul', lastLogin: '2026-10-01' });
    // Noël is a surname in the HR and directory sources: "Mme Noël Chloé" reads surname first, and Mme says F.
    expect(attributes('app', 'cnoel')).toMatchObject({ lastName: 'Noël', firstName: 'Chloé', sex: 'F' });
    expect(attributes('app', 'jd')).toMatchObject({ lastName: 'DURAND', firstName: 'J.' });
    expect((db.prepare('SELECT COUNT(*) AS n FROM import_warnings').get() as { n: number }).n).toBe(7);
    db.close();
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
