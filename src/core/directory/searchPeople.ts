import type Database from 'better-sqlite3';
import type { PersonSummary, SearchFilters } from '../../shared/api/directory.contract';
import { tokenizeForSearch } from '../../shared/text/normalizeForSearch';
import { readPersonSummaries } from './readPersonSummaries';

export interface SearchPeopleOptions {
  query: string;
  limit?: number;
  filters?: SearchFilters | undefined;
}

/** The filters as SQL on `identities` (each one a condition with its parameters). */
function filterConditions(filters: SearchFilters | undefined): { conditions: string[]; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filters === undefined) return { conditions, parameters };
  if (filters.status !== undefined) {
    conditions.push('status = ?');
    parameters.push(filters.status);
  }
  if (filters.service !== undefined) {
    conditions.push('lower(service) = lower(?)');
    parameters.push(filters.service);
  }
  if (filters.profession !== undefined) {
    // A TRE_G15 code or an HR label: both as the directory holds them.
    conditions.push('(profession = ? OR lower(profession) = lower(?))');
    parameters.push(filters.profession, filters.profession);
  }
  if (filters.meansKind === 'none') {
    conditions.push("NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = identities.id AND m.status = 'active')");
  } else if (filters.meansKind !== undefined || filters.meansStatus !== undefined) {
    conditions.push(`EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = identities.id${filters.meansKind === undefined ? '' : ' AND m.kind = ?'}${filters.meansStatus === undefined ? '' : ' AND m.status = ?'})`);
    if (filters.meansKind !== undefined) parameters.push(filters.meansKind);
    if (filters.meansStatus !== undefined) parameters.push(filters.meansStatus);
  }
  return { conditions, parameters };
}

/**
 * Finds people whose name, first name, birth name, RPPS, matricule, login or birth date starts with
 * every typed token, accent- and case-insensitively. Exact identifier hits come first, then
 * last-name hits, then alphabetical order. Filters narrow by status, service, profession and means.
 */
export function searchPeople(db: Database.Database, { query, limit = 50, filters }: SearchPeopleOptions): PersonSummary[] {
  const tokens = tokenizeForSearch(query).slice(0, 8);
  if (tokens.length === 0) return [];
  // Each token is a range of indexed words (identity_search_words): no scan of every search text.
  const conditions = tokens.map(() => 'id IN (SELECT identity_id FROM identity_search_words WHERE word >= ? AND word < ?)');
  const narrowing = filterConditions(filters);
  conditions.push(...narrowing.conditions);
  const parameters = [...tokens.flatMap((token) => [token, `${token}\u{10FFFF}`]), ...narrowing.parameters];
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
