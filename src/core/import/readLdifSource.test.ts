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
    id: 'ad', kind: 'ldif', role: 'directory', path, maxRemovalShare: 0.1, key: 'sAMAccountName',
    fields: { adId: 'sAMAccountName', lastName: 'sn', firstName: 'givenName', email: 'mail', hrId: 'employeeID', service: 'department' },
  };
  const all: ParsedBatch = { records: [], rejected: [], rowsRead: 0, bytesRead: 0 };
  for await (const batch of (await readLdifSource(source)).batches()) {
    all.records.push(...batch.records);
    all.rejected.push(...batch.rejected);
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
      { line: 23, reason: 'sn: expected a base64 value after "::"' },
      { line: 26, reason: 'expected a content record, found a change record ("changetype")' },
      { line: 28, reason: 'CN=nokey,DC=hopital,DC=local: missing key: expected a value in "sAMAccountName"' },
    ]);
  });
});
