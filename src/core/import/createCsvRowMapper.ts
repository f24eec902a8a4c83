import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { ImportWarning, ParsedPart, ParsedRecord, RejectedLine } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { mapSourceFields, specOf } from './mapSourceFields';

export type CsvSourceConfig = Extract<SourceConfig, { kind: 'csv' }>;

/** A row as csv-parse gives it with `info: true`. */
export interface CsvRow {
  record: string[];
  info: { lines: number };
}

export interface CsvRowMapper {
  push(rows: readonly CsvRow[]): ParsedPart;
  /** Throws `SourceUnreadableError` when the file had no header. */
  end(): ParsedPart;
}

/**
 * Turns csv-parse rows into records: the first row is the header and must name the key column and
 * every mapped column; a row with the wrong number of columns or without its key is rejected with
 * its line; a malformed value is dropped from its record with a warning (see `mapSourceFields`).
 */
export function createCsvRowMapper(source: CsvSourceConfig, { knownNames }: { knownNames?: KnownNames } = {}): CsvRowMapper {
  let header: string[] | null = null;
  let columnIndex = new Map<string, number>();
  let rowsRead = 0;
  const mapping = { key: source.key, fields: source.fields, dateFormat: source.dateFormat, ...(knownNames === undefined ? {} : { knownNames }) };
  return {
    push(rows) {
      const records: ParsedRecord[] = [];
      const rejected: RejectedLine[] = [];
      const warnings: ImportWarning[] = [];
      for (const { record, info } of rows) {
        if (header === null) {
          header = record.map((name) => name.trim());
          columnIndex = new Map(header.map((name, index) => [name, index]));
          const columns = [source.key, ...Object.values(source.fields).map((field) => specOf(field).column)];
          const missing = [...new Set(columns)].filter((name) => !columnIndex.has(name));
          if (missing.length > 0) {
            throw new SourceUnreadableError(`${source.path}: expected column(s) ${missing.map((name) => `"${name}"`).join(', ')} in the header, found ${header.map((name) => `"${name}"`).join(', ')}`);
          }
          continue;
        }
        rowsRead += 1;
        if (record.length !== header.length) {
          rejected.push({ line: info.lines, reason: 'column-count', detail: `${record.length}/${header.length}` });
          continue;
        }
        const mapped = mapSourceFields((name) => record[columnIndex.get(name)!], mapping, info.lines);
        if (mapped.ok) {
          const columns = header;
          records.push({ line: info.lines, key: mapped.key, raw: Object.fromEntries(columns.map((name, index) => [name, record[index]!])), attributes: mapped.attributes });
          for (const warning of mapped.warnings) warnings.push(warning);
        } else {
          rejected.push(mapped.rejection);
        }
      }
      return { records, rejected, warnings, rowsRead };
    },
    end() {
      if (header === null) throw new SourceUnreadableError(`${source.path} is empty: expected a header line naming the columns`);
      return { records: [], rejected: [], warnings: [], rowsRead };
    },
  };
}
