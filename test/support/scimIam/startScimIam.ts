import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import SCIMMY from 'scimmy';
import {
  GUICHET_USER_EXTENSION,
  SCIM_ERROR,
  SCIM_LIST_RESPONSE,
  guichetUserExtensionSchema,
  type ScimIdentificationMeans,
} from '../../../src/shared/scim/guichetUserExtension';
import { matchScimFilter, parseScimFilter } from './matchScimFilter';

/**
 * A standalone SCIM 2.0 IAM for the tests, built on scimmy: its User schema (extended with the
 * Guichet extension) coerces and validates every resource, its filter parser reads filters and its
 * PatchOp engine applies PATCH. What scimmy leaves out (docs/scim.md) is done here: filters on the
 * extension and `caseExact`, uniqueness of `identificationMeans.value` (409), `meta.version` as
 * ETag with `If-Match` (412), `Location`, `itemsPerPage`. Faults are injected by the tests.
 */

export type ScimUserResource = Record<string, unknown> & { id: string; userName: string; meta: { version: string; created: string; lastModified: string } };
export type ScimUserSeed = Record<string, unknown> & { userName: string };
export type ScimIamFault =
  | { kind: 'down'; times?: number }
  | { kind: 'status'; status: number; times?: number }
  | { kind: 'retry-after'; status?: number; retryAfterSeconds: number; times?: number }
  | { kind: 'slow'; delayMs: number; times?: number };

export interface ScimIamRequest {
  method: string;
  path: string;
  status: number;
  ifMatch?: string;
  body?: unknown;
}

export interface ScimIam {
  /** Base address, e.g. `http://127.0.0.1:PORT/scim/v2`. */
  url: string;
  token: string;
  stop(): Promise<void>;
  injectFault(fault: ScimIamFault): void;
  clearFaults(): void;
  listUsers(): ScimUserResource[];
  requests(): ScimIamRequest[];
}

let extended = false;
function declareExtension(): void {
  if (extended) return;
  const toAttribute = (definition: (typeof guichetUserExtensionSchema.attributes)[number] | NonNullable<(typeof guichetUserExtensionSchema.attributes)[number]['subAttributes']>[number]): SCIMMY.Types.Attribute =>
    new SCIMMY.Types.Attribute(
      definition.type,
      definition.name,
      {
        multiValued: definition.multiValued,
        required: definition.required,
        caseExact: definition.caseExact,
        uniqueness: definition.uniqueness === 'none' ? false : definition.uniqueness,
        ...('canonicalValues' in definition && definition.canonicalValues !== undefined ? { canonicalValues: [...definition.canonicalValues] } : {}),
      } as never,
      'subAttributes' in definition && definition.subAttributes !== undefined ? definition.subAttributes.map(toAttribute) : undefined,
    );
  SCIMMY.Schemas.User.extend(new SCIMMY.Types.SchemaDefinition('GuichetUser', GUICHET_USER_EXTENSION, guichetUserExtensionSchema.description, guichetUserExtensionSchema.attributes.map(toAttribute)) as never, false);
  extended = true;
}

class ScimFailure extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const meansOf = (user: Record<string, unknown>): ScimIdentificationMeans[] =>
  ((user[GUICHET_USER_EXTENSION] as { identificationMeans?: ScimIdentificationMeans[] } | undefined)?.identificationMeans ?? []);

