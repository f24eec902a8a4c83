import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUICHET_USER_EXTENSION, SCIM_PATCH_OP } from '../../../src/shared/scim/guichetUserExtension';
import { startScimIam, type ScimIam } from './startScimIam';

// SCIM bodies are read loosely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ScimBody = Record<string, any>;
let iam: ScimIam;
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${iam.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${iam.token}`, 'Content-Type': 'application/scim+json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as ScimBody) };
};
const means = (value: string, status = 'active') => ({ type: 'badge', value, status });

beforeAll(async () => {
  iam = await startScimIam({
    users: [
      { id: 'u-martin', userName: 'CMartin', externalId: '004521', name: { familyName: 'Martin', givenName: 'Claire' }, [GUICHET_USER_EXTENSION]: { identificationMeans: [means('04A1B2C3D4')] } },
      { id: 'u-durand', userName: 'pdurand', externalId: '7781', name: { familyName: 'Durand', givenName: 'Paul' } },
    ],
  });
});
afterAll(() => iam.stop());

describe('the test IAM (scimmy with its gaps closed)', () => {
  it('refuses a request without the bearer token', async () => {
    expect((await fetch(`${iam.url}/Users`)).status).toBe(401);
  });

  it('filters on the extension, qualified or not, and on userName without case', async () => {
    const qualified = await call('GET', `/Users?filter=${encodeURIComponent(`${GUICHET_USER_EXTENSION}:identificationMeans.value eq "04A1B2C3D4"`)}`);
    expect(qualified.body!.Resources.map((user: { id: string }) => user.id)).toEqual(['u-martin']);
    const plain = await call('GET', `/Users?filter=${encodeURIComponent('identificationMeans.value eq "04A1B2C3D4"')}`);
    expect(plain.body!.totalResults).toBe(1);
    // The means value is caseExact; userName is not.
    expect((await call('GET', `/Users?filter=${encodeURIComponent(`${GUICHET_USER_EXTENSION}:identificationMeans.value eq "04a1b2c3d4"`)}`)).body!.totalResults).toBe(0);
    expect((await call('GET', `/Users?filter=${encodeURIComponent('userName eq "cmartin"')}`)).body!.totalResults).toBe(1);
    expect((await call('GET', `/Users?filter=${encodeURIComponent('userName eq')}`)).status).toBe(400);
  });

  it('pages with itemsPerPage telling what came back', async () => {
    const page = await call('GET', '/Users?startIndex=2&count=5');
    expect(page.body).toMatchObject({ totalResults: 2, itemsPerPage: 1, startIndex: 2 });
  });

  it('creates with Location and ETag, and keeps a means value unique server-wide (409 uniqueness)', async () => {
    const created = await call('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'lpetit' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${iam.url}/Users/${created.body!.id}`);
    expect(created.headers.get('etag')).toBe('W/"1"');
    const taken = await call('PATCH', `/Users/${created.body!.id}`, { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'add', path: `${GUICHET_USER_EXTENSION}:identificationMeans`, value: [means('04A1B2C3D4')] }] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ scimType: 'uniqueness' });
    expect(taken.body!.detail).toContain('CMartin');
  });

  it('applies PATCH on explicit paths; re-adding the same means is harmless; a stale If-Match gets 412', async () => {
    const add = { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'add', path: `${GUICHET_USER_EXTENSION}:identificationMeans`, value: [means('04FFEE0011')] }] };
    const first = await call('PATCH', '/Users/u-durand', add, { 'If-Match': 'W/"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('W/"2"');
    expect((await call('PATCH', '/Users/u-durand', add, { 'If-Match': 'W/"1"' })).status).toBe(412);
    const again = await call('PATCH', '/Users/u-durand', add, { 'If-Match': 'W/"2"' });
    expect(again.body![GUICHET_USER_EXTENSION].identificationMeans).toEqual([means('04FFEE0011')]);
    const suspended = await call('PATCH', '/Users/u-durand', { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'replace', path: `${GUICHET_USER_EXTENSION}:identificationMeans[value eq "04FFEE0011"].status`, value: 'suspended' }] });
    expect(suspended.body![GUICHET_USER_EXTENSION].identificationMeans).toEqual([means('04FFEE0011', 'suspended')]);
    expect(suspended.body!.name).toEqual({ familyName: 'Durand', givenName: 'Paul' });
  });

  it('injects faults: down, 500, 429 with Retry-After, slow', async () => {
    iam.injectFault({ kind: 'down' });
    await expect(call('GET', '/Users')).rejects.toThrow();
    iam.injectFault({ kind: 'status', status: 500 });
    expect((await call('GET', '/Users')).status).toBe(500);
    iam.injectFault({ kind: 'retry-after', retryAfterSeconds: 3 });
    const throttled = await call('GET', '/Users');
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '3']);
    iam.injectFault({ kind: 'slow', delayMs: 300 });
    const started = Date.now();
    expect((await call('GET', '/Users')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
