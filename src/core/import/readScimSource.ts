import { GUICHET_USER_EXTENSION, SCIM_CORE_USER } from '../../shared/scim/guichetUserExtension';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { mapEntryAttributes } from './mapEntryAttributes';

type ScimSourceConfig = Extract<SourceConfig, { kind: 'scim' }>;
type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A SCIM User flattened to attribute paths, lower-cased like LDAP names: `username`,
 * `name.familyname`, `emails` (every value), and the Guichet extension's attributes by their short
 * name (`rpps`, `hrid`, `identificationmeans.value`…), so sources.json maps them like any column.
 */
export function flattenScimUser(user: Record<string, unknown>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const add = (path: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) add(path, item);
      return;
    }
    if (typeof value === 'object') {
      for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
        const lower = name.toLowerCase();
        // Multi-valued complex attributes (emails, means): the values themselves, then each sub-attribute.
        if (lower === 'value' && path !== '') add(path, inner);
        add(path === '' ? lower : `${path}.${lower}`, inner);
      }
      return;
    }
    const list = values.get(path) ?? [];
    list.push(String(value));
    values.set(path, list);
  };
  for (const [name, value] of Object.entries(user)) {
    if (name === 'schemas') continue;
    if (name === GUICHET_USER_EXTENSION || name.toLowerCase() === SCIM_CORE_USER.toLowerCase()) add('', value);
    else add(name.toLowerCase(), value);
  }
  return values;
}

/**
 * Pulls the Users of the hospital's IAM (SCIM 2.0, RFC 7644 §3.4.2) page by page. Positions may
 * shift while the pull runs (`totalResults` can change between pages), so a User is kept once, by
 * its `id`, and the pull stops on an empty page. The bearer token comes from the environment
 * variable the configuration names, never from the file.
 *
 * With `since` (the watermark of the last pull) and an IAM whose `/ServiceProviderConfig` says it
 * filters, only the Users changed since (less `deltaOverlapMs`) are asked for (`meta.lastModified gt`, RFC 7644 §3.4.2.2):
 * a delta pull. Otherwise every User: a full pull. Either way the reader tells which, and the latest
 * `meta.lastModified` it saw (where the next delta starts).
 */
export async function readScimSource(
  source: ScimSourceConfig,
  env: NodeJS.ProcessEnv,
  { knownNames, fetch = globalThis.fetch, since = null }: { knownNames?: KnownNames; fetch?: Fetch; since?: string | null } = {},
): Promise<SourceReader> {
  const token = env[source.tokenEnv];
  if (token === undefined || token === '') {
    throw new SourceUnreadableError(`le jeton de l’IAM pour « ${source.id} » est attendu dans la variable d’environnement ${source.tokenEnv}, qui n’est pas définie`);
  }
  const base = source.url.replace(/\/+$/, '');
  const delta = since !== null && Number.isFinite(Date.parse(since)) && (await filtersUsers(base, token, fetch, source));
  let latest: number | null = delta ? Date.parse(since) : null;
  const seeChange = (user: Record<string, unknown>): void => {
    const modified = (user.meta as { lastModified?: unknown } | undefined)?.lastModified;
    const time = typeof modified === 'string' ? Date.parse(modified) : Number.NaN;
    if (Number.isFinite(time) && (latest === null || time > latest)) latest = time;
  };
  // A little before the watermark: a User written just before it but committed after the last pull
  // read is caught; reading a User again changes nothing.
  const changedSince = delta ? `meta.lastModified gt "${new Date(Date.parse(since) - deltaOverlapMs).toISOString()}"` : null;
  const filter = [source.filter, changedSince].filter((part) => part !== undefined && part !== null);
  return {
    totalBytes: null,
    foldsDuplicates: false,
    batches: () => pullPages(source, base, token, fetch, knownNames, filter.length === 0 ? undefined : filter.length === 1 ? filter[0] : filter.map((part) => `(${part})`).join(' and '), seeChange),
    pull: { mode: delta ? 'delta' : 'full', since: delta ? since : null, watermark: () => (latest === null ? null : new Date(latest).toISOString()) },
  };
}

