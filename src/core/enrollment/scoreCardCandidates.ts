import type Database from 'better-sqlite3';
import { distance } from 'fastest-levenshtein';
import type { CardCandidate, FieldEvidence } from '../../shared/api/enrollment.contract';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import { searchPeople } from '../directory/searchPeople';

/** Points each field brings when identical; a close spelling brings about half. */
const weights = { lastName: 45, firstName: 35, profession: 20 } as const;

function compare(field: FieldEvidence['field'], cardValue: string | null, personValue: string | null): FieldEvidence {
  if (cardValue === null || personValue === null || cardValue === '' || personValue === '') return { field, cardValue, personValue, outcome: 'missing' };
  const a = normalizeForSearch(cardValue);
  const b = normalizeForSearch(personValue);
  if (a === b) return { field, cardValue, personValue, outcome: 'identical' };
  const close = a.includes(b) || b.includes(a) || distance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 5));
  return { field, cardValue, personValue, outcome: close ? 'close' : 'different' };
}

function points(evidence: FieldEvidence): number {
  if (evidence.field === 'rpps') return 0;
  const weight = weights[evidence.field];
  return evidence.outcome === 'identical' ? weight : evidence.outcome === 'close' ? Math.round(weight / 2) : 0;
}

/**
 * People a CPS whose RPPS is unknown locally may belong to, with per-field evidence. Only people
 * without an RPPS can be paired, so anyone holding another RPPS is left out. Best first.
 */
export function scoreCardCandidates(
  db: Database.Database,
  cps: { rpps: string | null; lastName: string; firstName: string; profession: string },
  limit = 8,
): CardCandidate[] {
  const pool = new Map<string, ReturnType<typeof searchPeople>[number]>();
  for (const query of [cps.lastName, `${cps.firstName} ${cps.lastName.slice(0, 3)}`]) {
    if (normalizeForSearch(query) === '') continue;
    for (const person of searchPeople(db, { query, limit: 200 })) pool.set(person.identityId, person);
  }
  return [...pool.values()]
    .filter((person) => person.rpps === null && person.status !== 'left')
    .map((person): CardCandidate => {
      const evidence: FieldEvidence[] = [
        { field: 'rpps', cardValue: cps.rpps, personValue: null, outcome: 'missing' },
        compare('lastName', cps.lastName, person.lastName),
        compare('firstName', cps.firstName, person.firstName),
        compare('profession', cps.profession, person.profession),
      ];
      return { person, score: evidence.reduce((sum, item) => sum + points(item), 0), evidence };
    })
    .filter((candidate) => candidate.score >= 40)
    .sort((a, b) => b.score - a.score || a.person.lastName.localeCompare(b.person.lastName))
    .slice(0, limit);
}
