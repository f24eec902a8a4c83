import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { importSources } from '../../src/core/import/importSources';
import { readPulledMeansHolder } from '../../src/core/scim/readPulledMeansHolder';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { startScimProvider, type ScimProvider } from '../../src/server/scim/startScimProvider';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * The demo desk serving its people read-only over SCIM next to its browser mode: another site's
 * desk pulls it as a `scim` source (full, then delta on meta.lastModified) and sees what was bound
 * here; an attacker's requests get errors and the desk's own browser mode keeps answering.
 */
let desk: TestDesk;
let provider: ScimProvider;
const token = randomBytes(24).toString('base64url');
const agent = { agentId: 'agent-e2e', agentName: 'BUREAU Agent', desk: 'bureau-badges' };

beforeAll(async () => {
  desk = await startTestDesk();
  provider = await startScimProvider({ db: desk.core.db, clock: desk.core.clock, token, deskName: 'guichet-demo' });
});
afterAll(async () => {
  await provider.stop();
  await desk.stop();
});

const sourcesFor = (url: string) => {
  const parsed = parseSourcesConfig({
    configPath: '/tmp/sources.json',
    text: JSON.stringify({
      establishment: { name: 'Site B', finess: ['990000029'] },
      sources: [
        { id: 'desk-a', kind: 'scim', role: 'application', url, tokenEnv: 'GUICHET_TEST_PROVIDER_TOKEN', pageSize: 200, key: 'id', fields: { hrId: 'externalId', lastName: 'name.familyName', firstName: 'name.givenName', rpps: 'rpps' } },
      ],
    }),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
};

describe('the desk as a read-only SCIM provider', () => {
  it('is pulled by another site’s desk, in full then by delta, which sees a badge bound here', async () => {
    const people = desk.core.db.prepare("SELECT COUNT(*) FROM identities").pluck().get() as number;
    const siteB: Database.Database = openDatabase({ path: ':memory:' });
    try {
      const env = { GUICHET_TEST_PROVIDER_TOKEN: token };
      const [early, later] = desk.core.db
        .prepare("SELECT id, last_name FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM mie) LIMIT 2")
        .all() as { id: string; last_name: string }[];
      // Acts stamped later than the demo's seeding (minutes apart, as at a desk), so a delta has something to leave out.
      const at = (minutes: number) => ({ now: () => new Date(Date.now() + minutes * 60_000) });
      bindMie(desk.core.db, at(10), { actor: agent, identityId: early!.id, kind: 'badge', identifier: '04E2E0000000A1' });
      const first = await importSources(siteB, { config: sourcesFor(provider.url), env, clock: at(11) });
      expect(first.ok, JSON.stringify(first.errors.slice(0, 3))).toBe(true);
      expect(first.sources['desk-a']).toMatchObject({ imported: people, pull: { mode: 'full' } });

      const person = later!;
      bindMie(desk.core.db, at(20), { actor: agent, identityId: person.id, kind: 'badge', identifier: '04E2E0000000AA' });
      const delta = await importSources(siteB, { config: sourcesFor(provider.url), env, clock: at(21) });
      expect(delta.ok, JSON.stringify(delta.errors.slice(0, 3))).toBe(true);
      // Only the people changed since the watermark (less its five minutes) come back: the one at the watermark again, unchanged, and the new one.
      expect(delta.sources['desk-a']).toMatchObject({ read: 2, updated: 1, removed: 0, pull: { mode: 'delta' } });
      expect(readPulledMeansHolder(siteB, '04E2E0000000AA')).toMatchObject({ status: 'active', sourceId: 'desk-a' });
      expect(readPulledMeansHolder(siteB, '04E2E0000000AA')!.name).toContain(person.last_name.toUpperCase());
    } finally {
      siteB.close();
    }
    // Every page the other desk read is in this desk's journal, as read by the provider.
    expect(desk.core.db.prepare("SELECT COUNT(*) FROM journal WHERE action = 'personal-data.read' AND desk = 'scim-provider'").pluck().get()).toBeGreaterThanOrEqual(2);
  });

  it('answers attackers with errors and leaves the desk’s browser mode serving', async () => {
    const base = provider.url;
    const hits = [
      fetch(`${base}/Users`),
      fetch(`${base}/Users`, { headers: { Authorization: 'Bearer x' } }),
      fetch(`${base}/Users`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' }, body: '{"userName":"pirate"}' }),
      fetch(`${base}/Users?filter=${encodeURIComponent('name.familyName co')}`, { headers: { Authorization: `Bearer ${token}` } }),
      fetch(`${base}/Users/%2e%2e%2f%2e%2e%2fsettings`, { headers: { Authorization: `Bearer ${token}` } }),
      fetch(`${base}/Users?count=99999999999999999999`, { headers: { Authorization: `Bearer ${token}` } }),
    ];
    const statuses = (await Promise.all(hits)).map((response) => response.status);
    expect(statuses).toEqual([401, 401, 405, 400, 404, 400]);
    const page = await fetch(desk.server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const still = await fetch(`${base}/Users?count=1`, { headers: { Authorization: `Bearer ${token}` } });
    expect(still.status).toBe(200);
  });
});