/** How far before the watermark a delta pull starts. */
export const deltaOverlapMs = 5 * 60 * 1000;

/**
 * Whether the IAM says it filters (`filter.supported`). An IAM that does not say (no such endpoint,
 * not JSON) gets full pulls; an IAM that cannot be reached or refuses the token is refused as a pull would be.
 */
async function filtersUsers(base: string, token: string, fetch: Fetch, source: ScimSourceConfig): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${base}/ServiceProviderConfig`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json, application/json' }, signal: AbortSignal.timeout(source.timeoutMs) });
  } catch (error) {
    const { name, message } = error as Error;
    throw new SourceUnreadableError(`l’IAM ${base} est injoignable pour « ${source.id} » : ${name} ${message}`);
  }
  if (response.status === 401 || response.status === 403) throw new SourceUnreadableError(`l’IAM ${base} refuse le jeton de « ${source.id} » (HTTP ${response.status}) : vérifiez ${source.tokenEnv}`);
  if (!response.ok) return false;
  try {
    const config = (await response.json()) as { filter?: { supported?: unknown } } | null;
    return config?.filter?.supported === true;
  } catch {
    return false;
  }
}

async function* pullPages(
  source: ScimSourceConfig,
  base: string,
  token: string,
  fetch: Fetch,
  knownNames: KnownNames | undefined,
  filter: string | undefined,
  seeChange: (user: Record<string, unknown>) => void,
): AsyncGenerator<ParsedBatch> {
  const seen = new Set<string>();
  let rowsRead = 0;
  for (let startIndex = 1; ; ) {
    const query = new URLSearchParams({ startIndex: String(startIndex), count: String(source.pageSize), ...(filter === undefined ? {} : { filter }) });
    let body: { Resources?: Record<string, unknown>[]; totalResults?: number };
    try {
      const response = await fetch(`${base}/Users?${query}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json, application/json' }, signal: AbortSignal.timeout(source.timeoutMs) });
      if (response.status === 401 || response.status === 403) throw new SourceUnreadableError(`l’IAM ${base} refuse le jeton de « ${source.id} » (HTTP ${response.status}) : vérifiez ${source.tokenEnv}`);
      if (!response.ok) throw new SourceUnreadableError(`l’IAM ${base} a répondu HTTP ${response.status} à la lecture des utilisateurs de « ${source.id} »`);
      body = (await response.json()) as typeof body;
    } catch (error) {
      if (error instanceof SourceUnreadableError) throw error;
      const { name, message } = error as Error;
      throw new SourceUnreadableError(
        name === 'SyntaxError' ? `l’IAM ${base} a renvoyé une réponse qui n’est pas du JSON pour « ${source.id} »` : `l’IAM ${base} est injoignable pour « ${source.id} » : ${name} ${message}`,
      );
    }
    const page = Array.isArray(body.Resources) ? body.Resources : [];
    if (page.length === 0) return;
    const batch: ParsedBatch = { records: [], rejected: [], warnings: [], rowsRead, bytesRead: 0 };
    for (const user of page) {
      seeChange(user);
      const id = typeof user.id === 'string' ? user.id : null;
      if (id !== null && seen.has(id)) continue;
      if (id !== null) seen.add(id);
      rowsRead += 1;
      const entry = mapEntryAttributes({ dn: id ?? '', values: flattenScimUser(user) }, source, rowsRead, knownNames);
      if (entry.ok) {
        batch.records.push({ line: rowsRead, key: entry.key, raw: entry.raw, attributes: entry.attributes });
        batch.warnings.push(...entry.warnings);
      } else batch.rejected.push(entry.rejection);
    }
    batch.rowsRead = rowsRead;
    yield batch;
    startIndex += page.length;
    if (typeof body.totalResults === 'number' && startIndex > body.totalResults) return;
  }
}
