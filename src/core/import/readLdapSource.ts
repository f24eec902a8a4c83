import { Client } from 'ldapts';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ParsedBatch, SourceReader } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { mapEntryAttributes } from './mapEntryAttributes';
import { specOf } from './mapSourceFields';
import type { KnownNames } from '../../shared/directory/splitFullName';

type LdapSourceConfig = Extract<SourceConfig, { kind: 'ldap' }>;

function toStrings(value: Buffer | Buffer[] | string[] | string): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

/**
 * Reads a live directory (Active Directory, OpenLDAP) with a paged search (RFC 2696), page by
 * page, so a directory larger than the server's size limit is read whole. The bind password comes
 * from the environment variable named in the configuration, never from the file. Rows are numbered
 * by their position in the result (there are no file lines).
 */
export async function readLdapSource(source: LdapSourceConfig, env: NodeJS.ProcessEnv, { knownNames }: { knownNames?: KnownNames } = {}): Promise<SourceReader> {
  const password = env[source.passwordEnv];
  if (password === undefined || password === '') {
    throw new SourceUnreadableError(`expected the bind password of "${source.id}" in the environment variable ${source.passwordEnv}, which is not set`);
  }
  return { totalBytes: null, foldsDuplicates: false, batches: () => searchPages(source, password, knownNames) };
}

async function* searchPages(source: LdapSourceConfig, password: string, knownNames: KnownNames | undefined): AsyncGenerator<ParsedBatch> {
  const client = new Client({ url: source.url, timeout: source.timeoutMs, connectTimeout: source.timeoutMs });
  let rowsRead = 0;
  try {
    await client.bind(source.bindDN, password);
    const mapped = Object.values(source.fields).map((field) => specOf(field).column).filter((name) => name.toLowerCase() !== 'dn');
    const attributes = [...new Set([source.key, ...mapped, 'userAccountControl', 'lastLogonTimestamp', 'lastLogon'])];
    const pages = client.searchPaginated(source.base, { scope: source.scope, filter: source.filter, attributes, paged: { pageSize: source.pageSize } });
    for await (const page of pages) {
      const batch: ParsedBatch = { records: [], rejected: [], warnings: [], rowsRead, bytesRead: 0 };
      for (const found of page.searchEntries) {
        rowsRead += 1;
        const values = new Map<string, string[]>();
        for (const [name, value] of Object.entries(found)) if (name !== 'dn') values.set(name.toLowerCase(), toStrings(value));
        const entry = mapEntryAttributes({ dn: found.dn, values }, source, rowsRead, knownNames);
        if (entry.ok) {
          batch.records.push({ line: rowsRead, key: entry.key, raw: entry.raw, attributes: entry.attributes });
          batch.warnings.push(...entry.warnings);
        } else {
          batch.rejected.push(entry.rejection);
        }
      }
      batch.rowsRead = rowsRead;
      yield batch;
    }
  } catch (error) {
    // ldapts errors carry their meaning in the class name (InvalidCredentialsError…), not the message.
    const { name, message } = error as Error;
    throw new SourceUnreadableError(`LDAP search of "${source.id}" at ${source.url} failed: ${name} ${message.trim()}`);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
