import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ParsedBatch } from './importTypes';
import { readCsvSource } from './readCsvSource';

type CsvSource = Extract<SourceConfig, { kind: 'csv' }>;
const dir = mkdtempSync(join(tmpdir(), 'guichet-csv-'));
const rpps = appendRppsCheckDigit('1010027138');

function sirh(path: string, overrides: Partial<CsvSource> = {}): CsvSource {
  return {
    id: 'sirh', kind: 'csv', role: 'hr', path, delimiter: ';', dateFormat: 'DD/MM/YYYY', encoding: 'utf-8', maxRemovalShare: 0.1, key: 'MATRICULE',
    fields: { hrId: 'MATRICULE', birthName: 'NOM_NAISSANCE', lastName: 'NOM_USAGE', firstName: 'PRENOM', birthDate: 'DATE_NAISSANCE', sex: 'SEXE', rpps: 'RPPS' },
    ...overrides,
  };
}

async function readAll(source: CsvSource): Promise<ParsedBatch> {
  const all: ParsedBatch = { records: [], rejected: [], warnings: [], rowsRead: 0, bytesRead: 0 };
  for await (const batch of (await readCsvSource(source)).batches()) {
    all.records.push(...batch.records);
    all.rejected.push(...batch.rejected);
    all.warnings.push(...batch.warnings);
    all.rowsRead = batch.rowsRead;
  }
  return all;
}

describe('readCsvSource', () => {
  it('reads a BOM-prefixed SIRH export with quoting and French dates, keeping people whose values are bad (warnings) and rejecting rows that cannot be records', async () => {
    const path = join(dir, 'sirh.csv');
    writeFileSync(path, [
      '\uFEFFMATRICULE;NOM_NAISSANCE;NOM_USAGE;PRENOM;DATE_NAISSANCE;SEXE;RPPS',
      `M001;DURAND;"MARTIN; épouse DURAND";Léa;12/03/1980;F;${rpps}`,
      'M002;PETIT;PETIT;Jean;31/02/1975;M;',
      'M003;ROUX;ROUX;Anne;01/01/1990;F;10100271384',
      'M004;NOIR;NOIR;Paul;01/01/1990',
      ';BLANC;BLANC;Eve;01/01/1990;F;',
      'M006;VERT;VERT;Lou;01/01/1990;X;',
      'M007;BRUN;BRUN;Max;1990-01-01;M;',
      'M008;GRIS;GRIS;Zoé;05/06/1970;2;',
      // The national identifier (8 + RPPS, as on the CPS card) is the RPPS.
      `M009;OCRE;OCRE;Ana;05/06/1970;2;8${rpps}`,
      '',
    ].join('\r\n'));
    const result = await readAll(sirh(path));
    expect(result.rowsRead).toBe(9);
    expect(result.records.map((record) => record.key)).toEqual(['M001', 'M002', 'M003', 'M006', 'M007', 'M008', 'M009']);
    expect(result.records[6]!.attributes.rpps).toBe(rpps);
    expect(result.records[0]).toMatchObject({
      line: 2,
      attributes: { hrId: 'M001', birthName: 'DURAND', lastName: 'MARTIN; épouse DURAND', firstName: 'Léa', birthDate: '1980-03-12', sex: 'F', rpps },
      raw: { MATRICULE: 'M001', DATE_NAISSANCE: '12/03/1980' },
    });
    expect(result.records[5]!.attributes).toMatchObject({ sex: 'F', birthDate: '1970-06-05' });
    // The bad value is dropped, the rest of the person kept.
    expect(result.records[1]!.attributes).toEqual({ hrId: 'M002', birthName: 'PETIT', lastName: 'PETIT', firstName: 'Jean', sex: 'M' });
    expect(result.records[2]!.attributes).not.toHaveProperty('rpps');
    expect(result.warnings).toEqual([
      { line: 3, reason: 'impossible-date', field: 'DATE_NAISSANCE', value: '31/02/1975', detail: 'DD/MM/YYYY' },
      { line: 4, reason: 'invalid-rpps', field: 'RPPS', value: '10100271384' },
      { line: 7, reason: 'unknown-code', field: 'SEXE', value: 'X' },
      { line: 8, reason: 'unparseable-date', field: 'DATE_NAISSANCE', value: '1990-01-01', detail: 'DD/MM/YYYY' },
    ]);
    expect(result.rejected).toEqual([
      { line: 5, reason: 'column-count', detail: '5/7' },
      { line: 6, reason: 'missing-key', field: 'MATRICULE' },
    ]);
  });

  it('reads Windows-1252 files and splits full names', async () => {
    const path = join(dir, 'pacs.csv');
    writeFileSync(path, Buffer.from('user,full_name\nlcoeur,L\u00e9a C\u0000UR\njd,Jean Dupont\n'.replace('\u0000', 'Œ').replace('Œ', '\u008c'), 'latin1'));
    const result = await readAll({ id: 'pacs', kind: 'csv', role: 'application', path, delimiter: ',', dateFormat: 'YYYY-MM-DD', encoding: 'windows-1252', maxRemovalShare: 0.1, key: 'user', fields: { fullName: 'full_name' } });
    expect(result.records.map((record) => record.attributes)).toEqual([
      { fullName: 'Léa CŒUR', lastName: 'CŒUR', firstName: 'Léa' },
      { fullName: 'Jean Dupont', lastName: 'Dupont', firstName: 'Jean' },
    ]);
  });

  it('stops at broken quoting, naming its line, and refuses a header without the configured columns', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'MATRICULE;NOM_NAISSANCE;NOM_USAGE;PRENOM;DATE_NAISSANCE;SEXE;RPPS\nM1;A;A;"Jo"x;01/01/1990;M;\nM2;B;B;Al;01/01/1990;M;\n');
    await expect(readAll(sirh(broken))).rejects.toThrow(/cannot read .*broken\.csv: Invalid Closing Quote.* at line 2/);

    const wrongHeader = join(dir, 'wrong-header.csv');
    writeFileSync(wrongHeader, 'ID;NOM\n1;A\n');
    await expect(readAll(sirh(wrongHeader))).rejects.toThrow(/expected column\(s\) "MATRICULE", "NOM_NAISSANCE".* in the header, found "ID", "NOM"/);
  });
});

