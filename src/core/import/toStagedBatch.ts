import { buildSearchText } from '../directory/buildSearchText';
import { readFinessOfLines } from './readRegisterFiness';
import { toFinessColumn } from './registerFinessColumn';
import type { ImportWarning, ParsedBatch, ParsedRecord, RejectedLine, SourcePull, SourceReader } from './importTypes';

/**
 * A record as the store keeps it, column by column: record_key, line, raw_json, attributes_json,
 * rpps, hr_id, ad_id, last_name, first_name, birth_date, search_text, finess (register records only).
 * Serializing is half the cost of an import, so it happens where the file is parsed (the parser
 * thread), not on the store's thread.
 */
export type StagedRow = [string, number, string, string, string | null, string | null, string | null, string | null, string | null, string | null, string, string | null];

/** What the import engine stages at a time. */
export interface StagedBatch {
  rows: StagedRow[];
  rejected: RejectedLine[];
  warnings: ImportWarning[];
  rowsRead: number;
  bytesRead: number;
}

/** A source being read, already serialized for the store. */
export interface StagedSourceReader {
  totalBytes: number | null;
  foldsDuplicates: boolean;
  batches(): AsyncIterable<StagedBatch>;
  pull?: SourcePull;
}

export function toStagedRow(record: ParsedRecord): StagedRow {
  const a = record.attributes;
  return [
    record.key,
    record.line,
    JSON.stringify(record.raw),
    JSON.stringify(a),
    a.rpps ?? null,
    a.hrId ?? null,
    a.adId ?? null,
    a.lastName ?? null,
    a.firstName ?? null,
    a.birthDate ?? null,
    buildSearchText([a.lastName, a.birthName, a.firstName, a.rpps, a.hrId, a.adId]),
    record.register === true ? toFinessColumn(readFinessOfLines(record.raw.lines)) : null,
  ];
}

export function toStagedBatch(batch: ParsedBatch): StagedBatch {
  return { rows: batch.records.map(toStagedRow), rejected: batch.rejected, warnings: batch.warnings, rowsRead: batch.rowsRead, bytesRead: batch.bytesRead };
}

/** Serializes a reader's batches on the calling thread (live LDAP, or when no parser thread starts). */
export function stageOnThisThread(reader: SourceReader): StagedSourceReader {
  return {
    totalBytes: reader.totalBytes,
    foldsDuplicates: reader.foldsDuplicates,
    ...(reader.pull === undefined ? {} : { pull: reader.pull }),
    async *batches() {
      for await (const batch of reader.batches()) yield toStagedBatch(batch);
    },
  };
}
