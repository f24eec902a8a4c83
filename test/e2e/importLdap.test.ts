import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../src/core/import/importSources';
import { parseSourcesConfig, type SourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { startSlapd, type Slapd } from '../support/slapd';

const suffix = 'dc=laporteverte,dc=test';
const people = Array.from({ length: 45 }, (_, index) => ({ uid: `agent${String(index).padStart(2, '0')}`, sn: `NOM${index}`, givenName: index === 7 ? 'Éloïse' : `Prénom${index}`, employeeNumber: `M${String(index).padStart(4, '0')}` }));

function entries(): string {
  return [
    `dn: ${suffix}`, 'objectClass: dcObject', 'objectClass: organization', 'o: La Porte Verte', 'dc: laporteverte', '',
    `dn: ou=people,${suffix}`, 'objectClass: organizationalUnit', 'ou: people', '',
    ...people.flatMap((person) => [
      `dn: uid=${person.uid},ou=people,${suffix}`, 'objectClass: inetOrgPerson', `uid: ${person.uid}`, `cn: ${person.givenName} ${person.sn}`,
      `sn: ${person.sn}`, `givenName: ${person.givenName}`, `mail: ${person.uid}@laporteverte.test`, `employeeNumber: ${person.employeeNumber}`, 'departmentNumber: URG', '',
    ]),
    // No uid: rejected with its reason, not silently skipped.
    `dn: cn=imprimante,ou=people,${suffix}`, 'objectClass: inetOrgPerson', 'cn: imprimante', 'sn: IMPRIMANTE', '',
  ].join('\n');
}

let slapd: Slapd;
beforeAll(async () => {
  slapd = await startSlapd({ ldif: entries(), suffix, sizeLimit: 20 });
});
afterAll(async () => {
  await slapd?.stop();
});

function config(overrides: Record<string, unknown> = {}): SourcesConfig {
  const result = parseSourcesConfig({
    configPath: '/tmp/sources.json',
    text: JSON.stringify({
      establishment: { name: 'Hôpital La Porte Verte', finess: ['990000011'] },
      sources: [{
        id: 'ad', kind: 'ldap', role: 'directory', url: slapd.url, bindDN: slapd.bindDN, passwordEnv: 'GUICHET_TEST_LDAP_PASSWORD',
        base: `ou=people,${suffix}`, filter: '(objectClass=inetOrgPerson)', pageSize: 10, key: 'uid',
        fields: { adId: 'uid', lastName: 'sn', firstName: 'givenName', email: 'mail', hrId: 'employeeNumber', service: 'departmentNumber' },
        ...overrides,
      }],
    }),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
}

describe('live LDAP import (throwaway slapd)', () => {
  it('serves at most 20 entries to an unpaged search (the premise of the paging test)', async () => {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.bindDN, slapd.password);
    await expect(client.search(`ou=people,${suffix}`, { filter: '(objectClass=inetOrgPerson)' })).rejects.toThrow(/SizeLimitExceeded|0x4/);
    await client.unbind();
  });

  it('reads every entry page by page beyond the server size limit, and is idempotent', async () => {
    const db = openDatabase({ path: ':memory:' });
    const env = { GUICHET_TEST_LDAP_PASSWORD: slapd.password };
    const first = await importSources(db, { config: config(), env });
    expect(first.sources.ad).toMatchObject({ read: 46, imported: 45, rejected: 1, added: 45, refused: false });
    expect(first.errors).toEqual([{ source: 'ad', line: expect.any(Number), reason: 'missing-key', field: 'uid' }]);
    const eloise = db.prepare("SELECT attributes_json FROM source_records WHERE record_key = 'agent07'").get() as { attributes_json: string };
    expect(JSON.parse(eloise.attributes_json)).toEqual({ adId: 'agent07', lastName: 'NOM7', firstName: 'Éloïse', email: 'agent07@laporteverte.test', hrId: 'M0007', service: 'URG' });
    const again = await importSources(db, { config: config(), env });
    expect(again.sources.ad).toMatchObject({ added: 0, updated: 0, removed: 0, refused: false });
    db.close();
  });

  it('refuses the source, changing nothing, on a wrong password or a missing one', async () => {
    const db = openDatabase({ path: ':memory:' });
    const wrong = await importSources(db, { config: config(), env: { GUICHET_TEST_LDAP_PASSWORD: 'wrong' } });
    expect(wrong.sources.ad).toMatchObject({ refused: true, read: 0 });
    expect(wrong.errors[0]!.reason).toMatch(/LDAP search of "ad" at ldap:\/\/127\.0\.0\.1:\d+ failed: InvalidCredentialsError/);
    const missing = await importSources(db, { config: config(), env: {} });
    expect(missing.errors[0]!.reason).toMatch(/expected the bind password of "ad" in the environment variable GUICHET_TEST_LDAP_PASSWORD/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM source_records').get()).toEqual({ n: 0 });
    db.close();
  });
});