describe('readCsvSource encodings', () => {
  const app = (path: string, overrides: Partial<CsvSource> = {}): CsvSource => ({
    id: 'app', kind: 'csv', role: 'application', path, delimiter: ';', dateFormat: 'YYYY-MM-DD', maxRemovalShare: 0.1, key: 'login', fields: { lastName: 'nom' }, ...overrides,
  });
  const names = async (source: CsvSource) => (await readAll(source)).records.map((record) => record.attributes.lastName);

  it('sniffs the whole file when no encoding is declared: UTF-8 if it all is, else Windows-1252', async () => {
    const utf8 = join(dir, 'sniff-utf8.csv');
    writeFileSync(utf8, 'login;nom\na;LÉGER\nb;CŒUR\n');
    expect(await names(app(utf8))).toEqual(['LÉGER', 'CŒUR']);
    const cp1252 = join(dir, 'sniff-1252.csv');
    // Many ASCII lines first, then one Windows-1252 line: still decided for the whole file.
    const ascii = Array.from({ length: 3000 }, (_, index) => `u${index};MARTIN`).join('\n');
    writeFileSync(cp1252, Buffer.concat([Buffer.from(`login;nom\n${ascii}\n`), Buffer.from([0x7a, 0x3b, 0x43, 0x8c, 0x55, 0x52, 0x0a])]));
    expect((await names(app(cp1252))).at(-1)).toBe('CŒUR');
  });

  it('reads declared ISO-8859-1 (latin1) and lets a UTF-8 BOM override a declaration', async () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('login;nom\na;LÉGER\n', 'latin1'));
    expect(await names(app(latin1, { encoding: 'latin1' }))).toEqual(['LÉGER']);
    expect(await names(app(latin1, { encoding: 'iso-8859-1' }))).toEqual(['LÉGER']);
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, '\uFEFFlogin;nom\na;LÉGER\n');
    expect(await names(app(bom, { encoding: 'windows-1252' }))).toEqual(['LÉGER']);
  });

  it('drops a value with invalid bytes in a declared UTF-8 file, with a warning naming line and field, and reads the next lines as UTF-8', async () => {
    const path = join(dir, 'stray.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('login;nom\na;A\nb;B\nc;C\n'), Buffer.from([0x64, 0x3b, 0x44, 0xff, 0x0a]), Buffer.from('e;CHLOÉ\nf;ÉLISE\n')]));
    const result = await readAll(app(path, { encoding: 'utf-8' }));
    expect(result.records.map((record) => record.attributes.lastName ?? null)).toEqual(['A', 'B', 'C', null, 'CHLOÉ', 'ÉLISE']);
    expect(result.warnings).toEqual([{ line: 5, reason: 'undecodable-bytes', field: 'nom', value: 'D\uFFFD' }]);
  });
});

