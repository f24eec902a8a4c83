import { describe, expect, it } from 'vitest';
import { compareCardNames } from './scoreCardCandidates';

const outcomes = (cps: { lastName: string; firstName: string }, person: { lastName: string; birthName?: string | null; firstName: string }) =>
  compareCardNames(cps, { birthName: null, ...person }).map((evidence) => evidence.outcome);

describe('compareCardNames', () => {
  it('reads French names as the reconciliation engine does', () => {
    expect(outcomes({ lastName: "D'ALMEIDA", firstName: 'JEAN-PIERRE' }, { lastName: 'Almeida', firstName: 'Jean Pierre' })).toEqual(['identical', 'identical']);
    expect(outcomes({ lastName: 'DUPONT', firstName: 'MARIE' }, { lastName: 'Martin', birthName: 'Dupont', firstName: 'Marie' })).toEqual(['identical', 'identical']);
    expect(outcomes({ lastName: 'MARTIN DUPONT', firstName: 'LEA' }, { lastName: 'Dupont', firstName: 'Léa' })).toEqual(['close', 'identical']);
    expect(outcomes({ lastName: 'LEFEBVRE', firstName: 'J' }, { lastName: 'Lefèvre', firstName: 'Jean' })).toEqual(['close', 'close']);
  });

  it('keeps masculine and feminine first names and unrelated surnames apart', () => {
    expect(outcomes({ lastName: 'DENIS', firstName: 'DENISE' }, { lastName: 'Denis', firstName: 'Denis' })).toEqual(['identical', 'different']);
    expect(outcomes({ lastName: 'DUPONT', firstName: 'PAUL' }, { lastName: 'Durand', firstName: 'Paul' })).toEqual(['different', 'identical']);
  });
});
