import { request as httpRequest } from 'node:http';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIdentity, openFixtureDatabase } from '../../../test/support/identityFixtures';
import { bindMie } from '../../core/enrollment/bindMie';
import { changeMieStatus } from '../../core/enrollment/changeMieStatus';
import { GUICHET_USER_EXTENSION } from '../../shared/scim/guichetUserExtension';
import { startScimProvider, type ScimProvider } from './startScimProvider';

/** The desk as a read-only SCIM service provider, asked by a real HTTP client, as an IAM and as an attacker. */
const token = 'provider-token-0123456789abcdef';
const clock = { now: () => new Date('2026-12-03T09:00:00Z') };
const agent = { agentId: 'agent-1', agentName: 'BUREAU Agent', desk: 'bureau-badges' };
let db: Database.Database;
let provider: ScimProvider;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** A raw HTTP request: the path goes out exactly as written (no client-side URL normalisation). */
function ask(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: provider.port, path, method, headers: { Authorization: `Bearer ${token}`, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown>;
        try {
          parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
        } catch {
          parsed = { text };
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const readsJournaled = () => db.prepare("SELECT COUNT(*) FROM journal WHERE action = 'personal-data.read' AND desk = 'scim-provider'").pluck().get() as number;

beforeAll(async () => {
  db = openFixtureDatabase();
  for (let index = 0; index < 30; index += 1) insertIdentity(db, { id: `p-${String(index).padStart(2, '0')}`, lastName: `NOM${index}`, firstName: `Prénom${index}`, hrId: `H${index}` });
  insertIdentity(db, { id: 'p-durand', lastName: 'DURAND', firstName: 'Inès', hrId: 'H100', rpps: '10001234567' });
  bindMie(db, clock, { actor: agent, identityId: 'p-durand', kind: 'badge', identifier: '04A1B2C3D4E5F6' });
  db.prepare("INSERT INTO settings (key, value_json) VALUES ('establishment', ?)").run(JSON.stringify({ name: 'CHU', finess: ['990000011'] }));
  provider = await startScimProvider({ db, clock, token, deskName: 'bureau-badges' });
});
afterAll(async () => {
  await provider.stop();
  db.close();
});

describe('read-only SCIM service provider', () => {
  it('serves the desk’s people as Users with the extension, paged, and journals the read', async () => {
    const before = readsJournaled();
    const page = await ask('/scim/v2/Users?startIndex=1&count=10');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ totalResults: 31, itemsPerPage: 10, startIndex: 1 });
    expect((page.body.Resources as unknown[]).length).toBe(10);
    expect(readsJournaled()).toBe(before + 1);
    const last = await ask('/scim/v2/Users?startIndex=31&count=10');
    expect((last.body.Resources as unknown[]).length).toBe(1);
  });

  it('finds a card’s holder by identificationMeans.value, and a person by userName, as an IAM filters', async () => {
    const byCard = await ask(`/scim/v2/Users?filter=${encodeURIComponent('identificationMeans.value eq "04A1B2C3D4E5F6"')}`);
    expect(byCard.status).toBe(200);
    expect(byCard.body.totalResults).toBe(1);
    const user = (byCard.body.Resources as Record<string, unknown>[])[0]!;
    expect(user).toMatchObject({ id: 'p-durand', userName: 'H100', externalId: 'H100', name: { familyName: 'DURAND', givenName: 'Inès' }, active: true });
    expect(user[GUICHET_USER_EXTENSION]).toMatchObject({ rpps: '10001234567', hrId: 'H100', identificationMeans: [{ type: 'badge', value: '04A1B2C3D4E5F6', status: 'active', site: '990000011' }] });
    const byUserName = await ask(`/scim/v2/Users?filter=${encodeURIComponent('userName eq "H7"')}`);
    expect((byUserName.body.Resources as { id: string }[]).map((found) => found.id)).toEqual(['p-07']);
    const qualified = await ask(`/scim/v2/Users?filter=${encodeURIComponent(`${GUICHET_USER_EXTENSION}:rpps eq "10001234567"`)}`);
    expect(qualified.body.totalResults).toBe(1);
  });

  it('gives one User with its version as ETag; If-None-Match with it is a 304; a change of a means changes it', async () => {
    const first = await ask('/scim/v2/Users/p-durand');
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect((first.body.meta as { version: string }).version).toBe(etag);
    expect((await ask('/scim/v2/Users/p-durand', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const badge = db.prepare("SELECT id FROM mie WHERE identifier = '04A1B2C3D4E5F6'").pluck().get() as string;
    changeMieStatus(db, { now: () => new Date('2026-12-03T10:00:00Z') }, { actor: agent, mieId: badge, action: 'suspend', reason: 'oubli' });
    const changed = await ask('/scim/v2/Users/p-durand', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((changed.body[GUICHET_USER_EXTENSION] as { identificationMeans: { status: string }[] }).identificationMeans[0]!.status).toBe('suspended');
  });

  it('describes itself: ServiceProviderConfig (filter, no patch, no bulk, bearer), Schemas with the extension, ResourceTypes', async () => {
    const config = await ask('/scim/v2/ServiceProviderConfig');
    expect(config.body).toMatchObject({ filter: { supported: true }, patch: { supported: false }, bulk: { supported: false }, authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })] });
    const schemas = await ask('/scim/v2/Schemas');
    expect(JSON.stringify(schemas.body)).toContain(GUICHET_USER_EXTENSION);
    const types = await ask('/scim/v2/ResourceTypes');
    expect(JSON.stringify(types.body)).toContain('/Users');
  });

  it('refuses without the token, with a wrong one, and in constant shape; writes get 405; nothing is journaled for them', async () => {
    const before = readsJournaled();
    expect((await ask('/scim/v2/Users', { headers: { Authorization: '' } })).status).toBe(401);
    expect((await ask('/scim/v2/Users', { headers: { Authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);
    expect((await ask('/scim/v2/Users', { headers: { Authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` } })).status).toBe(401);
    expect((await ask('/scim/v2/Users/p-durand', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const answer = await ask('/scim/v2/Users/p-durand', { method, headers: { 'Content-Type': 'application/scim+json' }, body: '{"userName":"pirate"}' });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(answer.body.detail).toContain('lecture seule');
    }
    expect((await ask('/scim/v2/Users/.search', { method: 'POST', body: '{}' })).status).toBe(405);
    expect(readsJournaled()).toBe(before);
    expect(db.prepare("SELECT last_name FROM identities WHERE id = 'p-durand'").pluck().get()).toBe('DURAND');
  });

  it('answers an attacker’s inputs with SCIM errors and keeps serving', async () => {
    const malformed = await ask(`/scim/v2/Users?filter=${encodeURIComponent('userName eq')}`);
    expect(malformed.status).toBe(400);
    expect((await ask(`/scim/v2/Users?filter=${encodeURIComponent('((((')}`)).status).toBe(400);
    const huge = await ask('/scim/v2/Users?count=1000000000');
    expect(huge.status).toBe(200);
    expect((huge.body.Resources as unknown[]).length).toBeLessThanOrEqual(200);
    const negative = await ask('/scim/v2/Users?startIndex=-5&count=-3');
    expect(negative.status).toBe(200);
    expect(negative.body).toMatchObject({ startIndex: 1 });
    expect((await ask('/scim/v2/Users?count=abc')).status).toBe(400);
    expect((await ask('/scim/v2/Users?count=1e400')).status).toBe(400);
    expect((await ask('/scim/v2/Users/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await ask('/scim/v2/../../etc/passwd')).status).toBe(404);
    expect((await ask('/scim/v2/Users/%00')).status).toBe(404);
    expect((await ask('/scim/v2/Users', { headers: { 'X-Huge': 'a'.repeat(20_000) } })).status).toBe(431);
    expect((await ask('/scim/v2/Users/%E0%A4%A')).status).toBeGreaterThanOrEqual(400);
    expect((await ask('/scim/v2/Users?startIndex=1&count=5')).status).toBe(200);
  });

  it('refuses to start with a short token, and listens on loopback by default', async () => {
    await expect(startScimProvider({ db, clock, token: 'short', deskName: 'x' })).rejects.toThrow(/16 caractères/);
    expect(provider.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
  });
});
