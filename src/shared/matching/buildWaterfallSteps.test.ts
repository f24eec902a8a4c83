import { describe, expect, it } from 'vitest';
import { buildWaterfallSteps } from './buildWaterfallSteps';

describe('buildWaterfallSteps', () => {
  it('goes from the prior through each weight, strongest first, to the final probability', () => {
    const waterfall = buildWaterfallSteps({
      priorWeight: -10,
      evidence: [
        { field: 'firstName', left: 'ANNE', right: 'ANNE', level: 'exact', comparator: 'equal', points: 15, weight: 6 },
        { field: 'lastName', left: 'DUPONT', right: 'DUPONT', level: 'exact', comparator: 'equal', points: 20, weight: 8 },
        { field: 'profession', left: '10', right: '60', level: 'different', comparator: 'TRE_G15', points: 0, weight: -1 },
      ],
    })!;
    expect(waterfall.steps.map((step) => [step.labelKey, step.start, step.end, step.seedPoints])).toEqual([
      ['review.waterfall.prior', 0, -10, null],
      ['review.field.lastName', -10, -2, 20],
      ['review.field.firstName', -2, 4, 15],
      ['review.field.profession', 4, 3, 0],
      ['review.waterfall.final', 0, 3, null],
    ]);
    expect(waterfall.steps[3]!.kind).toBe('against');
    expect(waterfall.probability).toBeCloseTo(8 / 9, 10);
  });

  it('ends on the stored probability when the link weighed its rivals, through one more step', () => {
    const evidence = [{ field: 'lastName' as const, left: 'PAYET', right: 'PAYET', level: 'exact' as const, comparator: 'equal' as const, points: 20, weight: 12 }];
    // Names alone: 2 bits of odds (0.8); among three entries of those names, one chance in three or so.
    const waterfall = buildWaterfallSteps({ priorWeight: -10, evidence, probability: 0.25 })!;
    expect(waterfall.steps.map((step) => [step.labelKey, step.kind])).toEqual([
      ['review.waterfall.prior', 'prior'],
      ['review.field.lastName', 'for'],
      ['review.waterfall.rivals', 'against'],
      ['review.waterfall.final', 'final'],
    ]);
    expect(waterfall.steps[2]!.start).toBe(2);
    expect(waterfall.probability).toBeCloseTo(0.25, 10);
    // The evidence's own probability: no extra step.
    expect(buildWaterfallSteps({ priorWeight: -10, evidence, probability: 0.8 })!.steps).toHaveLength(3);
  });

  it('draws nothing for a link decided on the seed points', () => {
    expect(buildWaterfallSteps({ priorWeight: null, evidence: [] })).toBeNull();
    expect(buildWaterfallSteps({ priorWeight: -10, evidence: [{ field: 'rpps', left: '1', right: '1', level: 'exact', comparator: 'equal', points: 40 }] })).toBeNull();
  });
});
