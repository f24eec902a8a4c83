import { rppsExtractColumn as column } from './rppsExtractLayout';

/** The field at `index` of a pipe-separated extract row ('' past its end), found without splitting the row. */
function fieldAt(line: string, index: number): string {
  let start = 0;
  for (let skipped = 0; skipped < index; skipped += 1) {
    const separator = line.indexOf('|', start);
    if (separator === -1) return '';
    start = separator + 1;
  }
  const end = line.indexOf('|', start);
  return end === -1 ? line.slice(start) : line.slice(start, end);
}

/**
 * The FINESS numbers of a register record's activities (sites and legal entities, each once, in row
 * order), read from its raw form as readRegisterActivities reads it. Read once per record when it is
 * staged (the `finess` column), and by migration 0450 for records stored before.
 */
export function readRegisterFiness(rawJson: string): string[] {
  return readFinessOfLines((JSON.parse(rawJson) as { lines?: unknown }).lines);
}

/** The same, from the raw form's rows (only the two FINESS fields of each row are looked for). */
export function readFinessOfLines(lines: unknown): string[] {
  if (!Array.isArray(lines)) return [];
  const found: string[] = [];
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    for (const finess of [fieldAt(line, column.finessSite), fieldAt(line, column.finessEj)]) if (finess !== '' && !found.includes(finess)) found.push(finess);
  }
  return found;
}
