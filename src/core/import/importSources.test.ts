import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import { openDatabase } from '../store/openDatabase';
import { parseSourcesConfig, type SourcesConfig } from '../sources/parseSourcesConfig';
import { formatRppsExtractLine } from './formatRppsExtractLine';
import { importSource } from './importSource';
import { importSources, type ImportProgress } from './importSources';
import { SourceUnreadableError } from './importTypes';
import { readRegisterActivities } from './readRegisterActivities';
import { stageOnThisThread } from './toStagedBatch';

const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
let dir: string;
let db: Database.Database;

function writeConfig(): SourcesConfig {
  const text = JSON.stringify({
    establishment: { name: 'Hôpital La Porte Verte', finess: ['990000011'] },
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' },
      { id: 'sirh', kind: 'csv', role: 'hr', path: 'sirh.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE', fields: { hrId: 'MATRICULE', lastName: 'NOM', firstName: 'PRENOM', endDate: 'DATE_SORTIE' } },
    ],
  });
  const result = parseSourcesConfig({ text, configPath: join(dir, 'sources.json') });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
}

function writeSirh(rows: string[]): void {
  writeFileSync(join(dir, 'sirh.csv'), ['MATRICULE;NOM;PRENOM;DATE_SORTIE', ...rows].join('\n'));
}

const people = Array.from({ length: 20 }, (_, index) => `M${String(index).padStart(3, '0')};NOM${index};Prénom${index};`);
const rpps = (index: number) => appendRppsCheckDigit(`99900000${String(index).padStart(2, '0')}`);
function writeRpps(rows: [number, string][]): void {
  const line = ([index, finess]: [number, string]) =>
    formatRppsExtractLine({ "Type d'identifiant PP": '8', 'Identifiant PP': rpps(index), 'Identification nationale PP': `8${rpps(index)}`, "Nom d'exercice": `NOM${index}`, "Prénom d'exercice": 'X', 'Code profession': '60', 'Numéro FINESS site': finess });
  writeFileSync(join(dir, 'rpps.txt'), [formatRppsExtractLine('header'), ...rows.map(line), ''].join('\n'));
}

const snapshot = () => db.prepare('SELECT source_id, record_key, raw_json, attributes_json, finess, present FROM source_records ORDER BY source_id, record_key').all();
const counts = (report: Awaited<ReturnType<typeof importSources>>, id: string) => {
  const { read, imported, rejected, added, updated, removed, refused } = report.sources[id]!;
  return { read, imported, rejected, added, updated, removed, refused };
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-import-'));
  db = openDatabase({ path: ':memory:' });
});
afterEach(() => db.close());

