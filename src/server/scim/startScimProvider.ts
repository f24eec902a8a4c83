import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import type { Clock } from '../../core/clock';
import { appendJournalEntry } from '../../core/journal/appendJournalEntry';
import { readScimUsers, type DeskScimUser } from '../../core/scim/readScimUsers';
import { GUICHET_USER_EXTENSION, guichetUserExtensionSchema } from '../../shared/scim/guichetUserExtension';
import { isSameSecret } from '../isSameSecret';

/** The journal's name for reads made by an IAM or gateway through the provider. */
export const scimProviderDesk = 'scim-provider';

/** At most this many Users per page, whatever `count` asks (RFC 7644 §3.4.2.4 lets the provider cap it). */
export const scimProviderMaxCount = 200;

export interface ScimProviderOptions {
  db: Database.Database;
  clock: Clock;
  /** The bearer token IAMs present; compared in constant time. */
  token: string;
  port?: number;
  /** The interface to listen on: loopback unless configured (a reverse proxy or the IAM's network). */
  host?: string;
  /** The desk's name in `boundBy` of the means. */
  deskName: string;
}

export interface ScimProvider {
  /** Base address of the SCIM service, e.g. `http://127.0.0.1:PORT/scim/v2`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ProviderContext {
  db: Database.Database;
  clock: Clock;
  deskName: string;
}

type ScimError = Error & { status?: number; scimType?: string };

const scimError = (status: number, message: string, scimType?: string): ScimError => Object.assign(new Error(message), { status, ...(scimType === undefined ? {} : { scimType }) });

let declared = false;

/**
 * SCIMMY's resource types are process-wide: the User resource (with the Guichet extension) is
 * declared once, its handlers reading the store each request's context names. Writes are refused
 * before they reach it (see `refuseWrites`); these handlers are the second lock.
 */
function declareUserResource(): void {
  if (declared) return;
  const toAttribute = (
    definition: (typeof guichetUserExtensionSchema.attributes)[number] | NonNullable<(typeof guichetUserExtensionSchema.attributes)[number]['subAttributes']>[number],
  ): SCIMMY.Types.Attribute =>
    new SCIMMY.Types.Attribute(
      definition.type,
      definition.name,
      {
        multiValued: definition.multiValued,
        required: false,
        caseExact: definition.caseExact,
        uniqueness: definition.uniqueness === 'none' ? false : definition.uniqueness,
        ...('canonicalValues' in definition && definition.canonicalValues !== undefined ? { canonicalValues: [...definition.canonicalValues] } : {}),
      } as never,
      'subAttributes' in definition && definition.subAttributes !== undefined ? definition.subAttributes.map(toAttribute) : undefined,
    );
  // The test IAM of the same process may have extended the User schema already.
  const extended = SCIMMY.Schemas.User.definition.attributes.some((attribute) => attribute.name === GUICHET_USER_EXTENSION);
  if (!extended) {
    SCIMMY.Schemas.User.extend(
      new SCIMMY.Types.SchemaDefinition('GuichetUser', GUICHET_USER_EXTENSION, guichetUserExtensionSchema.description, guichetUserExtensionSchema.attributes.map(toAttribute)) as never,
      false,
    );
  }
  SCIMMY.Resources.declare(
    SCIMMY.Resources.User.egress(async (resource, context: ProviderContext) => {
      const id = (resource as { id?: string }).id;
      const users = readScimUsers(context.db, { desk: context.deskName, ...(id === undefined ? {} : { only: id }) });
      if (id !== undefined) {
        const user = users[0];
        if (user === undefined) throw new SCIMMY.Types.Error(404, null as never, `Resource ${id} not found`);
        journalRead(context, { endpoint: 'Users/{id}', identityId: user.id });
        return user as never;
      }
      const filter = (resource as { filter?: SCIMMY.Types.Filter }).filter;
      if (filter !== undefined) assertComparisonsComplete(filter);
      const matched = filter === undefined ? users : matchUsers(filter, users);
      journalRead(context, { endpoint: 'Users', filter: filter === undefined ? null : describeFilter(filter), results: matched.length });
      return matched as never;
    })
      .ingress(() => {
        throw new SCIMMY.Types.Error(405, null as never, 'Ce service SCIM est en lecture seule.');
      })
      .degress(() => {
        throw new SCIMMY.Types.Error(405, null as never, 'Ce service SCIM est en lecture seule.');
      }),
  );
  declared = true;
}

/** One journal entry per request that returned people: who asked (the provider) and what. */
function journalRead({ db, clock }: ProviderContext, after: Record<string, unknown>): void {
  appendJournalEntry(db, clock, {
    actor: { agentId: null, agentName: scimProviderDesk, desk: scimProviderDesk },
    action: 'personal-data.read',
    ...(typeof after.identityId === 'string' ? { subject: { type: 'identity', id: after.identityId } } : {}),
    after: { method: 'scim', ...after },
  });
}

/** scimmy lets a comparison without its value through (`userName eq`): refused here, as RFC 7644 §3.4.2.2 requires. */
function assertComparisonsComplete(filter: SCIMMY.Types.Filter): void {
  const check = (expression: Record<string, unknown>): void => {
    for (const condition of Object.values(expression)) {
      if (!Array.isArray(condition)) {
        if (typeof condition === 'object' && condition !== null) check(condition as Record<string, unknown>);
        continue;
      }
      const conditions = (condition.every(Array.isArray) ? condition : [condition]) as unknown[][];
      for (const one of conditions) {
        const [operator, value] = (one[0] === 'not' ? one.slice(1) : one) as [string, unknown];
        if (operator !== 'pr' && operator !== 'np' && value === undefined) throw new SCIMMY.Types.Error(400, 'invalidFilter', `Valeur manquante après « ${operator} » dans le filtre.`);
      }
    }
  };
  for (const branch of filter) check(branch as Record<string, unknown>);
}

function describeFilter(filter: SCIMMY.Types.Filter): string {
  return JSON.stringify([...filter]).slice(0, 500);
}

/**
 * SCIMMY's own matcher, run on a view of each User where the extension's attributes also stand at
 * the top (`identificationMeans.value eq "…"` unqualified, as IAMs write it) and under their URN.
 */
function matchUsers(filter: SCIMMY.Types.Filter, users: readonly DeskScimUser[]): DeskScimUser[] {
  const views = users.map((user) => {
    const extension = user[GUICHET_USER_EXTENSION] as Record<string, unknown>;
    const lifted = Object.fromEntries(Object.entries(extension).map(([name, value]) => [`${GUICHET_USER_EXTENSION}:${name}`, value]));
    return { ...extension, ...lifted, ...user, userName: user.userName };
  });
  const kept = new Set(filter.match(views).map((view) => view.id));
  return users.filter((user) => kept.has(user.id));
}

/** Only reads: any other method is refused before SCIMMY sees it (RFC 7644 §3.12 error body). */
function refuseWrites(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' || request.method === 'HEAD') {
    next();
    return;
  }
  // The body is not read: the connection is closed after the answer, not left half-read for the next request.
  request.resume();
  response
    .status(405)
    .set({ Allow: 'GET, HEAD', 'Content-Type': 'application/scim+json', Connection: 'close' })
    .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '405', detail: 'Ce service SCIM du guichet est en lecture seule (GET uniquement).' });
}

