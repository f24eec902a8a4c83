import { describe, expect, it } from 'vitest';
import { parseSourcesConfig } from './parseSourcesConfig';

const establishment = { name: 'Hôpital La Porte Verte', finess: ['990000011'] };
const parse = (value: unknown, configPath = '/etc/guichet/sources.json') => parseSourcesConfig({ text: JSON.stringify(value), configPath });

describe('parseSourcesConfig', () => {
  it('accepts the documented example and resolves relative paths against the config folder', () => {
    const result = parse({
      establishment,
      sources: [
        { id: 'rpps', kind: 'rpps-extract', path: 'PS_LibreAcces_Personne_activite.txt' },
        { id: 'sirh', kind: 'csv', role: 'hr', path: 'exports/sirh.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE', fields: { hrId: 'MATRICULE', birthDate: 'DATE_NAISSANCE' } },
        { id: 'ad', kind: 'ldif', role: 'directory', path: '/data/ad.ldif', key: 'sAMAccountName', fields: { adId: 'sAMAccountName' } },
        { id: 'pacs', kind: 'csv', role: 'application', path: 'pacs.csv', key: 'user', fields: { fullName: 'full_name' } },
        { id: 'ldap', kind: 'ldap', role: 'directory', url: 'ldap://dc1:389', bindDN: 'cn=reader', passwordEnv: 'GUICHET_AD_PASSWORD', base: 'dc=hopital', key: 'uid', fields: { adId: 'uid' } },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [rpps, sirh, ad, pacs, ldap] = result.config.sources;
    expect(rpps).toMatchObject({ path: '/etc/guichet/PS_LibreAcces_Personne_activite.txt', role: 'register', maxRemovalShare: 0.1 });
    expect(sirh).toMatchObject({ path: '/etc/guichet/exports/sirh.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY' });
    expect(ad).toMatchObject({ path: '/data/ad.ldif' });
    expect(pacs).toMatchObject({ delimiter: ',', dateFormat: 'YYYY-MM-DD', encoding: 'utf-8' });
    expect(ldap).toMatchObject({ pageSize: 500, scope: 'sub', filter: '(objectClass=person)' });
  });

  it('names the path and what was expected for unknown kinds, unknown fields and missing keys', () => {
    const result = parse({
      establishment,
      sources: [
        { id: 'x', kind: 'excel', path: 'x.xlsx' },
        { id: 'sirh', kind: 'csv', role: 'hr', path: 'a.csv', key: 'M', fields: { hrId: 'M', shoeSize: 'POINTURE' } },
        { id: 'dpi', kind: 'csv', role: 'application', path: 'dpi.csv', fields: { lastName: 'nom' } },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/sources\.0\.kind: expected "kind" to be one of "rpps-extract", "csv", "ldif", "ldap"/),
        expect.stringMatching(/sources\.1\.fields: unknown field\(s\) "shoeSize"; expected canonical attributes among rpps, hrId/),
        expect.stringMatching(/sources\.2\.key: missing; expected string/),
      ],
    });
  });

  it('refuses invalid JSON, duplicate ids, bad FINESS numbers and passwords written in the file', () => {
    expect(parseSourcesConfig({ text: '{ "sources": ', configPath: 'sources.json' })).toEqual({ ok: false, errors: [expect.stringMatching(/^sources\.json: expected JSON/)] });
    const result = parse({
      establishment: { name: 'H', finess: ['12'] },
      sources: [
        { id: 'rpps', kind: 'rpps-extract', path: 'a.txt' },
        { id: 'rpps', kind: 'rpps-extract', path: 'b.txt' },
        { id: 'ad', kind: 'ldap', role: 'directory', url: 'ldap://x', bindDN: 'cn=a', password: 'secret', passwordEnv: 'AD_PASSWORD', base: 'dc=x', key: 'uid', fields: { adId: 'uid' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/establishment\.finess\.0: expected a 9-character FINESS number/);
    expect(result.errors.join('\n')).toMatch(/sources\.1\.id: source id "rpps" is used twice/);
    expect(result.errors.join('\n')).toMatch(/sources\.2: unknown key\(s\) "password"/);
  });
});
