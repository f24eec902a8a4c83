import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCertificateAuthority } from '../../../test/fixtures/fido/createTestCertificateAuthority';
import { signMetadataBlob } from '../../../test/fixtures/fido/signMetadataBlob';
import { command } from './fido';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('fido metadata command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guichet-fido-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a statements file and reports what is loaded', async () => {
    const file = join(dir, 'statements.json');
    writeFileSync(file, JSON.stringify([{ aaguid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8', description: 'Clé Test 5 NFC' }]));
    const { io, out, err } = capture();
    expect(await command.run(['metadata', 'import', file, '--statements', '--db', join(dir, 'g.sqlite')], io)).toBe(0);
    expect(err).toEqual([`imported 1 FIDO2 models from ${file}`]);
    expect(JSON.parse(out[0]!)).toMatchObject({ entries: 1, lastImport: { kind: 'statements', entries: 1 } });
  });

  it('refuses a BLOB not signed under the FIDO Alliance root, keeping nothing, and explains usage errors', async () => {
    const ca = await createTestCertificateAuthority();
    const file = join(dir, 'blob.jwt');
    writeFileSync(file, await signMetadataBlob({ no: 1, nextUpdate: '2027-01-01', entries: [] }, await ca.issue({ subject: 'CN=Not the FIDO Alliance' })));
    const { io, err } = capture();
    expect(await command.run(['metadata', 'import', file, '--db', join(dir, 'g.sqlite')], io)).toBe(1);
    expect(err[0]).toMatch(/does not chain to a trusted root/);
    const status = capture();
    expect(await command.run(['metadata', 'status', '--db', join(dir, 'g.sqlite')], status.io)).toBe(0);
    expect(JSON.parse(status.out[0]!)).toMatchObject({ entries: 0, lastImport: null });
    await expect(command.run(['metadata', 'refresh'], capture().io)).rejects.toThrow(/Expected "fido metadata import FILE"/);
  });
});