describe('importSources', () => {
  // Through the parser thread, as the register extract goes (small files are parsed on this thread).
  it('imports, then changes nothing when the same files come again, then records updates and removals', { timeout: 30_000 }, async () => {
    writeSirh([...people, 'M000;DOUBLON;X;']);
    writeRpps([[1, '990000011'], [2, '750000001'], [1, '750000019']]);
    const progress: ImportProgress[] = [];
    const first = await importSources(db, { config: writeConfig(), clock, parserThreadMinBytes: 0, onProgress: (p) => progress.push(p) });
    expect(first.ok).toBe(true);
    expect(counts(first, 'sirh')).toEqual({ read: 21, imported: 20, rejected: 1, added: 20, updated: 0, removed: 0, refused: false });
    expect(counts(first, 'rpps')).toEqual({ read: 3, imported: 3, rejected: 0, added: 2, updated: 0, removed: 0, refused: false });
    expect(first.errors).toEqual([{ source: 'sirh', line: 22, reason: 'duplicate-key', detail: '2', value: 'M000' }]);
    const folded = db.prepare("SELECT raw_json FROM source_records WHERE record_key = ?").get(rpps(1)) as { raw_json: string };
    expect(readRegisterActivities(folded.raw_json).map((activity) => activity.finessSite)).toEqual(['990000011', '750000019']);
    // The register's FINESS numbers kept apart for the register screen, folded rows included; none for HR.
    const finessOf = (key: string) => db.prepare('SELECT finess FROM source_records WHERE record_key = ?').pluck().get(key);
    expect([finessOf(rpps(1)), finessOf(rpps(2)), finessOf('M001')]).toEqual(['|990000011|750000019|', '|750000001|', null]);
    expect(progress.filter((p) => p.sourceId === 'sirh').map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'applying', 'done']));
    expect(db.prepare("SELECT line, reason, field, detail, value FROM import_rejections WHERE run_id = ?").all(first.sources.sirh!.runId)).toEqual([{ line: 22, reason: 'duplicate-key', field: null, detail: '2', value: 'M000' }]);
    expect(JSON.parse((db.prepare("SELECT value_json FROM settings WHERE key = 'establishment'").get() as { value_json: string }).value_json).finess).toEqual(['990000011']);

    const before = snapshot();
    const again = await importSources(db, { config: writeConfig(), clock, parserThreadMinBytes: 0 });
    expect(counts(again, 'sirh')).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(counts(again, 'rpps')).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(snapshot()).toEqual(before);

    writeSirh([...people.slice(1, 19).map((row) => row.replace('NOM5;', 'NOM5-BIS;')), 'M100;NOUVEAU;Né;']);
    const changed: unknown[] = [];
    const third = await importSources(db, {
      config: writeConfig(), clock, only: ['sirh'], parserThreadMinBytes: 0,
      afterCommit: (committed, store) => {
        changed.push(...committed.flatMap((result) => store.prepare('SELECT record_key, change FROM source_records WHERE change_run_id = ? ORDER BY record_key').all(result.runId)));
      },
    });
    expect(counts(third, 'sirh')).toEqual({ read: 19, imported: 19, rejected: 0, added: 1, updated: 1, removed: 2, refused: false });
    expect(changed).toEqual([
      { record_key: 'M000', change: 'removed' },
      { record_key: 'M005', change: 'updated' },
      { record_key: 'M019', change: 'removed' },
      { record_key: 'M100', change: 'added' },
    ]);
    expect(db.prepare("SELECT present FROM source_records WHERE record_key = 'M019'").get()).toEqual({ present: 0 });
    // The apply skips per-row parent checks: the connection checks them again, and every row's parents exist.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses an empty source or one losing more than 10 % of its records unless forced, changing nothing', async () => {
    writeSirh(people);
    writeRpps([[1, '990000011']]);
    await importSources(db, { config: writeConfig(), clock });
    const before = snapshot();

    writeSirh(people.slice(0, 15));
    const refused = await importSources(db, { config: writeConfig(), clock });
    expect(refused.ok).toBe(false);
    expect(counts(refused, 'sirh')).toEqual({ read: 15, imported: 15, rejected: 0, added: 0, updated: 0, removed: 0, refused: true });
    expect(refused.errors).toEqual([{ source: 'sirh', line: 0, reason: expect.stringMatching(/would remove 5 of 20 records \(25 %\), above the 10 % limit; nothing was changed/) }]);
    expect(snapshot()).toEqual(before);
    expect(db.prepare('SELECT status FROM import_runs WHERE id = ?').get(refused.sources.sirh!.runId)).toEqual({ status: 'held' });

    writeSirh([]);
    const empty = await importSources(db, { config: writeConfig(), clock, force: false });
    expect(empty.errors).toEqual([{ source: 'sirh', line: 0, reason: expect.stringMatching(/came back empty/) }]);
    expect(snapshot()).toEqual(before);

    writeSirh(people.slice(0, 15));
    const forced = await importSources(db, { config: writeConfig(), clock, force: true });
    expect(forced.ok).toBe(true);
    expect(counts(forced, 'sirh')).toMatchObject({ removed: 5, refused: false });
  });

  it('leaves the store untouched when a file is missing or becomes unreadable half-way', async () => {
    writeSirh(people);
    writeRpps([[1, '990000011']]);
    await importSources(db, { config: writeConfig(), clock });
    const before = snapshot();

    writeSirh(people.map((row) => row.replace('Prénom', 'Autre')));
    const [, sirh] = writeConfig().sources;
    const result = await importSource(db, {
      source: sirh!,
      clock,
      openReader: async () => stageOnThisThread({
        totalBytes: null,
        foldsDuplicates: false,
        async *batches() {
          yield { records: [{ line: 2, key: 'M000', raw: {}, attributes: { hrId: 'M000', lastName: 'CHANGÉ' } }], rejected: [], warnings: [], rowsRead: 1, bytesRead: 10 };
          throw new SourceUnreadableError('disk read error at byte 10');
        },
      }),
    });
    expect(result).toMatchObject({ refused: true, refusal: 'disk read error at byte 10', added: 0, updated: 0, removed: 0 });
    expect(snapshot()).toEqual(before);

    const config = writeConfig();
    const missing = { ...config, sources: config.sources.map((source) => (source.id === 'rpps' ? { ...source, path: join(dir, 'absent.txt') } : source)) };
    const report = await importSources(db, { config: missing, clock });
    expect(report.ok).toBe(false);
    expect(counts(report, 'rpps')).toMatchObject({ read: 0, refused: true });
    expect(counts(report, 'sirh')).toMatchObject({ updated: 20, refused: false });
    expect(report.errors).toEqual([{ source: 'rpps', line: 0, reason: expect.stringMatching(/cannot read .*absent\.txt: ENOENT/) }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM source_records WHERE source_id = 'rpps' AND present = 1").get()).toEqual({ n: 1 });
  });

  it('refuses a second import on the same database while one is running', async () => {
    writeSirh(people);
    writeRpps([[1, '990000011']]);
    const running = importSources(db, { config: writeConfig(), clock });
    await expect(importSources(db, { config: writeConfig(), clock })).rejects.toThrow(/already running/);
    await running;
  });
});

