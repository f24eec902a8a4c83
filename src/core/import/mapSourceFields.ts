import type { CanonicalAttributeName, CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { isValidRpps } from '../../shared/identifiers/rpps';
import type { SourceDateFormat } from '../sources/parseSourcesConfig';

export interface FieldMapping {
  key: string;
  fields: Partial<Record<CanonicalAttributeName, string>>;
  dateFormat?: SourceDateFormat;
}

export type MapSourceFieldsResult = { ok: true; key: string; attributes: CanonicalAttributes } | { ok: false; reason: string };

const dateAttributes = new Set<CanonicalAttributeName>(['birthDate', 'startDate', 'endDate']);
const datePatterns: Record<SourceDateFormat, { pattern: RegExp; order: [number, number, number] }> = {
  'DD/MM/YYYY': { pattern: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: [3, 2, 1] },
  'DD-MM-YYYY': { pattern: /^(\d{2})-(\d{2})-(\d{4})$/, order: [3, 2, 1] },
  'DD.MM.YYYY': { pattern: /^(\d{2})\.(\d{2})\.(\d{4})$/, order: [3, 2, 1] },
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};
const sexes: Record<string, 'M' | 'F'> = { M: 'M', H: 'M', '1': 'M', HOMME: 'M', MASCULIN: 'M', MR: 'M', F: 'F', '2': 'F', FEMME: 'F', FEMININ: 'F', 'FÉMININ': 'F', MME: 'F' };
const booleans: Record<string, boolean> = { TRUE: true, VRAI: true, OUI: true, YES: true, O: true, Y: true, '1': true, FALSE: false, FAUX: false, NON: false, NO: false, N: false, '0': false };
/** Active Directory's ACCOUNTDISABLE bit of `userAccountControl`. */
const accountDisabledBit = 0x2;

/** Turns a date in the source's layout into ISO 8601, or null when it is not a real date. */
function toIsoDate(value: string, format: SourceDateFormat): string | null {
  const { pattern, order } = datePatterns[format];
  const match = pattern.exec(value);
  if (match === null) return null;
  const [year, month, day] = order.map((group) => Number(match[group]));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null;
  return `${match[order[0]]}-${match[order[1]]}-${match[order[2]]}`;
}

/** `userAccountControl` carries the disabled flag; any other column holds a yes/no value. */
function readEnabled(name: string, value: string): boolean | undefined {
  if (/^userAccountControl$/i.test(name)) return /^\d+$/.test(value) ? (Number(value) & accountDisabledBit) === 0 : undefined;
  return booleans[value.toUpperCase()];
}

/** "DUPONT Jean" / "Jean DUPONT": upper-case words are the last name; otherwise the last word is. */
function splitFullName(fullName: string): { lastName: string; firstName: string } | null {
  const words = fullName.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length < 2) return null;
  const upper = words.filter((word) => /\p{L}/u.test(word) && word === word.toUpperCase());
  if (upper.length > 0 && upper.length < words.length) {
    return { lastName: upper.join(' '), firstName: words.filter((word) => !upper.includes(word)).join(' ') };
  }
  return { lastName: words.at(-1)!, firstName: words.slice(0, -1).join(' ') };
}

/**
 * Maps one record of a CSV/LDIF/LDAP source to canonical attributes following the configured
 * `fields`. Refuses the record (with the reason) when the key is missing or a value is malformed:
 * a date not in the configured layout, an RPPS without a valid Luhn key, an unknown sex code.
 */
export function mapSourceFields(read: (name: string) => string | undefined, { key, fields, dateFormat = 'YYYY-MM-DD' }: FieldMapping): MapSourceFieldsResult {
  const recordKey = read(key)?.trim() ?? '';
  if (recordKey === '') return { ok: false, reason: `missing key: expected a value in "${key}"` };
  const attributes: CanonicalAttributes = {};
  for (const [attribute, name] of Object.entries(fields) as [CanonicalAttributeName, string][]) {
    const value = read(name)?.trim() ?? '';
    if (value === '') continue;
    if (attribute === 'enabled') {
      const flag = readEnabled(name, value);
      if (flag === undefined) return { ok: false, reason: `${name} "${value}": expected a yes/no value` };
      attributes.enabled = flag;
    } else if (dateAttributes.has(attribute)) {
      const iso = toIsoDate(value, dateFormat);
      if (iso === null) return { ok: false, reason: `${name} "${value}": expected a date as ${dateFormat}` };
      attributes[attribute as 'birthDate'] = iso;
    } else if (attribute === 'rpps') {
      if (!isValidRpps(value)) return { ok: false, reason: `${name} "${value}": expected an 11-digit RPPS with a valid Luhn key` };
      attributes.rpps = value;
    } else if (attribute === 'sex') {
      const sex = sexes[value.toUpperCase()];
      if (sex === undefined) return { ok: false, reason: `${name} "${value}": expected a sex such as M or F` };
      attributes.sex = sex;
    } else {
      attributes[attribute] = value;
    }
  }
  if (attributes.fullName !== undefined && attributes.lastName === undefined && attributes.firstName === undefined) {
    const names = splitFullName(attributes.fullName);
    if (names !== null) Object.assign(attributes, names);
  }
  return { ok: true, key: recordKey, attributes };
}
