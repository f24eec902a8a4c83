import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { canonicalAttributeNames } from '../../shared/directory/canonicalAttributes';

/** Date layouts the CSV importer understands; `YYYY-MM-DD` is ISO 8601. */
export const sourceDateFormats = ['DD/MM/YYYY', 'YYYY-MM-DD', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYYMMDD'] as const;
export type SourceDateFormat = (typeof sourceDateFormats)[number];

const sourceIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'expected a short lower-case id (letters, digits, "-" or "_"), e.g. "sirh"');

/** Encodings an export may be declared in; absent, the whole file is sniffed (valid UTF-8, else Windows-1252). */
export const sourceEncodings = ['utf-8', 'windows-1252', 'iso-8859-1', 'latin1'] as const;
export type SourceEncoding = (typeof sourceEncodings)[number];

/** How a full-name column orders its words; `auto` decides per value. */
export const nameOrders = ['last-first', 'first-last', 'auto'] as const;
export type NameOrder = (typeof nameOrders)[number];

const columnNameSchema = z.string().min(1, 'expected a column or attribute name');

/** A field read with a convention: identifier normalisation, a value map, a name order, a date layout. */
const fieldSpecSchema = z.strictObject({
  column: columnNameSchema,
  normalize: z.enum(['strip-leading-zeros'], 'expected normalize "strip-leading-zeros"').optional(),
  map: z.record(z.string(), z.string(), 'expected a map of source values to canonical values, e.g. {"1": "M", "2": "F"}').optional(),
  nameOrder: z.enum(nameOrders, 'expected nameOrder "last-first", "first-last" or "auto"').optional(),
  dateFormat: z.enum(sourceDateFormats).optional(),
});
export type FieldSpec = z.output<typeof fieldSpecSchema>;

/** canonical attribute → column (CSV) or attribute (LDIF/LDAP) of the source, as a name or a `FieldSpec`. */
const fieldsSchema = z
  .partialRecord(z.enum(canonicalAttributeNames), z.union([columnNameSchema, fieldSpecSchema]))
  .superRefine((fields, context) => {
    if (Object.keys(fields).length === 0) context.addIssue({ code: 'custom', message: 'expected at least one mapped field' });
    for (const [attribute, spec] of Object.entries(fields)) {
      if (typeof spec === 'object' && spec.nameOrder !== undefined && attribute !== 'fullName') {
        context.addIssue({ code: 'custom', path: [attribute, 'nameOrder'], message: 'expected nameOrder only on the fullName field' });
      }
    }
  }, { when: () => true });

const commonSource = {
  id: sourceIdSchema,
  label: z.string().min(1).max(100).optional(),
  /** Circuit breaker: refuse an import that would mark more than this share of records gone. */
  maxRemovalShare: z.number().min(0).max(1).default(0.1),
};

const fileSource = {
  ...commonSource,
  path: z.string().min(1, 'expected the path of the exported file'),
};

const encodingSchema = z.enum(sourceEncodings, 'expected encoding "utf-8", "windows-1252", "iso-8859-1" or "latin1"').optional();

const mappedSource = {
  role: z.enum(['hr', 'directory', 'application'], 'expected role "hr", "directory" or "application"'),
  key: z.string().min(1, 'expected the column/attribute that identifies a record'),
  fields: fieldsSchema,
  /**
   * How many records of the source one person may hold: `one` (the default: a second one is a
   * possible duplicate account, for a reviewer) or `several` (a badge system that keeps lost and
   * replaced cards, a mail system with several mailboxes per person).
   */
  recordsPerPerson: z.enum(['one', 'several'], 'expected recordsPerPerson "one" or "several"').optional(),
};

const sourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...fileSource, kind: z.literal('rpps-extract'), role: z.literal('register').default('register'), encoding: encodingSchema }),
    z.strictObject({
      ...fileSource,
      ...mappedSource,
      kind: z.literal('csv'),
      delimiter: z.string().length(1, 'expected a one-character delimiter such as ";" or ","').default(','),
      dateFormat: z.enum(sourceDateFormats).default('YYYY-MM-DD'),
      encoding: encodingSchema,
    }),
    z.strictObject({ ...fileSource, ...mappedSource, kind: z.literal('ldif'), dateFormat: z.enum(sourceDateFormats).default('YYYY-MM-DD'), encoding: encodingSchema }),
    z.strictObject({
      ...commonSource,
      ...mappedSource,
      kind: z.literal('ldap'),
      dateFormat: z.enum(sourceDateFormats).default('YYYY-MM-DD'),
      url: z.string().regex(/^ldaps?:\/\//, 'expected an ldap:// or ldaps:// URL'),
      bindDN: z.string().min(1),
      /** Name of the environment variable holding the bind password (never the password itself). */
      passwordEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected the NAME of an environment variable, e.g. "GUICHET_AD_PASSWORD"'),
      base: z.string().min(1),
      filter: z.string().min(1).default('(objectClass=person)'),
      scope: z.enum(['base', 'one', 'sub']).default('sub'),
      pageSize: z.number().int().min(1).max(10_000).default(500),
      timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    }),
    z.strictObject({
      ...commonSource,
      ...mappedSource,
      kind: z.literal('scim'),
      dateFormat: z.enum(sourceDateFormats).default('YYYY-MM-DD'),
      /** Base address of the IAM's SCIM 2.0 service, e.g. https://iam.example/scim/v2. */
      url: z.string().regex(/^https?:\/\/[^\s]+$/, 'expected an http:// or https:// URL'),
      /** Name of the environment variable holding the bearer token (never the token itself). */
      tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected the NAME of an environment variable, e.g. "GUICHET_SCIM_TOKEN"'),
      filter: z.string().min(1).max(2000).optional(),
      /**
       * Between two full pulls, pull only the Users changed since the last one (when the IAM filters
       * on `meta.lastModified`). A User deleted in the IAM is seen gone only by a full pull.
       */
      fullPullEveryDays: z.number().int().min(1).max(365).default(7),
      pageSize: z.number().int().min(1).max(1000).default(200),
      timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    }),
  ],
  { error: 'expected "kind" to be one of "rpps-extract", "csv", "ldif", "ldap", "scim"' },
);

const sourcesConfigSchema = z
  .strictObject({
    establishment: z.strictObject({
      name: z.string().min(1, 'expected the establishment name'),
      finess: z.array(z.string().regex(/^\d[\dAB]\d{7}$/, 'expected a 9-character FINESS number')).min(1, 'expected at least one FINESS number'),
    }),
    sources: z.array(sourceSchema).min(1, 'expected at least one source'),
  })
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      if (seen.has(source.id)) context.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: `source id "${source.id}" is used twice; expected unique ids` });
      seen.add(source.id);
      if (source.role === 'hr' && 'recordsPerPerson' in source && source.recordsPerPerson === 'several') {
        context.addIssue({ code: 'custom', path: ['sources', index, 'recordsPerPerson'], message: 'expected recordsPerPerson "several" only on a directory or application source: each HR record is one person' });
      }
    });
  });

export type SourcesConfig = z.output<typeof sourcesConfigSchema>;
export type SourceConfig = SourcesConfig['sources'][number];
export type FileSourceConfig = Exclude<SourceConfig, { kind: 'ldap' | 'scim' }>;
export type MappedSourceConfig = Exclude<SourceConfig, { kind: 'rpps-extract' }>;

/** Zod's default wording names the problem; ours also says what was expected. */
function explainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const inFields = issue.path?.at(-1) === 'fields';
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return inFields
      ? `unknown field(s) ${keys}; expected canonical attributes among ${canonicalAttributeNames.join(', ')}`
      : `unknown key(s) ${keys}; check the spelling against the documented configuration`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing; expected ${issue.expected}`;
  if (issue.code === 'invalid_union' && typeof issue.input === 'object' && issue.input !== null) {
    // A field spec object: say what is wrong inside it rather than "not a name nor an object".
    const objectBranch = issue.errors.find((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    if (objectBranch !== undefined && objectBranch.length > 0) {
      return objectBranch.map((inner) => `${inner.path.length === 0 ? '' : `${inner.path.join('.')}: `}${explainIssue(inner as z.core.$ZodRawIssue) ?? inner.message}`).join('; ');
    }
  }
  if (issue.code === 'invalid_union') return 'expected a column name or {"column": …, "normalize"?, "map"?, "nameOrder"?, "dateFormat"?}';
  return undefined;
}

export type ParseSourcesConfigResult = { ok: true; config: SourcesConfig } | { ok: false; errors: string[] };

/**
 * Validates a sources configuration (the JSON shared by the CLI and the desk) and resolves every
 * relative `path` against the folder of the configuration file, so the result can be used from any
 * working directory. Errors name the JSON path and what was expected.
 */
export function parseSourcesConfig({ text, configPath }: { text: string; configPath: string }): ParseSourcesConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${configPath}: expected JSON (${(error as Error).message})`] };
  }
  const parsed = sourcesConfigSchema.safeParse(json, { error: explainIssue });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${configPath}: ${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`),
    };
  }
  const baseDir = dirname(resolve(configPath));
  const sources = parsed.data.sources.map((source) =>
    source.kind === 'ldap' || source.kind === 'scim' || isAbsolute(source.path) ? source : { ...source, path: resolve(baseDir, source.path) },
  );
  return { ok: true, config: { ...parsed.data, sources } };
}
