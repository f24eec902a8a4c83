import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import type { ImportRejection, ImportWarning } from '../../shared/directory/importProblems';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import { mapSourceFields } from './mapSourceFields';

/** A directory entry from LDIF or live LDAP; attribute names are lower-cased (LDAP ignores case). */
export interface DirectoryEntry {
  dn: string;
  values: Map<string, string[]>;
}

type DirectorySourceConfig = Extract<SourceConfig, { kind: 'ldif' | 'ldap' }>;

export type MapEntryResult =
  | { ok: true; key: string; raw: Record<string, unknown>; attributes: CanonicalAttributes; warnings: ImportWarning[] }
  | { ok: false; rejection: ImportRejection };

/** Active Directory attributes read without a mapping: the account state and the last sign-in. */
function withDirectoryDefaults(entry: DirectoryEntry, fields: DirectorySourceConfig['fields']): DirectorySourceConfig['fields'] {
  const defaults: DirectorySourceConfig['fields'] = {};
  if (fields.enabled === undefined && entry.values.has('useraccountcontrol')) defaults.enabled = 'userAccountControl';
  if (fields.lastLogin === undefined) {
    // lastLogonTimestamp is replicated between domain controllers; lastLogon is per controller.
    const login = ['lastLogonTimestamp', 'lastLogon'].find((name) => entry.values.has(name.toLowerCase()));
    if (login !== undefined) defaults.lastLogin = login;
  }
  return Object.keys(defaults).length === 0 ? fields : { ...fields, ...defaults };
}

/**
 * Maps an LDIF/LDAP entry through the configured fields (`dn` names the entry's DN). Without
 * explicit mappings, Active Directory's `userAccountControl` gives `enabled` (disabled accounts
 * stay visible as such) and `lastLogonTimestamp` (else `lastLogon`) gives `lastLogin`.
 */
export function mapEntryAttributes(entry: DirectoryEntry, source: DirectorySourceConfig, line: number, knownNames?: KnownNames): MapEntryResult {
  const read = (name: string): string | undefined => (name.toLowerCase() === 'dn' ? entry.dn : entry.values.get(name.toLowerCase())?.[0]);
  const mapped = mapSourceFields(read, { key: source.key, fields: withDirectoryDefaults(entry, source.fields), dateFormat: source.dateFormat, ...(knownNames === undefined ? {} : { knownNames }) }, line);
  if (!mapped.ok) return mapped;
  const raw: Record<string, unknown> = { dn: entry.dn };
  for (const [name, values] of entry.values) raw[name] = values.length === 1 ? values[0] : values;
  return { ok: true, key: mapped.key, raw, attributes: mapped.attributes, warnings: mapped.warnings };
}
