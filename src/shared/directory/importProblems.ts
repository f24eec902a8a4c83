/**
 * Why an import rejected a row (it cannot become a record) or dropped one value of a record (a
 * warning). A code, never the record's content: the value, when kept, travels in its own field,
 * shown only to a session allowed to read personal data.
 */
export const importRejectionCodes = [
  'column-count',
  'missing-key',
  'duplicate-key',
  'undecodable-bytes',
  'invalid-key',
  'unknown-identifier-type',
  'ldif-syntax',
  'ldif-base64',
  'ldif-url-value',
  'ldif-change-record',
  'ldif-missing-dn',
] as const;

export const importWarningCodes = [
  'invalid-rpps',
  'unparseable-date',
  'impossible-date',
  'placeholder-date',
  'unknown-code',
  'invalid-finess',
  'invalid-last-login',
  'unsplit-full-name',
  'undecodable-bytes',
  'ldif-missing-blank-line',
] as const;

export type ImportRejectionCode = (typeof importRejectionCodes)[number];
export type ImportWarningCode = (typeof importWarningCodes)[number];

/** A row that could not become a record. */
export interface ImportRejection {
  line: number;
  reason: ImportRejectionCode;
  /** The column/attribute concerned, when there is one. */
  field?: string;
  /** Facts about the file, never its content: "7 ≠ 5 columns", "line 12" (the earlier duplicate). */
  detail?: string;
  /** The offending value (record content), kept apart from the reason. */
  value?: string;
}

/** A value dropped from a record that was kept. */
export interface ImportWarning {
  line: number;
  reason: ImportWarningCode;
  field: string;
  /** Facts about the file, never its content (the expected date layout…). */
  detail?: string;
  /** The dropped value (record content), kept apart from the reason. */
  value?: string;
}
