import type { Options } from 'csv-parse';
import type { CsvSourceConfig } from './createCsvRowMapper';

/** csv-parse options shared by the streaming and the whole-file readers. */
export function csvParseOptions(source: CsvSourceConfig): Options {
  return { delimiter: source.delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true };
}
