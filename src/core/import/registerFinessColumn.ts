/**
 * A register record's FINESS numbers as its `finess` column keeps them: `|n1|n2|` (each once, in row
 * order), '' without any. The register screen looks for the establishment's numbers in this short
 * text, carried by the index it reads, instead of in each row's raw extract lines.
 */
export function toFinessColumn(finess: readonly string[]): string {
  return finess.length === 0 ? '' : `|${finess.join('|')}|`;
}

/** The numbers of a `finess` column (none when null: not a register row). */
export function splitFinessColumn(column: string | null): string[] {
  return column === null || column === '' ? [] : column.slice(1, -1).split('|');
}

/** The column of two folded rows of one record (activities on several rows): the earlier's numbers first. */
export function mergeFinessColumns(earlier: string | null, later: string | null): string | null {
  if (earlier === null || later === null) return earlier ?? later;
  const merged = splitFinessColumn(earlier);
  for (const finess of splitFinessColumn(later)) if (!merged.includes(finess)) merged.push(finess);
  return toFinessColumn(merged);
}