/**
 * RFC 7644 §3.4.2.4: a `count` above what the provider serves is lowered to it, a negative one is
 * 0, and a `startIndex` below 1 is 1. Garbage is a 400 `invalidValue`, not a crash.
 */
function clampPaging(request: Request, _response: Response, next: NextFunction): void {
  const query = request.query as Record<string, unknown>;
  for (const name of ['count', 'startIndex'] as const) {
    const raw = query[name];
    if (raw === undefined) continue;
    const value = typeof raw === 'string' && /^-?\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) {
      next(scimError(400, `${name} doit être un nombre entier`, 'invalidValue'));
      return;
    }
    query[name] = String(name === 'count' ? Math.min(scimProviderMaxCount, Math.max(0, value)) : Math.max(1, value));
  }
  if (query.count === undefined && /\/Users\/?$/.test(request.path)) query.count = String(scimProviderMaxCount);
  next();
}

/**
 * The desk as a read-only SCIM 2.0 service provider (RFC 7643/7644) for IAMs and SSO gateways that
 * pull: `/scim/v2/Users` (filter, paging, `meta.version` as ETag with `If-None-Match`), `/Schemas`,
 * `/ResourceTypes`, `/ServiceProviderConfig`. Built on scimmy and scimmy-routers; off unless
 * started (`npm start -- --scim-provider PORT`). Loopback unless `host` says otherwise; a bearer
 * token on every request; every read journaled.
 */
export async function startScimProvider({ db, clock, token, port = 0, host = '127.0.0.1', deskName }: ScimProviderOptions): Promise<ScimProvider> {
  if (token.length < 16) throw new Error('Le jeton du fournisseur SCIM doit compter au moins 16 caractères.');
  declareUserResource();
  const context: ProviderContext = { db, clock, deskName };
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  let base = '';
  app.use('/scim/v2', refuseWrites, clampPaging);
  // The ETag of one User: a client that has this version gets 304, without a journal entry (nothing was shown).
  app.get('/scim/v2/Users/:id', (request, response, next) => {
    if (!isAuthorized(request.header('authorization'), token)) {
      next();
      return;
    }
    const [user] = readScimUsers(db, { desk: deskName, only: request.params.id });
    if (user === undefined) {
      next();
      return;
    }
    response.set('ETag', user.meta.version);
    if (request.header('if-none-match') === user.meta.version) {
      response.status(304).end();
      return;
    }
    next();
  });
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      docUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
      handler: (request: Request) => {
        if (!isAuthorized(request.header('authorization'), token)) throw new Error('Jeton porteur absent ou refusé.');
        return scimProviderDesk;
      },
      context: () => context,
      baseUri: () => base.replace(/\/scim\/v2$/, ''),
    }) as unknown as express.Router,
  );
  // What SCIMMYRouters announces by default (patch, bulk) is not offered here: the desk only reads.
  SCIMMY.Config.set({ patch: false, bulk: false, sort: false, filter: true, etag: true, changePassword: false });
  app.use((error: ScimError, _request: Request, response: Response, _next: NextFunction) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    response
      .status(status)
      .set('Content-Type', 'application/scim+json')
      .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...(error.scimType === undefined ? {} : { scimType: error.scimType }), detail: status === 500 ? 'Erreur interne du fournisseur SCIM.' : error.message });
  });
  const server: Server = createServer({ maxHeaderSize: 16 * 1024 }, app);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/scim/v2`;
  return {
    url: base,
    port: actualPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
  return match !== null && isSameSecret(match[1]!, token);
}
