import type Database from 'better-sqlite3';
import type { CardCandidate, FieldEvidence } from '../../shared/api/enrollment.contract';
import type { PersonSummary } from '../../shared/api/directory.contract';
import { compareFirstNames, compareLastNames } from '../../shared/matching/compareNames';
import type { ComparisonLevel } from '../../shared/matching/matchingConfig';
import { foldName, surnameTokens } from '../../shared/matching/normalizeName';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import { searchPeople } from '../directory/searchPeople';

/** Points each field brings when identical; a close spelling brings about half. */
const weights = { lastName: 45, firstName: 35, profession: 20 } as const;

/** The reconciliation engine's levels, as the card panel shows them. */
const outcomeOf: Record<ComparisonLevel, FieldEvidence['outcome']> = {
  exact: 'identical', part: 'close', compatible: 'close', phonetic: 'close', close: 'close', swapped: 'different', inverted: 'different', different: 'different', missing: 'missing',
};

const surnameForm = (name: string | null | undefined): string[] => {
  const form = surnameTokens(name).join(' ');
  return form === '' ? [] : [form];
};
const givenNames = (name: string | null | undefined): string[] => foldName(name).split(' ').filter((token) => token !== '');

/**
 * Names compare as reconciliation compares them: particles, compound and birth/usage names, French
 * sound, typos, and Denis/Denise kept apart.
 */
export function compareCardNames(cps: { lastName: string; firstName: string }, person: Pick<PersonSummary, 'lastName' | 'birthName' | 'firstName'>): [FieldEvidence, FieldEvidence] {
  const lastName = compareLastNames(surnameForm(cps.lastName), [...surnameForm(person.lastName), ...surnameForm(person.birthName)]);
  const firstName = compareFirstNames(givenNames(cps.firstName), givenNames(person.firstName));
  return [
    { field: 'lastName', cardValue: cps.lastName, personValue: person.lastName, outcome: outcomeOf[lastName.level] },
    { field: 'firstName', cardValue: cps.firstName, personValue: person.firstName, outcome: outcomeOf[firstName.level] },
  ];
}

function compareProfession(cardValue: string, personValue: string | null): FieldEvidence {
  const field = 'profession';
  if (cardValue === '' || personValue === null || personValue === '') return { field, cardValue, personValue, outcome: 'missing' };
  const [a, b] = [normalizeForSearch(cardValue), normalizeForSearch(personValue)];
  return { field, cardValue, personValue, outcome: a === b ? 'identical' : a.includes(b) || b.includes(a) ? 'close' : 'different' };
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
        ...compareCardNames(cps, person),
        compareProfession(cps.profession, person.profession),
      ];
      return { person, score: evidence.reduce((sum, item) => sum + points(item), 0), evidence };
    })
    .filter((candidate) => candidate.score >= 40)
    .sort((a, b) => b.score - a.score || a.person.lastName.localeCompare(b.person.lastName))
    .slice(0, limit);
}