describe('readCsvSource conventions', () => {
  it('applies value maps, identifier normalisation, per-field date layouts, full names with civilities, last login and site', async () => {
    const path = join(dir, 'conventions.csv');
    writeFileSync(path, [
      'login;N° agent;civ;nom_complet;naissance;derniere_connexion;etab;profil',
      'dup1;0041234;Mme;Dr DUPONT Marie;19800312;2026-11-02 08:15:00;990000011;MED',
      'jm;12;M.;Jean-Pierre Martin;19751231;02/11/2026;99 000 002 9;INF',
      'x;;;MARTIN J.;1975023;hier;12;???',
    ].join('\n'));
    const source: CsvSource = {
      id: 'dpi', kind: 'csv', role: 'application', path, delimiter: ';', dateFormat: 'DD/MM/YYYY', maxRemovalShare: 0.1, key: 'login',
      fields: {
        hrId: { column: 'N° agent', normalize: 'strip-leading-zeros' },
        sex: { column: 'civ', map: { '1': 'M', '2': 'F', 'M.': 'M', Mme: 'F' } },
        fullName: { column: 'nom_complet', nameOrder: 'auto' },
        birthDate: { column: 'naissance', dateFormat: 'YYYYMMDD' },
        lastLogin: 'derniere_connexion',
        site: 'etab',
        profession: { column: 'profil', map: { MED: 'Médecin', INF: 'Infirmier' } },
      },
    };
    const result = await readAll(source);
    expect(result.records.map((record) => record.attributes)).toEqual([
      { hrId: '41234', sex: 'F', fullName: 'Dr DUPONT Marie', lastName: 'DUPONT', firstName: 'Marie', birthDate: '1980-03-12', lastLogin: '2026-11-02', site: '990000011', profession: 'Médecin' },
      { hrId: '12', sex: 'M', fullName: 'Jean-Pierre Martin', lastName: 'Martin', firstName: 'Jean-Pierre', birthDate: '1975-12-31', lastLogin: '2026-11-02', site: '990000029', profession: 'Infirmier' },
      { fullName: 'MARTIN J.', lastName: 'MARTIN', firstName: 'J.' },
    ]);
    expect(result.warnings).toEqual([
      { line: 4, reason: 'unparseable-date', field: 'naissance', value: '1975023', detail: 'YYYYMMDD' },
      { line: 4, reason: 'invalid-last-login', field: 'derniere_connexion', value: 'hier', detail: 'DD/MM/YYYY' },
      { line: 4, reason: 'invalid-finess', field: 'etab', value: '12' },
      { line: 4, reason: 'unknown-code', field: 'profil', value: '???' },
    ]);
    expect(result.rejected).toEqual([]);
  });
});