/** RFC 7644 §3.5.2.1: re-adding a value already present changes nothing (an outbox may retry). */
function dropRepeatedMeans(user: Record<string, unknown>): void {
  const extension = user[GUICHET_USER_EXTENSION] as { identificationMeans?: ScimIdentificationMeans[] } | undefined;
  if (extension?.identificationMeans === undefined) return;
  const seen = new Set<string>();
  extension.identificationMeans = extension.identificationMeans.filter((means) => {
    const key = JSON.stringify(Object.entries(means).sort(([a], [b]) => a.localeCompare(b)));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function startScimIam({
  port = 0,
  token = `iam-${randomUUID()}`,
  users = [],
  trustedSeed = false,
  filterSupported = true,
  clock = { now: () => new Date() },
}: {
  port?: number;
  token?: string;
  users?: ScimUserSeed[];
  trustedSeed?: boolean;
  /** What /ServiceProviderConfig says of filtering (an IAM that does not filter gets full pulls). */
  filterSupported?: boolean;
  /** The IAM's own clock, which stamps `meta.lastModified`. */
  clock?: { now(): Date };
} = {}): Promise<ScimIam> {
  declareExtension();
  const store = new Map<string, ScimUserResource>();
  const log: ScimIamRequest[] = [];
  let faults: (ScimIamFault & { left: number })[] = [];
  let base = '';

  const now = () => clock.now().toISOString();
  const coerce = (data: Record<string, unknown>): Record<string, unknown> => {
    try {
      return JSON.parse(JSON.stringify(new SCIMMY.Schemas.User(data, 'in'))) as Record<string, unknown>;
    } catch (error) {
      throw new ScimFailure(400, (error as { scimType?: string }).scimType ?? 'invalidValue', (error as Error).message);
    }
  };
  const assertUnique = (candidate: Record<string, unknown>, selfId: string | null): void => {
    const values = meansOf(candidate).map((means) => means.value);
    if (new Set(values).size !== values.length) throw new ScimFailure(409, 'uniqueness', 'identificationMeans.value en double dans la ressource');
    for (const other of store.values()) {
      if (other.id === selfId) continue;
      const taken = meansOf(other).find((means) => values.includes(means.value));
      if (taken !== undefined) throw new ScimFailure(409, 'uniqueness', `identificationMeans.value "${taken.value}" est déjà tenu par ${other.userName} (${other.id})`);
    }
    if (typeof candidate.userName === 'string') {
      const lower = candidate.userName.toLowerCase();
      const twin = [...store.values()].find((other) => other.id !== selfId && other.userName.toLowerCase() === lower);
      if (twin !== undefined) throw new ScimFailure(409, 'uniqueness', `userName "${candidate.userName}" existe déjà`);
    }
  };
  const save = (id: string, data: Record<string, unknown>, previous: ScimUserResource | undefined): ScimUserResource => {
    const version = previous === undefined ? 1 : Number(/\d+/.exec(previous.meta.version)![0]) + 1;
    const stamp = now();
    const resource = {
      ...data,
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ...(data[GUICHET_USER_EXTENSION] === undefined ? [] : [GUICHET_USER_EXTENSION])],
      id,
      meta: { resourceType: 'User', created: previous?.meta.created ?? stamp, lastModified: stamp, version: `W/"${version}"`, location: `${base}/Users/${id}` },
    } as unknown as ScimUserResource;
    store.set(id, resource);
    return resource;
  };
  for (const seed of users) {
    // A large trusted seed (benchmarks) skips scimmy's per-resource coercion and the uniqueness scan.
    const data = trustedSeed ? { ...seed } : coerce({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', GUICHET_USER_EXTENSION], ...seed });
    if (!trustedSeed) assertUnique(data, null);
    save(typeof seed.id === 'string' ? seed.id : randomUUID(), data, undefined);
  }

  const readText = async (request: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) throw new ScimFailure(413, undefined, 'requête trop grande');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  };
  const parseBody = (text: string): Record<string, unknown> => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new ScimFailure(400, 'invalidSyntax', 'JSON illisible');
    }
  };
  const checkVersion = (request: IncomingMessage, user: ScimUserResource): void => {
    const ifMatch = request.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== user.meta.version) throw new ScimFailure(412, undefined, `version ${ifMatch} dépassée (actuelle ${user.meta.version})`);
  };
  const userOr404 = (id: string): ScimUserResource => {
    const user = store.get(id);
    if (user === undefined) throw new ScimFailure(404, undefined, `utilisateur ${id} inconnu`);
    return user;
  };

  async function route(request: IncomingMessage, url: URL, bodyText: string): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const path = url.pathname.replace(/^\/scim\/v2/, '');
    const method = request.method ?? 'GET';
    if (path === '/ServiceProviderConfig' && method === 'GET') {
      return {
        status: 200,
        body: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
          patch: { supported: true },
          bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
          filter: { supported: filterSupported, maxResults: 1000 },
          changePassword: { supported: false },
          sort: { supported: false },
          etag: { supported: true },
          authenticationSchemes: [{ type: 'oauthbearertoken', name: 'Bearer', description: 'Jeton porteur', primary: true }],
        },
      };
    }
    if (path === '/Schemas' && method === 'GET') return { status: 200, body: { schemas: [SCIM_LIST_RESPONSE], totalResults: 1, itemsPerPage: 1, startIndex: 1, Resources: [guichetUserExtensionSchema] } };
    if (path === '/Users' && method === 'GET') {
      const filter = url.searchParams.get('filter');
      const branches = filter === null ? null : parseScimFilter(filter);
      const all = [...store.values()].filter((user) => branches === null || matchScimFilter(user, branches));
      const startIndex = Math.max(1, Number(url.searchParams.get('startIndex') ?? '1') || 1);
      const count = Math.min(1000, Math.max(0, Number(url.searchParams.get('count') ?? '100') || 0));
      const page = all.slice(startIndex - 1, startIndex - 1 + count);
      return { status: 200, body: { schemas: [SCIM_LIST_RESPONSE], totalResults: all.length, itemsPerPage: page.length, startIndex, Resources: page } };
    }
    if (path === '/Users' && method === 'POST') {
      const data = coerce(parseBody(bodyText));
      assertUnique(data, null);
      const created = save(randomUUID(), data, undefined);
      return { status: 201, body: created, headers: { Location: `${base}/Users/${created.id}`, ETag: created.meta.version } };
    }
    const match = /^\/Users\/([^/]+)$/.exec(path);
    if (match !== null) {
      const id = decodeURIComponent(match[1]!);
      const user = userOr404(id);
      if (method === 'GET') return { status: 200, body: user, headers: { ETag: user.meta.version } };
      if (method === 'DELETE') {
        checkVersion(request, user);
        store.delete(id);
        return { status: 204 };
      }
      if (method === 'PUT') {
        checkVersion(request, user);
        const data = coerce(parseBody(bodyText));
        assertUnique(data, id);
        const saved = save(id, data, user);
        return { status: 200, body: saved, headers: { ETag: saved.meta.version } };
      }
      if (method === 'PATCH') {
        checkVersion(request, user);
        const body = parseBody(bodyText);
        let patched: Record<string, unknown>;
        try {
          const operation = new SCIMMY.Messages.PatchOp(body as never);
          const { meta: _meta, id: _id, ...current } = user;
          const result = await operation.apply(new SCIMMY.Schemas.User(current, 'in') as never, async (resource: unknown) => resource as never);
          patched = JSON.parse(JSON.stringify(result ?? current)) as Record<string, unknown>;
        } catch (error) {
          throw new ScimFailure((error as { status?: number }).status ?? 400, (error as { scimType?: string }).scimType ?? 'invalidValue', (error as Error).message);
        }
        dropRepeatedMeans(patched);
        assertUnique(patched, id);
        const saved = save(id, patched, user);
        return { status: 200, body: saved, headers: { ETag: saved.meta.version } };
      }
    }
    throw new ScimFailure(404, undefined, `${method} ${path} inconnu`);
  }

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/scim+json', ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://iam.invalid');
      const entry: ScimIamRequest = { method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, status: 0 };
      if (typeof request.headers['if-match'] === 'string') entry.ifMatch = request.headers['if-match'];
      log.push(entry);
      // The body is read first, and kept for PATCH and POST (tests check the order of operations per User).
      let bodyText: string;
      try {
        bodyText = await readText(request);
      } catch (error) {
        entry.status = 413;
        send(response, 413, { schemas: [SCIM_ERROR], status: '413', detail: (error as Error).message });
        return;
      }
      if (request.method === 'PATCH' || request.method === 'POST') entry.body = bodyText;
      const fault = faults.find((candidate) => candidate.left > 0);
      if (fault !== undefined) {
        fault.left -= 1;
        faults = faults.filter((candidate) => candidate.left > 0);
        if (fault.kind === 'down') {
          entry.status = -1;
          request.socket.destroy();
          return;
        }
        if (fault.kind === 'status') {
          entry.status = fault.status;
          send(response, fault.status, { schemas: [SCIM_ERROR], status: String(fault.status), detail: 'panne simulée' });
          return;
        }
        if (fault.kind === 'retry-after') {
          entry.status = fault.status ?? 429;
          send(response, entry.status, { schemas: [SCIM_ERROR], status: String(entry.status), detail: 'trop de requêtes' }, { 'Retry-After': String(fault.retryAfterSeconds) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      }
      if (request.headers.authorization !== `Bearer ${token}`) {
        entry.status = 401;
        send(response, 401, { schemas: [SCIM_ERROR], status: '401', detail: 'jeton absent ou invalide' }, { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      try {
        const result = await route(request, url, bodyText);
        entry.status = result.status;
        send(response, result.status, result.body, result.headers);
      } catch (error) {
        const failure = error instanceof ScimFailure ? error : new ScimFailure((error as { status?: number }).status ?? 500, (error as { scimType?: string }).scimType, (error as Error).message);
        entry.status = failure.status;
        send(response, failure.status, { schemas: [SCIM_ERROR], status: String(failure.status), ...(failure.scimType === undefined ? {} : { scimType: failure.scimType }), detail: failure.message });
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  return {
    url: base,
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    injectFault: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    clearFaults: () => {
      faults = [];
    },
    listUsers: () => [...store.values()].map((user) => structuredClone(user)),
    requests: () => log.map((entry) => ({ ...entry })),
  };
}
