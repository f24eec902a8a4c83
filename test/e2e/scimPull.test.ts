import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenScimUser } from '../../src/core/import/readScimSource';
import { readPulledMeansHolder } from '../../src/core/scim/readPulledMeansHolder';
import { importSources } from '../../src/core/import/importSources';
import { parseSourcesConfig, type SourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';
import { GUICHET_USER_EXTENSION } from '../../src/shared/scim/guichetUserExtension';
import { startScimIam, type ScimIam } from '../support/scimIam/startScimIam';

/** The IAM as a source of the directory: Users pulled page by page, imported and reconciled like any other source. */
let iam: ScimIam;
const clock = { now: () => new Date('2026-12-03T09:00:00Z') };
const users = Array.from({ length: 45 }, (_, index) => ({
  id: `u-${String(index).padStart(3, '0')}`,
  userName: `agent${index}`,
  externalId: String(1000 + index),
  name: { familyName: `NOM${index}`, givenName: `Prénom${index}` },
  emails: [{ value: `agent${index}@chu.example`, type: 'work', primary: true }],
  [GUICHET_USER_EXTENSION]: { rpps: index % 3 === 0 ? appendRppsCheckDigit(`100000${String(index).padStart(4, '0')}`) : undefined, identificationMeans: [{ type: 'badge', value: `B-${index}`, status: 'active' }] },
}));

function configFor(overrides: Record<string, unknown> = {}): SourcesConfig {
  const parsed = parseSourcesConfig({
    configPath: '/tmp/sources.json',
    text: JSON.stringify({
      establishment: { name: 'CHU', finess: ['990000011'] },
      sources: [
        {
          id: 'iam',
          kind: 'scim',
          role: 'directory',
          url: iam.url,
          tokenEnv: 'GUICHET_TEST_PULL_TOKEN',
          pageSize: 10,
          key: 'id',
          fields: { adId: 'userName', hrId: 'externalId', lastName: 'name.familyName', firstName: 'name.givenName', email: 'emails', rpps: 'rpps' },
          ...overrides,
        },
      ],
    }),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

beforeAll(async () => {
  iam = await startScimIam({ users });
});
afterAll(() => iam.stop());

describe('source kind "scim": pull the IAM’s Users', () => {
  it('flattens a User: core attributes, multi-valued values and the extension by short names', () => {
    const values = flattenScimUser(JSON.parse(JSON.stringify(iam.listUsers()[0])) as Record<string, unknown>);
    expect(values.get('username')).toEqual(['agent0']);
    expect(values.get('name.familyname')).toEqual(['NOM0']);
    expect(values.get('emails')).toEqual(['agent0@chu.example']);
    expect(values.get('rpps')).toEqual([appendRppsCheckDigit('1000000000')]);
    expect(values.get('identificationmeans.value')).toEqual(['B-0']);
  });

  it('imports every User once over pages, mapping the fields as sources.json says', async () => {
    const db: Database.Database = openDatabase({ path: ':memory:' });
    try {
      const before = iam.requests().length;
      const report = await importSources(db, { config: configFor(), clock, env: { GUICHET_TEST_PULL_TOKEN: iam.token } });
      expect(report.ok, JSON.stringify(report.errors)).toBe(true);
      expect(report.sources.iam).toMatchObject({ imported: 45, rejected: 0 });
      const pages = iam.requests().slice(before).filter((request) => request.path.startsWith('/scim/v2/Users?'));
      expect(pages).toHaveLength(5);
      const row = db.prepare("SELECT hr_id, ad_id, rpps, last_name, first_name, attributes_json FROM source_records WHERE source_id = 'iam' AND record_key = 'u-003'").get() as Record<string, string>;
      expect(row).toMatchObject({ hr_id: '1003', ad_id: 'agent3', rpps: appendRppsCheckDigit('1000000003'), last_name: 'NOM3', first_name: 'Prénom3' });
      expect(JSON.parse(row.attributes_json!)).toMatchObject({ email: 'agent3@chu.example' });
      // A card bound elsewhere is known here after the pull: to whom, with its status.
      expect(readPulledMeansHolder(db, 'B-7')).toMatchObject({ name: 'NOM7 Prénom7', userName: 'agent7', status: 'active', sourceId: 'iam' });
      expect(readPulledMeansHolder(db, 'B-70')).toBeNull();
      expect(readPulledMeansHolder(db, 'B-')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('refuses the source with a French reason when the token is missing, refused, or the IAM unreachable, and keeps what was there', async () => {
    const db: Database.Database = openDatabase({ path: ':memory:' });
    try {
      await importSources(db, { config: configFor(), clock, env: { GUICHET_TEST_PULL_TOKEN: iam.token } });
      const missing = await importSources(db, { config: configFor(), clock, env: {} });
      expect(missing.ok).toBe(false);
      expect(JSON.stringify(missing.errors)).toContain('GUICHET_TEST_PULL_TOKEN');
      const refused = await importSources(db, { config: configFor(), clock, env: { GUICHET_TEST_PULL_TOKEN: 'faux' } });
      expect(JSON.stringify(refused.errors)).toMatch(/refuse le jeton.*HTTP 401/);
      iam.injectFault({ kind: 'down' });
      const down = await importSources(db, { config: configFor(), clock, env: { GUICHET_TEST_PULL_TOKEN: iam.token } });
      expect(JSON.stringify(down.errors)).toMatch(/injoignable/);
      expect(db.prepare("SELECT COUNT(*) FROM source_records WHERE source_id = 'iam' AND present = 1").pluck().get()).toBe(45);
    } finally {
      db.close();
    }
  });

  it('refuses a configuration with a URL that is not http(s)', () => {
    const parsed = parseSourcesConfig({
      configPath: '/tmp/sources.json',
      text: JSON.stringify({ establishment: { name: 'CHU', finess: ['990000011'] }, sources: [{ id: 'iam', kind: 'scim', role: 'directory', url: 'file:///etc/passwd', tokenEnv: 'T', key: 'id', fields: { adId: 'userName' } }] }),
    });
    expect(parsed.ok).toBe(false);
  });
});
