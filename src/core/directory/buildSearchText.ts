import { memoizeByKey } from '../../shared/text/memoizeByKey';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';

/** Folds one name, once per spelling: an import folds the same few thousand names millions of times. */
const foldPart = memoizeByKey(normalizeForSearch, 100_000);

/** The folded text a search token is matched against (prefix of any word). */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  const folded: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || part === '') continue;
    // Identifiers are unique: caching them would only churn the cache.
    const text = /^[0-9A-Za-z]+$/.test(part) && /[0-9]/.test(part) ? part.toLowerCase() : foldPart(part);
    if (text !== '') folded.push(text);
  }
  return folded.join(' ');
}

/** Both date forms an agent may type: 12/03/1980 and 1980-03-12. */
export function dateSearchForms(isoDate: string | null | undefined): string[] {
  if (isoDate === null || isoDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return [];
  const [year, month, day] = isoDate.split('-');
  return [`${day}/${month}/${year}`, isoDate];
}
