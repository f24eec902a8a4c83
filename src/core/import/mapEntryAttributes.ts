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

type DirectorySourceConfig = Extract<SourceConfig, { kind: 'ldif' | 'ldap' | 'scim' }>;

export type MapEntryResult =
  | { ok: true; key: string; raw: Record<string, unknown>; attributes: CanonicalAttributes; warnings: ImportWarning[] }
  | { ok: false; rejection: ImportRejection };

type DirectoryFields = DirectorySourceConfig['fields'];
/** The fields with their defaults, per source and per set of defaults (a few variants, not one object per entry). */
const withDefaultsCache = new WeakMap<DirectoryFields, Map<string, DirectoryFields>>();

/** Active Directory attributes read without a mapping: the account state and the last sign-in. */
function withDirectoryDefaults(entry: DirectoryEntry, fields: DirectoryFields): DirectoryFields {
  const enabled = fields.enabled === undefined && entry.values.has('useraccountcontrol') ? 'userAccountControl' : undefined;
  // lastLogonTimestamp is replicated between domain controllers; lastLogon is per controller.
  const lastLogin = fields.lastLogin === undefined ? ['lastLogonTimestamp', 'lastLogon'].find((name) => entry.values.has(name.toLowerCase())) : undefined;
  if (enabled === undefined && lastLogin === undefined) return fields;
  const variants = withDefaultsCache.get(fields) ?? new Map<string, DirectoryFields>();
  withDefaultsCache.set(fields, variants);
  const variantKey = `${enabled ?? ''}|${lastLogin ?? ''}`;
  let variant = variants.get(variantKey);
  if (variant === undefined) {
    variant = { ...fields, ...(enabled === undefined ? {} : { enabled }), ...(lastLogin === undefined ? {} : { lastLogin }) };
    variants.set(variantKey, variant);
  }
  return variant;
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
