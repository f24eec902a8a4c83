import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { mapSourceFields } from './mapSourceFields';

/** A directory entry from LDIF or live LDAP; attribute names are lower-cased (LDAP ignores case). */
export interface DirectoryEntry {
  dn: string;
  values: Map<string, string[]>;
}

type DirectorySourceConfig = Extract<SourceConfig, { kind: 'ldif' | 'ldap' }>;

export type MapEntryResult = { ok: true; key: string; raw: Record<string, unknown>; attributes: CanonicalAttributes } | { ok: false; reason: string };

/**
 * Maps an LDIF/LDAP entry through the configured fields. Without an explicit `enabled` mapping,
 * Active Directory's `userAccountControl` gives it (disabled accounts stay visible as such).
 */
export function mapEntryAttributes(entry: DirectoryEntry, source: DirectorySourceConfig): MapEntryResult {
  const fields = source.fields.enabled === undefined && entry.values.has('useraccountcontrol') ? { ...source.fields, enabled: 'userAccountControl' } : source.fields;
  const mapped = mapSourceFields((name) => entry.values.get(name.toLowerCase())?.[0], { key: source.key, fields });
  if (!mapped.ok) return { ok: false, reason: `${entry.dn === '' ? 'entry' : entry.dn}: ${mapped.reason}` };
  const raw: Record<string, unknown> = { dn: entry.dn };
  for (const [name, values] of entry.values) raw[name] = values.length === 1 ? values[0] : values;
  return { ok: true, key: mapped.key, raw, attributes: mapped.attributes };
}
