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
    expect(pacs).toMatchObject({ delimiter: ',', dateFormat: 'YYYY-MM-DD' });
    // No declared encoding: the importer sniffs the file.
    expect(pacs).not.toHaveProperty('encoding');
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

  it('accepts the export conventions: encodings, date layouts, field specs with normalize, map, nameOrder, dateFormat', () => {
    const result = parse({
      establishment,
      sources: [
        { id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt', encoding: 'windows-1252' },
        {
          id: 'sirh', kind: 'csv', role: 'hr', path: 'sirh.csv', delimiter: ';', encoding: 'latin1', dateFormat: 'DD/MM/YYYY', key: 'N° agent',
          fields: {
            hrId: { column: 'N° agent', normalize: 'strip-leading-zeros' },
            sex: { column: 'SEXE', map: { '1': 'M', '2': 'F', 'M.': 'M', Mme: 'F' } },
            birthDate: { column: 'NAISS', dateFormat: 'YYYYMMDD' },
            site: 'FINESS_SITE',
          },
        },
        { id: 'dpi', kind: 'csv', role: 'application', path: 'dpi.csv', encoding: 'iso-8859-1', key: 'login', fields: { fullName: { column: 'NOM PRENOM', nameOrder: 'last-first' }, lastLogin: 'derniere_connexion' } },
        { id: 'ad', kind: 'ldif', role: 'directory', path: 'ad.ldf', encoding: 'utf-8', dateFormat: 'DD.MM.YYYY', key: 'sAMAccountName', fields: { adId: 'sAMAccountName', lastLogin: 'lastLogonTimestamp' } },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.sources[1]).toMatchObject({ encoding: 'latin1', fields: { hrId: { column: 'N° agent', normalize: 'strip-leading-zeros' } } });
    expect(result.config.sources[3]).toMatchObject({ encoding: 'utf-8', dateFormat: 'DD.MM.YYYY' });
  });

  it('accepts several records per person on an account source, never on HR', () => {
    const badges = { id: 'badges', kind: 'csv', role: 'application', path: 'b.csv', key: 'N_BADGE', recordsPerPerson: 'several', fields: { fullName: 'TITULAIRE' } };
    const accepted = parse({ establishment, sources: [badges] });
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(accepted.config.sources[0]).toMatchObject({ recordsPerPerson: 'several' });
    const errorsOf = (sources: unknown[]) => {
      const refused = parse({ establishment, sources });
      return refused.ok ? '' : refused.errors.join('\n');
    };
    expect(errorsOf([{ id: 'sirh', kind: 'csv', role: 'hr', path: 'a.csv', key: 'M', recordsPerPerson: 'several', fields: { hrId: 'M' } }])).toMatch(
      /sources\.0\.recordsPerPerson: expected recordsPerPerson "several" only on a directory or application source/,
    );
    expect(errorsOf([{ ...badges, recordsPerPerson: 'many' }])).toMatch(/sources\.0\.recordsPerPerson: expected recordsPerPerson "one" or "several"/);
  });

  it('names what was expected for a wrong encoding, normalisation, name order or date layout', () => {
    const result = parse({
      establishment,
      sources: [
        { id: 'sirh', kind: 'csv', role: 'hr', path: 'a.csv', encoding: 'ebcdic', key: 'M', fields: { hrId: { column: 'M', normalize: 'trim-zeros' } } },
        { id: 'dpi', kind: 'csv', role: 'application', path: 'b.csv', key: 'l', fields: { lastName: { column: 'n', nameOrder: 'auto' }, fullName: { column: 'np', nameOrder: 'random' } } },
        { id: 'app', kind: 'csv', role: 'application', path: 'c.csv', key: 'l', fields: { birthDate: { column: 'd', dateFormat: 'MM/DD/YYYY' }, sex: { map: { '1': 'M' } } } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = result.errors.join('\n');
    expect(errors).toMatch(/sources\.0\.encoding: expected encoding "utf-8", "windows-1252", "iso-8859-1" or "latin1"/);
    expect(errors).toMatch(/sources\.0\.fields\.hrId: normalize: expected normalize "strip-leading-zeros"/);
    expect(errors).toMatch(/sources\.1\.fields\.lastName\.nameOrder: expected nameOrder only on the fullName field/);
    expect(errors).toMatch(/sources\.1\.fields\.fullName: nameOrder: expected nameOrder "last-first", "first-last" or "auto"/);
    expect(errors).toMatch(/sources\.2\.fields\.birthDate: dateFormat: .*expected one of "DD\/MM\/YYYY"/);
    expect(errors).toMatch(/sources\.2\.fields\.sex: column: missing; expected string/);
  });
});
