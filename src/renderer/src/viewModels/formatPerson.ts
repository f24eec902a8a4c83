import type { PersonSummary } from '../../../shared/api/directory.contract';

/**
 * "DUPONT Anne (née MARTIN)": usage name in capitals, birth name when it differs. An HR row with
 * only a matricule has no name: it shows as "— M12345" so that it can still be seen and opened.
 */
export function formatPersonName(person: Pick<PersonSummary, 'lastName' | 'firstName' | 'birthName'> & Partial<Pick<PersonSummary, 'hrId' | 'rpps'>>): string {
  const base = `${person.lastName.toUpperCase()} ${person.firstName}`.trim();
  if (base === '') return `— ${person.hrId ?? person.rpps ?? ''}`.trim();
  return person.birthName !== null && person.birthName.toUpperCase() !== person.lastName.toUpperCase()
    ? `${base} (${person.birthName.toUpperCase()})`
    : base;
}

/** Searching on one character floods the list; two is the first useful length (an RPPS digit run is longer). */
export function isSearchableQuery(query: string): boolean {
  return query.trim().length >= 2;
}
