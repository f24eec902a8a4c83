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
  const all: ParsedBatch = { records: [], rejected: [], rowsRead: 0, bytesRead: 0 };
  for await (const batch of (await readCsvSource(source)).batches()) {
    all.records.push(...batch.records);
    all.rejected.push(...batch.rejected);
    all.rowsRead = batch.rowsRead;
  }
  return all;
}

describe('readCsvSource', () => {
  it('reads a BOM-prefixed SIRH export with quoting and French dates, rejecting bad lines with their number', async () => {
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
      '',
    ].join('\r\n'));
    const result = await readAll(sirh(path));
    expect(result.rowsRead).toBe(8);
    expect(result.records.map((record) => record.key)).toEqual(['M001', 'M008']);
    expect(result.records[0]).toMatchObject({
      line: 2,
      attributes: { hrId: 'M001', birthName: 'DURAND', lastName: 'MARTIN; épouse DURAND', firstName: 'Léa', birthDate: '1980-03-12', sex: 'F', rpps },
      raw: { MATRICULE: 'M001', DATE_NAISSANCE: '12/03/1980' },
    });
    expect(result.records[1]!.attributes).toMatchObject({ sex: 'F', birthDate: '1970-06-05' });
    expect(result.rejected).toEqual([
      { line: 3, reason: 'DATE_NAISSANCE "31/02/1975": expected a date as DD/MM/YYYY' },
      { line: 4, reason: 'RPPS "10100271384": expected an 11-digit RPPS with a valid Luhn key' },
      { line: 5, reason: 'expected 7 columns, found 5' },
      { line: 6, reason: 'missing key: expected a value in "MATRICULE"' },
      { line: 7, reason: 'SEXE "X": expected a sex such as M or F' },
      { line: 8, reason: 'DATE_NAISSANCE "1990-01-01": expected a date as DD/MM/YYYY' },
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
