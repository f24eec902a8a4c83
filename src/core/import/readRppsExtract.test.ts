import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import { formatRppsExtractLine, type RppsExtractColumn } from './formatRppsExtractLine';
import type { ParsedBatch } from './importTypes';
import { readRegisterActivities } from './readRegisterActivities';
import { readRppsExtract } from './readRppsExtract';

const dir = mkdtempSync(join(tmpdir(), 'guichet-rpps-'));
const rppsA = appendRppsCheckDigit('1010027138');
const rppsB = appendRppsCheckDigit('9990000001');

function row(rpps: string, lastName: string, firstName: string, finess: string, extra: Partial<Record<RppsExtractColumn, string>> = {}): Partial<Record<RppsExtractColumn, string>> {
  return {
    "Type d'identifiant PP": '8', 'Identifiant PP': rpps, 'Identification nationale PP': `8${rpps}`, 'Code civilité': 'MME',
    "Nom d'exercice": lastName, "Prénom d'exercice": firstName, 'Code profession': '10', 'Libellé profession': 'Médecin',
    'Code mode exercice': 'S', 'Numéro FINESS site': finess, 'Numéro FINESS établissement juridique': finess, ...extra,
  };
}

async function readAll(path: string, options: Parameters<typeof readRppsExtract>[1] = {}): Promise<ParsedBatch> {
  const reader = await readRppsExtract(path, options);
  const all: ParsedBatch = { records: [], rejected: [], warnings: [], rowsRead: 0, bytesRead: 0 };
  for await (const batch of reader.batches()) {
    all.records.push(...batch.records);
    all.rejected.push(...batch.rejected);
    all.rowsRead = batch.rowsRead;
    all.bytesRead = batch.bytesRead;
  }
  return all;
}

describe('readRppsExtract', () => {
  it('folds the activities of one professional and checks every line', async () => {
    const path = join(dir, 'extract-56.txt');
    writeFileSync(path, [
      formatRppsExtractLine('header'),
      formatRppsExtractLine(row(rppsA, 'LÉGER', 'ANAÏS', '990000011', { 'Code rôle': 'FON-01' })),
      formatRppsExtractLine(row(rppsA, 'LÉGER', 'ANAÏS', '750000001')),
      formatRppsExtractLine(row('10100271384', 'FAUX', 'CLÉ', '750000001')),
      `${formatRppsExtractLine(row(rppsB, 'MARTIN', 'PAUL', '750000001'))}extra|`,
      formatRppsExtractLine(row(rppsB, 'MARTIN', 'PAUL', '750000001', { 'Code civilité': 'M' })),
      '',
    ].join('\r\n'));
    const result = await readAll(path);
    expect(result.rowsRead).toBe(5);
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toMatchObject({
      line: 2,
      key: rppsA,
      attributes: { rpps: rppsA, lastName: 'LÉGER', firstName: 'ANAÏS', sex: 'F', profession: '10' },
    });
    const activities = readRegisterActivities(JSON.stringify(result.records[0]!.raw));
    expect(activities.map((activity) => [activity.professionLabel, activity.modeCode, activity.finessSite, activity.finessEj, activity.roleCode])).toEqual([
      ['Médecin', 'S', '990000011', '990000011', 'FON-01'],
      ['Médecin', 'S', '750000001', '750000001', ''],
    ]);
    expect(result.records[0]!.attributes).not.toHaveProperty('activities');
    expect(result.records[1]).toMatchObject({ line: 6, key: rppsB, attributes: { sex: 'M' } });
    expect(result.rejected).toEqual([
      { line: 4, reason: 'invalid-key', field: 'Identifiant PP', value: '10100271384' },
      { line: 5, reason: 'column-count', detail: '57/56' },
    ]);
  });

  it('reads an older 52-column extract written in Windows-1252', async () => {
    const path = join(dir, 'extract-52-cp1252.txt');
    const text = [formatRppsExtractLine('header', 52), formatRppsExtractLine(row(rppsA, 'CŒUR', 'HÉLÈNE', '990000011'), 52), ''].join('\n');
    const bytes = Buffer.from(text.replace('Œ', '\u0000'), 'latin1');
    bytes[bytes.indexOf(0)] = 0x8c; // Œ is 0x8C in Windows-1252, absent from Latin-1
    writeFileSync(path, bytes);
    const result = await readAll(path);
    expect(result.rejected).toEqual([]);
    expect(result.records).toEqual([expect.objectContaining({ key: rppsA, attributes: expect.objectContaining({ lastName: 'CŒUR', firstName: 'HÉLÈNE' }) })]);
    expect((result.records[0]!.raw.lines as string[])[0]!.split('|')[7]).toBe('CŒUR');
    expect(readRegisterActivities(JSON.stringify(result.records[0]!.raw))).toEqual([
      { professionCode: '10', professionLabel: 'Médecin', modeCode: 'S', finessSite: '990000011', finessEj: '990000011', siteName: '', roleCode: '' },
    ]);
  });

  it('refuses a file whose header is not an Annuaire Santé extract, and a missing file', async () => {
    const path = join(dir, 'not-an-extract.txt');
    writeFileSync(path, 'nom;prenom\nMARTIN;Paul\n');
    await expect(readAll(path)).rejects.toThrow(/expected an Annuaire Santé header of 56 or 52 "\|"-separated columns/);
    await expect(readAll(join(dir, 'missing.txt'))).rejects.toThrow(/cannot read .*missing\.txt: ENOENT/);
  });

  it('never lets one invalid byte change how the later rows read (issue 15 row 9: 0xFF on line 4, 40 names after it)', async () => {
    const path = join(dir, 'stray-byte.txt');
    const names = Array.from({ length: 40 }, (_, index) => `CHLOÉ${index}`);
    const later = names.map((name, index) => formatRppsExtractLine(row(appendRppsCheckDigit(`99900010${String(index).padStart(2, '0')}`), name, 'ÉLODIE', '750000001')));
    const stray = Buffer.from(`${formatRppsExtractLine(row(appendRppsCheckDigit('9990002000'), 'DXX', 'ANNE', '750000001'))}\n`).toString('latin1').replace('DXX', 'D\u00ff');
    writeFileSync(path, Buffer.concat([
      Buffer.from(`${formatRppsExtractLine('header')}\n${formatRppsExtractLine(row(rppsA, 'LÉGER', 'ANAÏS', '750000001'))}\n${formatRppsExtractLine(row(rppsB, 'MARTIN', 'PAUL', '750000001'))}\n`),
      Buffer.from(stray, 'latin1'),
      Buffer.from(`${later.join('\n')}\n`),
    ]));
    // Declared UTF-8: the line is rejected, naming its column; every later name is intact.
    const declared = await readAll(path, { encoding: 'utf-8' });
    expect(declared.rejected).toEqual([{ line: 4, reason: 'undecodable-bytes', field: "Nom d'exercice" }]);
    expect(declared.records.slice(2).map((record) => record.attributes.lastName)).toEqual(names);
    // Undeclared: that line alone reads as Windows-1252; every later name is intact.
    const perLine = await readAll(path);
    expect(perLine.rejected).toEqual([]);
    expect(perLine.records.map((record) => record.attributes.lastName)).toEqual(['LÉGER', 'MARTIN', 'Dÿ', ...names]);
  });
});
