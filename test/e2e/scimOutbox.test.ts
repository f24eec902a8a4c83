import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { changeMieStatus } from '../../src/core/enrollment/changeMieStatus';
import { createScimOutbox, type ScimOutbox } from '../../src/core/scim/createScimOutbox';
import { saveScimSettings } from '../../src/core/scim/scimSettings';
import { GUICHET_USER_EXTENSION, type ScimIdentificationMeans } from '../../src/shared/scim/guichetUserExtension';
import { importSources } from '../../src/core/import/importSources';
import { readPulledMeansHolder } from '../../src/core/scim/readPulledMeansHolder';
import { createScimHandlers } from '../../src/core/scim/createScimHandlers';
import { createSafeStorageScimTokenKeeper } from '../../src/main/createSafeStorageScimTokenKeeper';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSourcesConfig } from '../../src/core/sources/parseSourcesConfig';
import { openDatabase } from '../../src/core/store/openDatabase';
import { insertIdentity, openFixtureDatabase } from '../support/identityFixtures';
import { startScimIam, type ScimIam } from '../support/scimIam/startScimIam';

/**
 * The desk's IAM outbox against a real SCIM server (scimmy, test/support/scimIam): every act on a
 * means reaches the person's User in order, and faults lose nothing and duplicate nothing.
 */
let iam: ScimIam;
let db: Database.Database;
let outbox: ScimOutbox;
let now: number;
const clock = { now: () => new Date(now) };
const agent = { agentId: 'agent-1', agentName: 'BUREAU Agent', desk: 'bureau-badges' };

const meansOnIam = (userName: string): ScimIdentificationMeans[] =>
  ((iam.listUsers().find((user) => user.userName === userName)?.[GUICHET_USER_EXTENSION] as { identificationMeans?: ScimIdentificationMeans[] } | undefined)?.identificationMeans ?? []);
const states = () => db.prepare('SELECT state, COUNT(*) AS n FROM scim_outbox GROUP BY state ORDER BY state').all();
const bindBadge = (identityId: string, identifier: string) => bindMie(db, clock, { actor: agent, identityId, kind: 'badge', identifier });
const advance = (ms: number) => {
  now += ms;
};

beforeAll(async () => {
  iam = await startScimIam({
    users: [
      { id: 'u-durand', userName: 'idurand', externalId: 'H100', name: { familyName: 'Durand', givenName: 'Inès' } },
      { id: 'u-leroy', userName: 'mleroy', name: { familyName: 'Leroy', givenName: 'Marc' }, [GUICHET_USER_EXTENSION]: { rpps: '10001234567', identificationMeans: [{ type: 'badge', value: 'B-TAKEN', status: 'active' }] } },
    ],
  });
  process.env.GUICHET_TEST_SCIM_TOKEN = iam.token;
});
afterAll(() => iam.stop());

beforeEach(() => {
  now = Date.parse('2026-12-03T09:00:00Z');
  db = openFixtureDatabase();
  insertIdentity(db, { id: 'p-durand', lastName: 'DURAND', firstName: 'Inès', hrId: 'H100' });
  insertIdentity(db, { id: 'p-leroy', lastName: 'LEROY', firstName: 'Marc', rpps: '10001234567' });
  insertIdentity(db, { id: 'p-neuf', lastName: 'NEUF', firstName: 'Léa', hrId: 'H999' });
  saveScimSettings(db, { url: iam.url, tokenEnv: 'GUICHET_TEST_SCIM_TOKEN', allowCreate: false, checkBeforeBind: true });
  outbox = createScimOutbox({ db, clock });
  iam.clearFaults();
});
afterEach(() => {
  outbox.stop();
  db.close();
});

