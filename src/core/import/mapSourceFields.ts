import type { CanonicalAttributeName, CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import type { ImportRejection, ImportWarning } from '../../shared/directory/importProblems';
import { splitFullName, type KnownNames } from '../../shared/directory/splitFullName';
import { readRpps } from '../../shared/identifiers/rpps';
import type { FieldSpec, SourceDateFormat } from '../sources/parseSourcesConfig';

export interface FieldMapping {
  key: string;
  fields: Partial<Record<CanonicalAttributeName, string | FieldSpec>>;
  dateFormat?: SourceDateFormat;
  /** The other sources' names, for `nameOrder: "auto"`. */
  knownNames?: KnownNames;
}

export type MapSourceFieldsResult =
  | { ok: true; key: string; attributes: CanonicalAttributes; warnings: ImportWarning[] }
  | { ok: false; rejection: ImportRejection };

/** The birth date HR software fills in when it is unknown. */
const placeholderBirthDate = '1900-01-01';
const dateAttributes = new Set<CanonicalAttributeName>(['birthDate', 'startDate', 'endDate']);
const datePatterns: Record<SourceDateFormat, { pattern: RegExp; order: [number, number, number] }> = {
  'DD/MM/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'DD-MM-YYYY': { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: [3, 2, 1] },
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};
const sexes: Record<string, 'M' | 'F'> = {
  M: 'M', H: 'M', '1': 'M', HOMME: 'M', MASCULIN: 'M', MASC: 'M', MR: 'M', 'MR.': 'M', 'M.': 'M', MONSIEUR: 'M',
  F: 'F', '2': 'F', FEMME: 'F', FEMININ: 'F', 'FÉMININ': 'F', FEM: 'F', 'FÉM': 'F', MME: 'F', 'MME.': 'F', MADAME: 'F', MLLE: 'F', 'MLLE.': 'F', MADEMOISELLE: 'F',
};
const booleans: Record<string, boolean> = { TRUE: true, VRAI: true, OUI: true, YES: true, O: true, Y: true, '1': true, FALSE: false, FAUX: false, NON: false, NO: false, N: false, '0': false };
/** Active Directory's ACCOUNTDISABLE bit of `userAccountControl`. */
const accountDisabledBit = 0x2;
/** Windows FILETIME: 100 ns ticks since 1601-01-01; 0 and the largest value mean "never". */
const filetimeTicksPerMs = 10_000n;
const filetimeEpochOffsetMs = 11_644_473_600_000n;
const filetimeNever = 0x7fffffffffffffffn;
const timeSuffix = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

type DateReading = { iso: string } | { problem: 'unparseable-date' | 'impossible-date' };

/** Turns a date in the source's layout into ISO 8601, telling an unparseable value from an impossible date. */
function readDate(value: string, format: SourceDateFormat): DateReading {
  const { pattern, order } = datePatterns[format];
  const match = pattern.exec(value);
  if (match === null) return { problem: 'unparseable-date' };
  const [year, month, day] = order.map((group) => Number(match[group])) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || year > 2200 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { problem: 'impossible-date' };
  return { iso: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** A last sign-in: an AD FILETIME, or a date (a time after it is ignored) in the field's layout. */
function readLastLogin(value: string, format: SourceDateFormat): string | null | undefined {
  if (/^\d{15,19}$/.test(value)) {
    const ticks = BigInt(value);
    if (ticks === 0n || ticks >= filetimeNever) return null;
    return new Date(Number(ticks / filetimeTicksPerMs - filetimeEpochOffsetMs)).toISOString().slice(0, 10);
  }
  if (value === '0') return null;
  // A compact timestamp (DICOM `20261130074213`, LDAP generalized time `20261130074213.0Z`) reads as its date.
  const compact = /^(\d{8})\d{4}(\d{2}(\.\d+)?)?(Z|[+-]\d{4})?$/.exec(value);
  if (compact !== null) {
    const day = readDate(compact[1]!, 'YYYYMMDD');
    return 'iso' in day ? day.iso : undefined;
  }
  const reading = readDate(value.replace(timeSuffix, ''), format);
  if ('iso' in reading) return reading.iso;
  const iso = readDate(value.slice(0, 10), 'YYYY-MM-DD');
  return 'iso' in iso && /^\d{4}-\d{2}-\d{2}([ T]|$)/.test(value) ? iso.iso : undefined;
}

/** `userAccountControl` carries the disabled flag; any other column holds a yes/no value. */
function readEnabled(column: string, value: string): boolean | undefined {
  if (/^userAccountControl$/i.test(column)) return /^\d+$/.test(value) ? (Number(value) & accountDisabledBit) === 0 : undefined;
  return booleans[value.toUpperCase()];
}

/** A declared map's value for `value` (exactly, else ignoring case and surrounding spaces). */
function mapValue(map: Record<string, string>, value: string): string | undefined {
  if (Object.hasOwn(map, value)) return map[value];
  const folded = value.toUpperCase();
  for (const [from, to] of Object.entries(map)) if (from.trim().toUpperCase() === folded) return to;
  return undefined;
}

/** A field as a `FieldSpec`, whether configured as a bare column name or as an object. */
export const specOf = (field: string | FieldSpec): FieldSpec => (typeof field === 'string' ? { column: field } : field);

/** The fields of a source as specs, computed once per configuration rather than once per row. */
const specsByFields = new WeakMap<FieldMapping['fields'], [CanonicalAttributeName, FieldSpec][]>();
function specsOf(fields: FieldMapping['fields']): [CanonicalAttributeName, FieldSpec][] {
  let specs = specsByFields.get(fields);
  if (specs === undefined) {
    specs = (Object.entries(fields) as [CanonicalAttributeName, string | FieldSpec][]).map(([attribute, field]) => [attribute, specOf(field)]);
    specsByFields.set(fields, specs);
  }
  return specs;
}

/**
 * Maps one record of a CSV/LDIF/LDAP source to canonical attributes following the configured
 * `fields` (a column name, or a `FieldSpec` with `normalize`, `map`, `nameOrder`, `dateFormat`).
 * Only a missing key refuses the record; a value that is not valid (an RPPS without its Luhn key,
 * an unparseable or impossible date, an unknown code, a malformed FINESS) is dropped from it with a
 * warning naming the field, so the person is kept. A `fullName` is split into last and first name
 * (unless those are mapped), its civility giving the sex when no column does.
 */
export function mapSourceFields(read: (name: string) => string | undefined, { key, fields, dateFormat = 'YYYY-MM-DD', knownNames }: FieldMapping, line: number): MapSourceFieldsResult {
  const recordKey = read(key)?.trim() ?? '';
  if (recordKey === '') return { ok: false, rejection: { line, reason: 'missing-key', field: key } };
  if (recordKey.includes('\uFFFD')) return { ok: false, rejection: { line, reason: 'undecodable-bytes', field: key } };
  const attributes: CanonicalAttributes = {};
  const warnings: ImportWarning[] = [];
  const warn = (reason: ImportWarning['reason'], field: string, value: string, detail?: string): void => {
    warnings.push(detail === undefined ? { line, reason, field, value } : { line, reason, field, value, detail });
  };
  for (const [attribute, spec] of specsOf(fields)) {
    const column = spec.column;
    const readValue = read(column)?.trim() ?? '';
    if (readValue === '') continue;
    if (readValue.includes('\uFFFD')) {
      warn('undecodable-bytes', column, readValue);
      continue;
    }
    let value = spec.normalize === 'strip-leading-zeros' ? readValue.replace(/^0+(?=.)/, '') : readValue;
    if (spec.map !== undefined) {
      const mapped = mapValue(spec.map, value);
      if (mapped !== undefined) value = mapped;
      else if (attribute !== 'sex' && attribute !== 'enabled') {
        warn('unknown-code', column, value);
        continue;
      }
      if (value === '') continue;
    }
    const format = spec.dateFormat ?? dateFormat;
    if (attribute === 'enabled') {
      const flag = readEnabled(column, value);
      if (flag === undefined) warn('unknown-code', column, value);
      else attributes.enabled = flag;
    } else if (dateAttributes.has(attribute)) {
      // Database and spreadsheet exports often write a date as a date-time ("1980-03-01 00:00:00"): the day is the date.
      const reading = readDate(value.replace(timeSuffix, ''), format);
      // HR software writes 01/01/1900 for an unknown birth date: two strangers would agree on it exactly.
      if ('iso' in reading && attribute === 'birthDate' && reading.iso === placeholderBirthDate) warn('placeholder-date', column, value);
      else if ('iso' in reading) attributes[attribute as 'birthDate'] = reading.iso;
      else warn(reading.problem, column, value, format);
    } else if (attribute === 'lastLogin') {
      const login = readLastLogin(value, format);
      if (login === undefined) warn('invalid-last-login', column, value, format);
      else if (login !== null) attributes.lastLogin = login;
    } else if (attribute === 'rpps') {
      const rpps = readRpps(value);
      if (rpps !== null) attributes.rpps = rpps;
      else warn('invalid-rpps', column, value);
    } else if (attribute === 'sex') {
      const sex = sexes[value.toUpperCase()];
      if (sex === undefined) warn('unknown-code', column, value);
      else attributes.sex = sex;
    } else if (attribute === 'site') {
      const finess = value.replace(/\s+/g, '').toUpperCase();
      if (/^\d[\dAB]\d{7}$/.test(finess)) attributes.site = finess;
      else warn('invalid-finess', column, value);
    } else {
      attributes[attribute] = value;
    }
  }
  if (attributes.fullName !== undefined && attributes.lastName === undefined && attributes.firstName === undefined) {
    const fullNameField = specOf(fields.fullName!);
    const names = splitFullName(attributes.fullName, fullNameField.nameOrder ?? 'auto', knownNames);
    if (names === null || names.firstName === undefined) warn('unsplit-full-name', fullNameField.column, attributes.fullName);
    if (names?.lastName !== undefined) attributes.lastName = names.lastName;
    if (names?.firstName !== undefined) attributes.firstName = names.firstName;
    if (names?.sex !== undefined) attributes.sex ??= names.sex;
  }
  return { ok: true, key: recordKey, attributes, warnings };
}
