import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { SourceReader } from './importTypes';
import { readCsvSource } from './readCsvSource';
import { readLdapSource } from './readLdapSource';
import { readLdifSource } from './readLdifSource';
import { readRppsExtract } from './readRppsExtract';
import { readScimSource } from './readScimSource';

/**
 * The reader for a configured source, by kind; `knownNames` help split full names (`nameOrder: "auto"`);
 * `since`, the watermark of a live source's last pull, lets it pull only what changed.
 */
export function openSourceReader(source: SourceConfig, env: NodeJS.ProcessEnv, { knownNames, since = null }: { knownNames?: KnownNames; since?: string | null } = {}): Promise<SourceReader> {
  const names = knownNames === undefined ? {} : { knownNames };
  switch (source.kind) {
    case 'rpps-extract':
      return readRppsExtract(source.path, { encoding: source.encoding });
    case 'csv':
      return readCsvSource(source, names);
    case 'ldif':
      return readLdifSource(source, names);
    case 'ldap':
      return readLdapSource(source, env, names);
    case 'scim':
      return readScimSource(source, env, { ...names, since });
  }
}