describe('desk → IAM outbox', () => {
  it('publishes bind, suspend and loss in order on the person’s User, once; a second flush sends nothing', async () => {
    const badge = bindBadge('p-durand', 'B-0001');
    changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action: 'suspend', reason: 'carte oubliée' });
    changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action: 'declare-lost', reason: 'perdue' });
    expect(states()).toEqual([{ state: 'pending', n: 3 }]);
    const before = iam.requests().length;
    expect(await outbox.flush()).toMatchObject({ sent: 3, retried: 0, dead: 0 });
    expect(meansOnIam('idurand')).toEqual([expect.objectContaining({ type: 'badge', value: 'B-0001', status: 'lost', boundBy: 'agent-1@bureau-badges' })]);
    const patches = iam.requests().slice(before).filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(3);
    expect(patches.every((request) => request.ifMatch?.startsWith('W/"'))).toBe(true);
    const after = iam.requests().length;
    expect(await outbox.flush()).toMatchObject({ sent: 0 });
    expect(iam.requests().length).toBe(after);
    expect(outbox.status()).toMatchObject({ configured: true, connected: true, pending: 0, failed: 0 });
  });

  it('writes nothing to the outbox when the act itself is refused (same transaction)', () => {
    bindBadge('p-durand', 'B-0002');
    expect(() => bindBadge('p-neuf', 'B-0002')).toThrow();
    expect(db.prepare('SELECT COUNT(*) FROM scim_outbox').pluck().get()).toBe(1);
  });

  it('keeps the items while the IAM is down and delivers them once it is back, with backoff, without duplicates', async () => {
    bindBadge('p-durand', 'B-0003');
    iam.injectFault({ kind: 'down', times: 3 });
    expect(await outbox.flush()).toMatchObject({ sent: 0, retried: 1 });
    expect(outbox.status()).toMatchObject({ connected: false, pending: 1 });
    const item = outbox.list({})[0]!;
    expect(item.lastError).toMatch(/IAM injoignable/);
    const firstDelay = Date.parse(item.nextAttemptAt) - now;
    expect(firstDelay).toBeGreaterThanOrEqual(1000);
    expect(await outbox.flush()).toMatchObject({ sent: 0, retried: 0 });
    advance(firstDelay);
    await outbox.flush();
    const second = outbox.list({})[0]!;
    expect(Date.parse(second.nextAttemptAt) - now).toBeGreaterThanOrEqual(2000);
    advance(10 * 60_000);
    await outbox.flush();
    advance(10 * 60_000);
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
    expect(meansOnIam('idurand').filter((means) => means.value === 'B-0003')).toHaveLength(1);
  });

  it('retries after a 500, and after a 429 waits what Retry-After says', async () => {
    bindBadge('p-durand', 'B-0004');
    iam.injectFault({ kind: 'status', status: 500 });
    expect(await outbox.flush()).toMatchObject({ retried: 1 });
    expect(outbox.list({})[0]).toMatchObject({ lastStatus: 500 });
    advance(10_000);
    iam.injectFault({ kind: 'retry-after', retryAfterSeconds: 30 });
    expect(await outbox.flush()).toMatchObject({ retried: 1 });
    const throttled = outbox.list({})[0]!;
    expect([throttled.lastStatus, Date.parse(throttled.nextAttemptAt) - now]).toEqual([429, 30_000]);
    advance(29_000);
    expect(await outbox.flush()).toMatchObject({ sent: 0, retried: 0 });
    advance(1_000);
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
  });

  it('waits out a slow IAM (5 s) rather than sending twice', async () => {
    bindBadge('p-durand', 'B-0005');
    iam.injectFault({ kind: 'slow', delayMs: 5_000 });
    const before = iam.requests().length;
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
    expect(iam.requests().slice(before).filter((request) => request.method === 'PATCH' && request.status === 200)).toHaveLength(1);
  }, 20_000);

  it('makes a uniqueness conflict (409) a dead letter naming the holder; the person’s later acts wait until it is discarded, journaled', async () => {
    const clash = bindBadge('p-durand', 'B-TAKEN');
    changeMieStatus(db, clock, { actor: agent, mieId: clash.id, action: 'suspend', reason: 'doublon' });
    expect(await outbox.flush()).toMatchObject({ dead: 1, sent: 0 });
    const [later, dead] = outbox.list({});
    expect(dead).toMatchObject({ state: 'dead', lastStatus: 409 });
    expect(dead!.lastError).toContain('mleroy');
    expect(later).toMatchObject({ state: 'pending', attempts: 0 });
    expect(outbox.status()).toMatchObject({ pending: 1, failed: 1 });
    expect(() => outbox.discard(later!.id + 100, 'x', agent)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    outbox.discard(dead!.id, 'Carte remise à M. Leroy, doublon de saisie', agent);
    // The suspension alone now reaches the IAM, which still refuses the value: a dead letter again, nothing overwritten.
    expect(await outbox.flush()).toMatchObject({ dead: 1 });
    expect(meansOnIam('mleroy')).toEqual([{ type: 'badge', value: 'B-TAKEN', status: 'active' }]);
    const journal = db.prepare("SELECT action FROM journal WHERE action LIKE 'scim.%' ORDER BY seq").pluck().all();
    expect(journal).toEqual(['scim.dead-letter', 'scim.discard', 'scim.dead-letter']);
  });

  it('does not create a User the IAM does not know unless allowed; then POSTs it with the means', async () => {
    bindBadge('p-neuf', 'B-0006');
    expect(await outbox.flush()).toMatchObject({ waiting: 1, sent: 0 });
    expect(outbox.list({})[0]!.lastError).toMatch(/inconnu de l’IAM/);
    saveScimSettings(db, { url: iam.url, tokenEnv: 'GUICHET_TEST_SCIM_TOKEN', allowCreate: true, checkBeforeBind: true });
    advance(16 * 60_000);
    expect(await outbox.flush()).toMatchObject({ sent: 1 });
    expect(iam.listUsers().find((user) => user.externalId === 'H999')).toMatchObject({ userName: 'H999', name: { familyName: 'NEUF', givenName: 'Léa' } });
    expect(meansOnIam('H999')).toEqual([expect.objectContaining({ value: 'B-0006', status: 'active' })]);
  });

  it('finds a User by RPPS in the extension, and keeps each person’s order over many acts', async () => {
    const durand = bindBadge('p-durand', 'B-0100');
    const leroy = bindMie(db, clock, { actor: agent, identityId: 'p-leroy', kind: 'badge', identifier: 'B-0200', additional: true });
    for (let round = 0; round < 5; round += 1) {
      for (const mie of [durand, leroy]) {
        changeMieStatus(db, clock, { actor: agent, mieId: mie.id, action: 'suspend', reason: 'test' });
        changeMieStatus(db, clock, { actor: agent, mieId: mie.id, action: 'resume', reason: 'test' });
      }
    }
    changeMieStatus(db, clock, { actor: agent, mieId: leroy.id, action: 'declare-stolen', reason: 'vol' });
    expect(await outbox.flush()).toMatchObject({ sent: 23, dead: 0 });
    expect(meansOnIam('idurand').filter((means) => means.value === 'B-0100')).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(meansOnIam('mleroy').map((means) => [means.value, means.status])).toEqual([
      ['B-TAKEN', 'active'],
      ['B-0200', 'stolen'],
    ]);
    const sentOrder = db.prepare("SELECT id FROM scim_outbox WHERE identity_id = 'p-leroy' ORDER BY sent_at, id").pluck().all();
    expect(sentOrder).toEqual([...sentOrder].sort((a, b) => (a as number) - (b as number)));
  });

  it('a bind published here is seen by another site’s desk at its next pull, a delta on meta.lastModified', async () => {
    const parsed = parseSourcesConfig({
      configPath: '/tmp/sources.json',
      text: JSON.stringify({
        establishment: { name: 'CHU site B', finess: ['990000029'] },
        sources: [{ id: 'iam', kind: 'scim', role: 'directory', url: iam.url, tokenEnv: 'GUICHET_TEST_SCIM_TOKEN', key: 'id', fields: { adId: 'userName', hrId: 'externalId', lastName: 'name.familyName', firstName: 'name.givenName' } }],
      }),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const siteB = openDatabase({ path: ':memory:' });
    try {
      const first = await importSources(siteB, { config: parsed.config, clock });
      expect(first.sources.iam!.pull!.mode).toBe('full');
      expect(readPulledMeansHolder(siteB, 'B-SITEA-1')).toBeNull();

      bindBadge('p-durand', 'B-SITEA-1');
      expect(await outbox.flush()).toMatchObject({ sent: 1, dead: 0 });
      advance(60_000);
      const second = await importSources(siteB, { config: parsed.config, clock });
      expect(second.sources.iam).toMatchObject({ refused: false, removed: 0, pull: { mode: 'delta' } });
      expect(readPulledMeansHolder(siteB, 'B-SITEA-1')).toMatchObject({ userName: 'idurand', status: 'active', sourceId: 'iam' });

      const badge = db.prepare("SELECT id FROM mie WHERE identifier = 'B-SITEA-1'").get() as { id: string };
      changeMieStatus(db, clock, { actor: agent, mieId: badge.id, action: 'declare-lost', reason: 'perdue' });
      expect(await outbox.flush()).toMatchObject({ sent: 1, dead: 0 });
      advance(60_000);
      expect((await importSources(siteB, { config: parsed.config, clock })).sources.iam!.pull!.mode).toBe('delta');
      expect(readPulledMeansHolder(siteB, 'B-SITEA-1')).toMatchObject({ userName: 'idurand', status: 'lost' });
    } finally {
      siteB.close();
    }
  });

  it('presents the token the admin sealed in the OS keychain (Electron shell); browser mode says where its token comes from instead', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-sealed-'));
    const tokenEnv = 'GUICHET_TEST_SEALED_TOKEN';
    const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
    const keychain = {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (text: string) => Promise.resolve(xor(Buffer.from(text))),
      decryptStringAsync: (sealed: Buffer) => Promise.resolve({ result: xor(sealed).toString(), shouldReEncrypt: false }),
      getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    };
    try {
      saveScimSettings(db, { url: iam.url, tokenEnv, allowCreate: false, checkBeforeBind: true });
      delete process.env[tokenEnv];
      const keeper = await createSafeStorageScimTokenKeeper({ dataDir, safeStorage: keychain, platform: 'linux' });
      const admin = { agentId: 'admin-1', agentName: 'ADMIN Agent', desk: 'bureau-badges' };
      const handlers = createScimHandlers({ outbox, db, clock, tokenKeeper: keeper! });
      const context = { actor: admin } as never;
      expect(await handlers.getScimTokenSource({}, context)).toEqual({ source: 'keychain', tokenEnv, present: false });
      bindBadge('p-durand', 'B-SEALED-1');
      expect(await outbox.flush()).toMatchObject({ sent: 0 });
      expect(await handlers.setScimToken({ token: iam.token }, context)).toEqual({ source: 'keychain', tokenEnv, present: true });
      expect(await outbox.flush()).toMatchObject({ sent: 1, dead: 0 });
      expect(meansOnIam('idurand').some((means) => means.value === 'B-SEALED-1')).toBe(true);
      const journaled = db.prepare("SELECT after_json FROM journal WHERE action = 'scim.token-set'").pluck().all() as string[];
      expect(journaled).toHaveLength(1);
      expect(journaled[0]).not.toContain(iam.token);

      const browser = createScimHandlers({ outbox, db, clock });
      expect(await browser.getScimTokenSource({}, context)).toMatchObject({ source: 'environment', tokenEnv });
      await expect(browser.setScimToken({ token: 'another-token-0123456789' }, context)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', localized: { fr: expect.stringContaining(`variable d’environnement ${tokenEnv}`) } });
    } finally {
      delete process.env[tokenEnv];
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

