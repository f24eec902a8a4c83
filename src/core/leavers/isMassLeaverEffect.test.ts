import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMassLeaverEffect } from './isMassLeaverEffect';

describe('isMassLeaverEffect', () => {
  it('holds a share above the threshold and lets a share at or below it through', () => {
    expect(isMassLeaverEffect({ affected: 6, population: 100, maxShare: 0.05 })).toBe(true);
    expect(isMassLeaverEffect({ affected: 5, population: 100, maxShare: 0.05 })).toBe(false);
  });

  it('never holds a single leaver, even in a tiny population', () => {
    expect(isMassLeaverEffect({ affected: 1, population: 3, maxShare: 0.05 })).toBe(false);
  });

  it('is monotonic: more leavers never turn a held run into an applied one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, extra, population, maxShare) => {
        if (isMassLeaverEffect({ affected: a, population, maxShare })) expect(isMassLeaverEffect({ affected: a + extra, population, maxShare })).toBe(true);
      }),
    );
  });
});
