import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ParsedBatch } from './importTypes';
import { readLdifSource } from './readLdifSource';

const dir = mkdtempSync(join(tmpdir(), 'guichet-ldif-'));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function readAll(path: string): Promise<ParsedBatch> {
  const source: Extract<SourceConfig, { kind: 'ldif' }> = {
    id: 'ad', kind: 'ldif', role: 'directory', path, maxRemovalShare: 0.1, key: 'sAMAccountName', dateFormat: 'YYYY-MM-DD',
    fields: { adId: 'sAMAccountName', lastName: 'sn', firstName: 'givenName', email: 'mail', hrId: 'employeeID', service: 'department' },
  };
  const all: ParsedBatch = { records: [], rejected: [], warnings: [], rowsRead: 0, bytesRead: 0 };
  for await (const batch of (await readLdifSource(source)).batches()) {
    all.records.push(...batch.records);
    all.rejected.push(...batch.rejected);
    all.warnings.push(...batch.warnings);
    all.rowsRead = batch.rowsRead;
  }
  return all;
}

describe('readLdifSource', () => {
  it('reads folded lines, base64 values, comments and userAccountControl', async () => {
    const path = join(dir, 'ad.ldif');
    writeFileSync(path, [
      'version: 1',
      '# export AD du 29/11/2026',
      '',
      'dn: CN=Léa Martin,OU=Soins,DC=hopital,DC=local',
      'objectClass: user',
      'sAMAccountName: lmartin',
      `sn:: ${base64('MARTIN-LÉGER')}`,
      'givenName: Léa',
      'mail: lea.martin@laporteverte',
      ' .fr',
      'employeeID: M001',
      'department;lang-fr: Cardiologie',
      'userAccountControl: 512',
      '',
      `dn:: ${base64('CN=Paul Noël,OU=Anciens,DC=hopital,DC=local')}`,
      'sAMAccountName: pnoel',
      'sn: NOËL',
      'userAccountControl: 514',
      '',
      '',
      'dn: CN=broken,DC=hopital,DC=local',
      'sAMAccountName: broken',
      'sn:: not base64!',
      '',
      'dn: CN=change,DC=hopital,DC=local',
      'changetype: delete',
      '',
      'dn: CN=nokey,DC=hopital,DC=local',
      'sn: SANSCLE',
    ].join('\r\n'));
    const result = await readAll(path);
    expect(result.rowsRead).toBe(5);
    expect(result.records).toEqual([
      expect.objectContaining({
        line: 4,
        key: 'lmartin',
        attributes: { adId: 'lmartin', lastName: 'MARTIN-LÉGER', firstName: 'Léa', email: 'lea.martin@laporteverte.fr', hrId: 'M001', service: 'Cardiologie', enabled: true },
      }),
      expect.objectContaining({ line: 15, key: 'pnoel', attributes: { adId: 'pnoel', lastName: 'NOËL', enabled: false } }),
    ]);
    expect(result.records[0]!.raw).toMatchObject({ dn: 'CN=Léa Martin,OU=Soins,DC=hopital,DC=local', objectclass: 'user' });
    expect(result.rejected).toEqual([
      { line: 23, reason: 'ldif-base64', field: 'sn' },
      { line: 26, reason: 'ldif-change-record', detail: 'delete' },
      { line: 28, reason: 'missing-key', field: 'sAMAccountName' },
    ]);
  });
});

describe('readLdifSource as ldifde writes it', () => {
  it('reads version, changetype: add, base64 values, folded lines, escaped DNs, FILETIME logins and the disabled bit', async () => {
    const path = join(dir, 'ldifde.ldf');
    const longDn = 'CN=Dupont\\, Jean-Pierre,OU=Utilisateurs,OU=Pôle Médecine,DC=chu-exemple,DC=local';
    const encodedDn = base64(longDn);
    writeFileSync(path, [
      '',
      `dn:: ${encodedDn.slice(0, 70)}`,
      ` ${encodedDn.slice(70)}`,
      'changetype: add',
      'objectClass: top',
      'objectClass: person',
      'cn: Dupont, Jean-Pierre',
      'sAMAccountName: jpdupont',
      'sn: Dupont',
      `givenName:: ${base64('Jean-Pierre')}`,
      'userAccountControl: 66050',
      // 2026-11-02T08:15:00Z as a Windows FILETIME.
      'lastLogonTimestamp: 134380809000000000',
      'objectGUID:: 4n8hH0dNQEOQ0c1Y1u4yKQ==',
      '',
      'dn: CN=Ext Martin,OU=Interim,DC=chu-exemple,DC=local',
      'changetype: add',
      'sAMAccountName: ext.martin',
      'sn: MARTIN',
      'lastLogon: 0',
      '',
    ].join('\r\n'));
    const result = await readAll(path);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((record) => [record.key, record.attributes])).toEqual([
      ['jpdupont', { adId: 'jpdupont', lastName: 'Dupont', firstName: 'Jean-Pierre', enabled: false, lastLogin: '2026-11-02' }],
      ['ext.martin', { adId: 'ext.martin', lastName: 'MARTIN' }],
    ]);
    expect(result.records[0]!.raw).toMatchObject({ dn: longDn, cn: 'Dupont, Jean-Pierre' });
  });

  it('starts a new entry at a dn: line without a blank line before it, with a warning, and loses nobody', async () => {
    const path = join(dir, 'no-blank.ldif');
    writeFileSync(path, ['dn: CN=A,DC=x', 'sAMAccountName: a', 'sn: A', 'dn: CN=B,DC=x', 'sAMAccountName: b', 'sn: B', '', 'dn: CN=C,DC=x', 'sAMAccountName: c'].join('\n'));
    const result = await readAll(path);
    expect(result.records.map((record) => [record.line, record.key, record.attributes.lastName])).toEqual([[1, 'a', 'A'], [4, 'b', 'B'], [8, 'c', undefined]]);
    expect(result.rowsRead).toBe(3);
    expect(result.warnings).toEqual([{ line: 4, reason: 'ldif-missing-blank-line', field: 'dn' }]);
  });

  it('drops a value with invalid bytes in a UTF-8 file (a warning naming line and attribute) and reads the rest as UTF-8', async () => {
    const path = join(dir, 'stray.ldif');
    const later = Array.from({ length: 40 }, (_, index) => `dn: CN=${index},DC=x\nsAMAccountName: u${index}\nsn: CHLOÉ${index}\n`).join('\n');
    writeFileSync(path, Buffer.concat([Buffer.from('dn: CN=s,DC=x\nsAMAccountName: s\n'), Buffer.from([0x73, 0x6e, 0x3a, 0x20, 0x44, 0xff, 0x0a]), Buffer.from(`\n${later}`)]));
    const result = await readAll(path);
    expect(result.records).toHaveLength(41);
    expect(result.records[0]!.attributes).toEqual({ adId: 's' });
    expect(result.records.slice(1).map((record) => record.attributes.lastName)).toEqual(Array.from({ length: 40 }, (_, index) => `CHLOÉ${index}`));
    expect(result.warnings).toEqual([{ line: 3, reason: 'undecodable-bytes', field: 'sn', value: 'D\uFFFD' }]);
  });

  it('refuses a UTF-16 export (ldifde -u) with a clear reason', async () => {
    const path = join(dir, 'utf16.ldf');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('dn: CN=A\n', 'utf16le')]));
    await expect(readAll(path)).rejects.toThrow(/UTF-16 .*ldifde -u.*expected UTF-8 or Windows-1252/);
  });
});
