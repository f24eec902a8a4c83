import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { SourceReader } from './importTypes';
import { readCsvSource } from './readCsvSource';
import { readLdapSource } from './readLdapSource';
import { readLdifSource } from './readLdifSource';
import { readRppsExtract } from './readRppsExtract';

/** The reader for a configured source, by kind. */
export function openSourceReader(source: SourceConfig, env: NodeJS.ProcessEnv): Promise<SourceReader> {
  switch (source.kind) {
    case 'rpps-extract':
      return readRppsExtract(source.path);
    case 'csv':
      return readCsvSource(source);
    case 'ldif':
      return readLdifSource(source);
    case 'ldap':
      return readLdapSource(source, env);
  }
}
