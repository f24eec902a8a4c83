import { describe, expect, it } from 'vitest';
import { estimateMatchModel } from './estimateMatchModel';
import type { LevelVector } from './matchModel';

/** A small deterministic generator: pairs drawn from known m and u. */
function draw(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('estimateMatchModel', () => {
  const random = draw(7);
  const pair = (match: boolean): LevelVector => ({
    firstName: random() < (match ? 0.9 : 0.02) ? 'exact' : 'different',
    birthDate: random() < (match ? 0.85 : 0.001) ? 'exact' : 'different',
    service: random() < (match ? 0.7 : 0.1) ? 'exact' : 'different',
  });
  const randomPairs = Array.from({ length: 20_000 }, () => pair(false));
  // Blocked on the surname: 40 % matches; the surname itself is left out of this session.
  const blocked = Array.from({ length: 5_000 }, () => ({ ...pair(random() < 0.4), lastName: 'exact' as const }));

  it('finds the m-probabilities without labels, u from random pairs, and fixes the prior from the number of people', () => {
    const model = estimateMatchModel({ randomPairs, sessions: [{ pairs: blocked, blockedFields: ['lastName'] }], people: 1_000 });
    expect(model.levels.firstName!.exact!.m).toBeCloseTo(0.9, 1);
    expect(model.levels.birthDate!.exact!.m).toBeCloseTo(0.85, 1);
    expect(model.levels.service!.exact!.m).toBeCloseTo(0.7, 1);
    expect(model.levels.firstName!.exact!.u).toBeCloseTo(0.02, 2);
    expect(model.levels.birthDate!.exact!.weight).toBeGreaterThan(8);
    expect(model.levels.birthDate!.different!.weight).toBeLessThan(-2);
    expect(model.levels.lastName).toBeUndefined();
    expect(model.training.matchShare).toBeCloseTo(0.4, 1);
    expect(model.priorWeight).toBeCloseTo(Math.log2(9 / 1_000), 10);
  });

  it('keeps reviewers’ decisions as fixed labels', () => {
    // A hundred accepted pairs that agree on nothing but the service weigh the service's m up.
    const labelledPairs = Array.from({ length: 2_000 }, () => ({ levels: { firstName: 'different', birthDate: 'different', service: 'exact' } as LevelVector, match: true }));
    const unlabelled = estimateMatchModel({ randomPairs, sessions: [{ pairs: blocked, blockedFields: ['lastName'] }], people: 1_000 });
    const labelled = estimateMatchModel({ randomPairs, sessions: [{ pairs: blocked, blockedFields: ['lastName'] }], labelledPairs, people: 1_000 });
    expect(labelled.levels.firstName!.different!.m).toBeGreaterThan(unlabelled.levels.firstName!.different!.m + 0.2);
    expect(labelled.training.labelledPairs).toBe(2_000);
  });

  it('takes the u of an exact level from value frequencies when given (rarer than sampling can tell)', () => {
    const sampled = estimateMatchModel({ randomPairs, sessions: [{ pairs: blocked, blockedFields: ['lastName'] }], people: 1_000 });
    const known = estimateMatchModel({ randomPairs, sessions: [{ pairs: blocked, blockedFields: ['lastName'] }], people: 1_000, exactAgreement: { birthDate: 0.000_05 } });
    expect(known.levels.birthDate!.exact!.u).toBe(0.000_05);
    expect(known.levels.birthDate!.exact!.weight).toBeGreaterThan(sampled.levels.birthDate!.exact!.weight + 3);
    // The other levels share what is left.
    expect(known.levels.birthDate!.exact!.u + known.levels.birthDate!.different!.u).toBeCloseTo(1, 12);
    expect(known.levels.firstName!.exact!.u).toBe(sampled.levels.firstName!.exact!.u);
  });
});
