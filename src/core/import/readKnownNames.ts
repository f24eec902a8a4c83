import type Database from 'better-sqlite3';
import type { KnownNames } from '../../shared/directory/splitFullName';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import type { SourceConfig } from '../sources/parseSourcesConfig';

/** True when a source splits a full-name column and may choose the order per value (`auto`, the default). */
export function splitsFullNamesByKnownNames(source: SourceConfig): boolean {
  if (source.kind === 'rpps-extract') return false;
  const { fullName, lastName, firstName } = source.fields;
  if (fullName === undefined || lastName !== undefined || firstName !== undefined) return false;
  return typeof fullName === 'string' || (fullName.nameOrder ?? 'auto') === 'auto';
}

/**
 * The given names and last names the establishment's other local sources (HR, directories,
 * applications; not the national register) already hold, folded word by word, to tell which end
 * of "MARTIN Claire" is the surname.
 */
export function readKnownNames(db: Database.Database, { exceptSourceId }: { exceptSourceId: string }): KnownNames {
  const givenNames = new Set<string>();
  const lastNames = new Set<string>();
  const rows = db
    .prepare(
      `SELECT r.last_name AS lastName, r.first_name AS firstName FROM source_records r JOIN sources s ON s.id = r.source_id
        WHERE s.role IN ('hr', 'directory', 'application') AND r.source_id <> ? AND r.present = 1`,
    )
    .raw(true)
    .iterate(exceptSourceId) as IterableIterator<[string | null, string | null]>;
  const addWords = (names: Set<string>, value: string | null): void => {
    if (value === null) return;
    for (const word of normalizeForSearch(value).split(' ')) if (word.length > 1) names.add(word);
  };
  for (const [lastName, firstName] of rows) {
    addWords(lastNames, lastName);
    addWords(givenNames, firstName);
  }
  return { givenNames, lastNames };
}
