import { useEffect, useState } from 'react';
import type { PersonSummary, SearchFilters } from '../../../shared/api/directory.contract';
import { useDesk } from '../desk/DeskContext';
import { isSearchableQuery } from '../viewModels/formatPerson';

export type SearchState =
  | { phase: 'idle' }
  | { phase: 'searching' }
  | { phase: 'done'; query: string; people: PersonSummary[]; truncated: boolean }
  | { phase: 'failed'; error: unknown };

/** How many people a search shows; one more is asked to know whether the list is cut. */
export const searchPageSize = 50;

/** Search-as-you-type with a short debounce; a slow answer never overwrites a newer one. */
export function useSearchPeople(query: string, debounceMs = 150, filters?: SearchFilters): SearchState {
  const filterKey = JSON.stringify(filters ?? {});
  const { api } = useDesk();
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  useEffect(() => {
    if (!isSearchableQuery(query)) {
      setState({ phase: 'idle' });
      return;
    }
    let current = true;
    setState({ phase: 'searching' });
    const timer = setTimeout(() => {
      api.searchPeople({ query, limit: searchPageSize + 1, ...(filters === undefined || filterKey === '{}' ? {} : { filters }) }).then(
        (people) => current && setState({ phase: 'done', query, people: people.slice(0, searchPageSize), truncated: people.length > searchPageSize }),
        (error: unknown) => current && setState({ phase: 'failed', error }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, debounceMs, filterKey]);
  return state;
}
