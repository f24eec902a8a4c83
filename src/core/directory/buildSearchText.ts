import { normalizeForSearch } from '../../shared/text/normalizeForSearch';

/** The folded text a search token is matched against (prefix of any word). */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  return normalizeForSearch(parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' '));
}

/** Both date forms an agent may type: 12/03/1980 and 1980-03-12. */
export function dateSearchForms(isoDate: string | null | undefined): string[] {
  if (isoDate === null || isoDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return [];
  const [year, month, day] = isoDate.split('-');
  return [`${day}/${month}/${year}`, isoDate];
}
