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
 */
export async function readScimSource(source: ScimSourceConfig, env: NodeJS.ProcessEnv, { knownNames, fetch = globalThis.fetch }: { knownNames?: KnownNames; fetch?: Fetch } = {}): Promise<SourceReader> {
  const token = env[source.tokenEnv];
  if (token === undefined || token === '') {
    throw new SourceUnreadableError(`le jeton de l’IAM pour « ${source.id} » est attendu dans la variable d’environnement ${source.tokenEnv}, qui n’est pas définie`);
  }
  return { totalBytes: null, foldsDuplicates: false, batches: () => pullPages(source, token, fetch, knownNames) };
}

async function* pullPages(source: ScimSourceConfig, token: string, fetch: Fetch, knownNames: KnownNames | undefined): AsyncGenerator<ParsedBatch> {
  const base = source.url.replace(/\/+$/, '');
  const seen = new Set<string>();
  let rowsRead = 0;
  for (let startIndex = 1; ; ) {
    const query = new URLSearchParams({ startIndex: String(startIndex), count: String(source.pageSize), ...(source.filter === undefined ? {} : { filter: source.filter }) });
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