describe('importSources warnings', () => {
  it('keeps a person whose RPPS or birth date is bad, stores the dropped values as warnings apart from their reason, and counts them per run', async () => {
    writeFileSync(join(dir, 'rh.csv'), [
      'MATRICULE;NOM;PRENOM;NAISSANCE;RPPS',
      `M1;LEGER;Anaïs;12/03/1980;${rpps(1)}`,
      'M2;MARTIN;Paul;31/02/1975;10100271384',
      ';SANS;Cle;01/01/1990;',
    ].join('\n'));
    const text = JSON.stringify({
      establishment: { name: 'H', finess: ['990000011'] },
      sources: [{ id: 'rh', kind: 'csv', role: 'hr', path: 'rh.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE', fields: { hrId: 'MATRICULE', lastName: 'NOM', firstName: 'PRENOM', birthDate: 'NAISSANCE', rpps: 'RPPS' } }],
    });
    const parsed = parseSourcesConfig({ text, configPath: join(dir, 'sources.json') });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const report = await importSources(db, { config: parsed.config, clock });
    expect(report.sources.rh).toMatchObject({ read: 3, imported: 2, rejected: 1, warned: 2, added: 2 });
    expect(report.errors).toEqual([{ source: 'rh', line: 4, reason: 'missing-key', field: 'MATRICULE' }]);
    expect(report.warnings).toEqual([
      { source: 'rh', line: 3, reason: 'impossible-date', field: 'NAISSANCE', value: '31/02/1975', detail: 'DD/MM/YYYY' },
      { source: 'rh', line: 3, reason: 'invalid-rpps', field: 'RPPS', value: '10100271384' },
    ]);
    const martin = db.prepare("SELECT attributes_json AS json, rpps, birth_date AS birthDate FROM source_records WHERE record_key = 'M2'").get() as { json: string; rpps: string | null; birthDate: string | null };
    expect(JSON.parse(martin.json)).toEqual({ hrId: 'M2', lastName: 'MARTIN', firstName: 'Paul' });
    expect(martin).toMatchObject({ rpps: null, birthDate: null });
    const runId = report.sources.rh!.runId;
    expect(db.prepare('SELECT line, field, reason, detail, value FROM import_warnings WHERE run_id = ? ORDER BY id').all(runId)).toEqual([
      { line: 3, field: 'NAISSANCE', reason: 'impossible-date', detail: 'DD/MM/YYYY', value: '31/02/1975' },
      { line: 3, field: 'RPPS', reason: 'invalid-rpps', detail: null, value: '10100271384' },
    ]);
    expect(JSON.parse((db.prepare('SELECT stats_json AS stats FROM import_runs WHERE id = ?').get(runId) as { stats: string }).stats)).toMatchObject({ warned: 2, rejected: 1 });
  });
});

describe('importSources full names', () => {
  it('splits an application full-name column with the names the HR source holds, also on a parser thread', async () => {
    writeFileSync(join(dir, 'rh.csv'), 'MATRICULE;NOM;PRENOM\nM1;NGUYEN;Anh\nM2;THOMAS;Maël\n');
    writeFileSync(join(dir, 'app.csv'), 'login;NOM PRENOM\nanh;Anh Nguyen\nnguyen;Nguyen Anh\nmael;Mr Thomas Maël\n');
    const text = JSON.stringify({
      establishment: { name: 'H', finess: ['990000011'] },
      sources: [
        { id: 'rh', kind: 'csv', role: 'hr', path: 'rh.csv', delimiter: ';', key: 'MATRICULE', fields: { hrId: 'MATRICULE', lastName: 'NOM', firstName: 'PRENOM' } },
        { id: 'app', kind: 'csv', role: 'application', path: 'app.csv', delimiter: ';', key: 'login', fields: { fullName: { column: 'NOM PRENOM', nameOrder: 'auto' } } },
      ],
    });
    const parsed = parseSourcesConfig({ text, configPath: join(dir, 'sources.json') });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const names = () => db.prepare("SELECT record_key AS login, last_name AS lastName, first_name AS firstName FROM source_records WHERE source_id = 'app' ORDER BY record_key").all();
    const expected = [
      { login: 'anh', lastName: 'Nguyen', firstName: 'Anh' },
      { login: 'mael', lastName: 'Thomas', firstName: 'Maël' },
      { login: 'nguyen', lastName: 'Nguyen', firstName: 'Anh' },
    ];
    await importSources(db, { config: parsed.config, clock, parserThreadMinBytes: Infinity });
    expect(names()).toEqual(expected);
    const other = openDatabase({ path: ':memory:' });
    try {
      await importSources(other, { config: parsed.config, clock, parserThreadMinBytes: 0 });
      expect(other.prepare("SELECT record_key AS login, last_name AS lastName, first_name AS firstName FROM source_records WHERE source_id = 'app' ORDER BY record_key").all()).toEqual(expected);
      expect(JSON.parse((other.prepare("SELECT attributes_json AS json FROM source_records WHERE record_key = 'mael'").get() as { json: string }).json)).toMatchObject({ sex: 'M' });
    } finally {
      other.close();
    }
  });
});
