import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticHospital, type SyntheticHospital } from '../support/generateSyntheticHospital';
import { projectRoot } from '../support/startTestDesk';
import { writeReconcileFixtures } from '../support/writeReconcileFixtures';
import { openStoreFile } from '../../src/core/store/openStoreFile';

const run = promisify(execFile);
let dir: string;
let hospital: SyntheticHospital;
let configPath: string;

/** `npm run --silent guichet -- reconcile …`, without npm's own start-up cost. */
async function reconcile(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'cli', 'main.ts'), 'reconcile', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-reconcile-'));
  hospital = generateSyntheticHospital({ seed: 99, employees: 300 });
  configPath = writeReconcileFixtures(hospital, join(dir, 'sources'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('guichet reconcile (CLI contract)', () => {
  it('imports, reconciles and writes links.csv, orphans.csv and report.json', async () => {
    const out = join(dir, 'out1');
    const db = join(dir, 'guichet.sqlite');
    const result = await reconcile(['--config', configPath, '--out', out, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Reconciled \d+ records into 300 identities/);

    const [header, ...links] = readCsv(join(out, 'links.csv'));
    expect(header).toEqual(['source', 'key', 'identity', 'decision', 'score']);
    const nonRegister = hospital.records.filter((record) => record.role !== 'register');
    const rowsByRef = new Map(links.filter(([source]) => source !== 'rpps').map((row) => [`${row[0]}/${row[1]}`, row]));
    expect(rowsByRef.size).toBe(nonRegister.length);
    expect(links.length - rowsByRef.size).toBeGreaterThan(0);
    for (const [source, key, identity, decision, score] of links) {
      expect(['auto', 'review', 'none']).toContain(decision);
      expect(identity === '').toBe(decision === 'none');
      expect(Number.isFinite(Number(score))).toBe(true);
      if (source === 'rpps') expect(key).toMatch(/^\d{11}$/);
    }
    // Automatic links agree with the truth: every record auto-linked shares its identity with its person's HR record.
    const identityOfPerson = new Map(hospital.records.filter((record) => record.role === 'hr').map((record) => [record.personId, rowsByRef.get(`${record.sourceId}/${record.key}`)![2]]));
    const autoAccounts = nonRegister.filter((record) => record.role !== 'hr' && rowsByRef.get(`${record.sourceId}/${record.key}`)![3] === 'auto');
    const wrong = autoAccounts.filter((record) => identityOfPerson.get(record.personId) !== rowsByRef.get(`${record.sourceId}/${record.key}`)![2]);
    expect(autoAccounts.length).toBeGreaterThan(nonRegister.length * 0.5);
    expect(wrong).toEqual([]);

    const [orphanHeader, ...orphans] = readCsv(join(out, 'orphans.csv'));
    expect(orphanHeader).toEqual(['source', 'key', 'reason']);
    expect(new Set(orphans.map((row) => row[2]))).toEqual(new Set(['departed', 'unknown', 'generic', 'duplicate']));

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({ identities: 300, perSource: expect.objectContaining({ sirh: { auto: 300 } }), orphans: expect.any(Object) });
    expect(report.automaticRate).toBeGreaterThan(0.8);
    expect(report.healthProfessionalsAlignedToRpps).toBeGreaterThan(0.7);
    expect(Object.keys(report.timingsMs as object)).toEqual(expect.arrayContaining(['import', 'register', 'directory', 'application', 'write']));

    // A second run on the same database keeps every identity id (stable identifiers).
    const second = await reconcile(['--config', configPath, '--out', join(dir, 'out2'), '--db', db]);
    expect(second.code).toBe(0);
    expect(readFileSync(join(dir, 'out2', 'links.csv'), 'utf8')).toBe(readFileSync(join(out, 'links.csv'), 'utf8'));
  });

  it('explains a link as the desk does: prior, each field weight with its seed points, final probability', async () => {
    const out = join(dir, 'out-explain');
    const db = join(dir, 'explain.sqlite');
    expect((await reconcile(['--config', configPath, '--out', out, '--db', db])).code).toBe(0);
    const [, ...links] = readCsv(join(out, 'links.csv'));
    const [source, key] = links.find(([linkSource, , , decision]) => linkSource !== 'rpps' && linkSource !== 'sirh' && decision === 'auto')!;
    const text = await reconcile(['--explain', `${source}:${key}`, '--db', db]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(`${source}:${key} -> `);
    expect(lines.some((line) => /^\s+prior\s+-\d+\.\d/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\s+final\s+.*probability \d+\.\d\d %$/);
    const json = await reconcile(['--explain', `${source}:${key}`, '--db', db, '--json']);
    const explanation = JSON.parse(json.stdout) as { probability: number; priorWeight: number; evidence: { weight: number; points: number }[]; waterfall: { probability: number } };
    expect(explanation.probability).toBeGreaterThan(0.5);
    expect(explanation.waterfall.probability).toBeCloseTo(explanation.probability, 6);
    const final = explanation.priorWeight + explanation.evidence.reduce((sum, item) => sum + item.weight, 0);
    expect(1 / (1 + 2 ** -final)).toBeCloseTo(explanation.probability, 6);
    expect(explanation).toMatchObject({ alternatives: [] });
    // A proposal held back between namesakes names them on the CLI too.
    const sqlite = openStoreFile({ path: db, readonly: true });
    const held = sqlite
      .prepare('SELECT r.source_id AS source, r.record_key AS key, a.identity_id AS alternative FROM identity_link_alternatives a JOIN source_records r ON r.id = a.record_id LIMIT 1')
      .get() as { source: string; key: string; alternative: string } | undefined;
    sqlite.close();
    expect(held).toBeDefined();
    const namesakes = await reconcile(['--explain', `${held!.source}:${held!.key}`, '--db', db]);
    expect(namesakes.stdout.split('\n')[1]).toMatch(new RegExp(`^  or .+ \\(${held!.alternative}\\), probability \\d+\\.\\d\\d %$`));
    const missing = await reconcile(['--explain', `${source}:no-such-key`, '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('n’est rapproché d’aucune personne');
  });

  it('refuses a bad configuration with a clear error and writes nothing', async () => {
    const badConfig = join(dir, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ establishment: { name: 'X', finess: ['12'] }, sources: [] }));
    const result = await reconcile(['--config', badConfig, '--out', join(dir, 'bad-out'), '--db', join(dir, 'bad.sqlite')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/FINESS/);
    expect(() => readFileSync(join(dir, 'bad-out', 'links.csv'))).toThrow();
  });
});
