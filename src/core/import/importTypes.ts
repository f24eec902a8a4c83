import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import type { ImportRejection, ImportWarning } from '../../shared/directory/importProblems';
import type { FileLine } from './createLineDecoder';

/** One activity of a professional in the RPPS register (one extract row). */
export interface RppsActivity {
  professionCode: string;
  professionLabel: string;
  /** `Code mode exercice`: S salarié, L libéral, B bénévole. */
  modeCode: string;
  finessSite: string;
  finessEj: string;
  siteName: string;
  roleCode: string;
}

/** A record as a source exported it (`raw`) and mapped to the canonical attributes. */
export interface ParsedRecord {
  /** First line (or LDAP entry number) the record comes from. */
  line: number;
  key: string;
  raw: Record<string, unknown>;
  /** A register record's activities are not among them: they are read from its rows (`readRegisterActivities`). */
  attributes: CanonicalAttributes;
  /** Set by the register extract's parser: `raw.lines` are its rows, whose FINESS numbers are kept apart when staged. */
  register?: true;
}

/** A line that could not become a record, and why (a code; the value apart). */
export type RejectedLine = ImportRejection;
export type { ImportWarning } from '../../shared/directory/importProblems';

/** What a parser returns for the lines (or rows) it was given. */
export interface ParsedPart {
  records: ParsedRecord[];
  rejected: RejectedLine[];
  /** Values dropped from records that were kept. */
  warnings: ImportWarning[];
  /** Data rows read so far, header excluded. */
  rowsRead: number;
}

/** A text format parsed line by line, fed from a stream or from a small file read at once. */
export interface LineParser {
  push(lines: readonly FileLine[]): ParsedPart;
  /** Flushes the last record; throws `SourceUnreadableError` when the file had no header. */
  end(): ParsedPart;
}

/** What a reader hands over at a time: records, rejected lines and how far it got. */
export interface ParsedBatch {
  records: ParsedRecord[];
  rejected: RejectedLine[];
  warnings: ImportWarning[];
  /** Data rows (lines or entries) read so far, header excluded. */
  rowsRead: number;
  /** Bytes consumed so far, for a percentage when the size is known. */
  bytesRead: number;
}

/** A source being read: its size when known and its content, batch by batch. */
/**
 * How a live source was pulled: `full` (every record: those missing are gone) or `delta` (only the
 * records changed since `since`: those missing are unchanged, not gone). `watermark` is read once
 * the pull is over: the latest change seen, where the next delta starts.
 */
export interface SourcePull {
  mode: 'full' | 'delta';
  since: string | null;
  watermark(): string | null;
}

export interface SourceReader {
  totalBytes: number | null;
  /** `true` when several rows may share a key and must be folded (register activities). */
  foldsDuplicates: boolean;
  batches(): AsyncIterable<ParsedBatch>;
  /** Live sources that can be pulled in part (SCIM); absent: a full read. */
  pull?: SourcePull;
}

/** A whole-source problem (unreadable file, wrong header, LDAP bind failure): nothing is imported. */
export class SourceUnreadableError extends Error {
  override name = 'SourceUnreadableError';
}
