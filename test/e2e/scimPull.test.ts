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

describe('source kind "scim": delta pulls on meta.lastModified', () => {
  // The IAM's clock and the desk's clock, moved by the test: a day of changes in a few calls.
  let iamTime = Date.parse('2026-12-01T08:00:00Z');
  let deskTime = Date.parse('2026-12-01T09:00:00Z');
  const iamClock = { now: () => new Date(iamTime) };
  const deskClock = { now: () => new Date(deskTime) };
  let deltaIam: ScimIam;
  let flatIam: ScimIam;
  beforeAll(async () => {
    deltaIam = await startScimIam({ users, clock: iamClock });
    flatIam = await startScimIam({ users, clock: iamClock, filterSupported: false });
  });
  afterAll(async () => {
    await deltaIam.stop();
    await flatIam.stop();
  });
  const configOf = (target: ScimIam, overrides: Record<string, unknown> = {}) => {
    const previous = iam;
    iam = target;
    try {
      return configFor(overrides);
    } finally {
      iam = previous;
    }
  };
  const userRequests = (target: ScimIam, since: number) => target.requests().slice(since).filter((request) => request.method === 'GET' && request.path.startsWith('/scim/v2/Users?'));
  const filterOf = (path: string) => new URL(path, 'http://iam').searchParams.get('filter');
  const send = async (target: ScimIam, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  };

  it('pulls in full first, then only the Users changed since (the filter asked of the IAM), keeping all the others present', async () => {
    const db: Database.Database = openDatabase({ path: ':memory:' });
    try {
      const env = { GUICHET_TEST_PULL_TOKEN: deltaIam.token };
      // The IAM's Users were written at 08:00, one of them again at 09:00.
      iamTime += 3_600_000;
      await send(deltaIam, 'PATCH', '/Users/u-003', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Cadre' }] });
      let mark = deltaIam.requests().length;
      const first = await importSources(db, { config: configOf(deltaIam), clock: deskClock, env });
      expect(first.sources.iam).toMatchObject({ imported: 45, pull: { mode: 'full', since: null, watermark: '2026-12-01T09:00:00.000Z' } });
      expect(userRequests(deltaIam, mark).every((request) => filterOf(request.path) === null)).toBe(true);

      // An hour later in the IAM, one User changes name.
      iamTime += 3_600_000;
      deskTime += 3_600_000;
      await send(deltaIam, 'PATCH', '/Users/u-007', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'name.familyName', value: 'NOUVEAUNOM' }] });
      mark = deltaIam.requests().length;
      const delta = await importSources(db, { config: configOf(deltaIam), clock: deskClock, env });
      expect(delta.ok, JSON.stringify(delta.errors)).toBe(true);
      // Asked from 5 minutes before the watermark: the User written at 09:00 comes again (unchanged), with the one changed at 10:00.
      expect(delta.sources.iam).toMatchObject({ read: 2, updated: 1, removed: 0, pull: { mode: 'delta', since: '2026-12-01T09:00:00.000Z', watermark: '2026-12-01T10:00:00.000Z' } });
      const asked = userRequests(deltaIam, mark).map((request) => filterOf(request.path));
      expect(asked).toEqual(['meta.lastModified gt "2026-12-01T08:55:00.000Z"']);
      expect(db.prepare("SELECT last_name FROM source_records WHERE source_id = 'iam' AND record_key = 'u-007'").pluck().get()).toBe('NOUVEAUNOM');
      expect(db.prepare("SELECT COUNT(*) FROM source_records WHERE source_id = 'iam' AND present = 1").pluck().get()).toBe(45);

      // Nothing changed since: an empty delta is a normal answer, not a source that came back empty.
      deskTime += 60_000;
      const quiet = await importSources(db, { config: configOf(deltaIam), clock: deskClock, env });
      expect(quiet.ok, JSON.stringify(quiet.errors)).toBe(true);
      expect(quiet.sources.iam).toMatchObject({ refused: false, updated: 0, removed: 0, pull: { mode: 'delta', watermark: '2026-12-01T10:00:00.000Z' } });

      // A User deleted in the IAM stays present after a delta; the next full pull (--full, or the cadence) sees it gone.
      iamTime += 60_000;
      await send(deltaIam, 'DELETE', '/Users/u-044');
      const afterDelete = await importSources(db, { config: configOf(deltaIam), clock: deskClock, env });
      expect(afterDelete.sources.iam).toMatchObject({ removed: 0, pull: { mode: 'delta' } });
      expect(db.prepare("SELECT present FROM source_records WHERE source_id = 'iam' AND record_key = 'u-044'").pluck().get()).toBe(1);
      const full = await importSources(db, { config: configOf(deltaIam), clock: deskClock, env, fullPull: true });
      expect(full.sources.iam).toMatchObject({ removed: 1, pull: { mode: 'full' } });
      expect(db.prepare("SELECT present FROM source_records WHERE source_id = 'iam' AND record_key = 'u-044'").pluck().get()).toBe(0);

      // The cadence: a week after the last full pull, the pull is full again without being asked.
      expect((await importSources(db, { config: configOf(deltaIam), clock: deskClock, env })).sources.iam!.pull!.mode).toBe('delta');
      deskTime += 7 * 86_400_000;
      expect((await importSources(db, { config: configOf(deltaIam), clock: deskClock, env })).sources.iam!.pull!.mode).toBe('full');
      // A changed filter in sources.json starts over with a full pull too.
      const filtered = await importSources(db, { config: configOf(deltaIam, { filter: 'userName sw "agent"' }), clock: deskClock, env });
      expect(filtered.sources.iam!.pull!.mode).toBe('full');
      const next = deltaIam.requests().length;
      expect((await importSources(db, { config: configOf(deltaIam, { filter: 'userName sw "agent"' }), clock: deskClock, env })).sources.iam!.pull!.mode).toBe('delta');
      expect(userRequests(deltaIam, next).map((request) => filterOf(request.path))).toEqual([`(userName sw "agent") and (meta.lastModified gt "2026-12-01T09:55:00.000Z")`]);
      // So does a changed mapping (or page size): the records pulled before were read another way.
      expect((await importSources(db, { config: configOf(deltaIam, { filter: 'userName sw "agent"', pageSize: 20 }), clock: deskClock, env })).sources.iam!.pull!.mode).toBe('full');
    } finally {
      db.close();
    }
  });

  it('pulls in full every time from an IAM that says it does not filter', async () => {
    const db: Database.Database = openDatabase({ path: ':memory:' });
    try {
      const env = { GUICHET_TEST_PULL_TOKEN: flatIam.token };
      for (let round = 0; round < 2; round += 1) {
        const mark = flatIam.requests().length;
        const report = await importSources(db, { config: configOf(flatIam), clock: deskClock, env });
        expect(report.sources.iam).toMatchObject({ read: 45, pull: { mode: 'full', since: null } });
        expect(userRequests(flatIam, mark).every((request) => filterOf(request.path) === null)).toBe(true);
      }
    } finally {
      db.close();
    }
  });
});

