import type Database from 'better-sqlite3';
import type { PersonSummary } from '../../shared/api/directory.contract';
import { tokenizeForSearch } from '../../shared/text/normalizeForSearch';
import { readPersonSummaries } from './readPersonSummaries';

export interface SearchPeopleOptions {
  query: string;
  limit?: number;
}

/**
 * Finds people whose name, first name, birth name, RPPS, matricule, login or birth date starts with
 * every typed token, accent- and case-insensitively. Exact identifier hits come first, then
 * last-name hits, then alphabetical order.
 */
export function searchPeople(db: Database.Database, { query, limit = 50 }: SearchPeopleOptions): PersonSummary[] {
  const tokens = tokenizeForSearch(query).slice(0, 8);
  if (tokens.length === 0) return [];
  // Each token is a range of indexed words (identity_search_words): no scan of every search text.
  const conditions = tokens.map(() => 'id IN (SELECT identity_id FROM identity_search_words WHERE word >= ? AND word < ?)');
  const parameters = tokens.flatMap((token) => [token, `${token}\u{10FFFF}`]);
  const rows = db
    .prepare(
      `SELECT id, rpps, hr_id AS hrId, ad_id AS adId, last_name AS lastName, first_name AS firstName
         FROM identities WHERE ${conditions.join(' AND ')}
        ORDER BY last_name, first_name, rowid LIMIT 2000`,
    )
    .all(...parameters) as { id: string; rpps: string | null; hrId: string | null; adId: string | null; lastName: string; firstName: string }[];
  const compact = tokens.join('');
  const rank = (row: (typeof rows)[number]): number => {
    if ([row.rpps, row.hrId, row.adId].some((id) => id !== null && id.toLowerCase() === compact)) return 0;
    const last = tokenizeForSearch(row.lastName);
    return tokens.some((token) => last.some((word) => word.startsWith(token))) ? 1 : 2;
  };
  const ordered = rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map(({ row }) => row.id);
  return readPersonSummaries(db, ordered);
}
