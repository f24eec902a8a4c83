import { describe, expect, it } from 'vitest';
import { en, fr } from '../../i18n/messages';
import { comparatorKeyOf } from './reviewViewModel';

// The engine's sources as text (Vite's glob import: no Node module in the renderer's folder).
const engineSources = import.meta.glob<string>(['../../../../shared/matching/*.ts', '!../../../../shared/matching/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('comparator labels', () => {
  it('name in French and English every comparator the engine writes into an explanation', () => {
    const comparators = new Set<string>();
    for (const text of Object.values(engineSources)) {
      for (const match of text.matchAll(/comparator: '([^']+)'/g)) comparators.add(match[1]!);
      for (const match of text.matchAll(/addEvidence\([^;]*, '([^']+)'\);/g)) comparators.add(match[1]!);
    }
    expect(comparators.size).toBeGreaterThan(8);
    const missing = [...comparators].filter((comparator) => fr[comparatorKeyOf(comparator)] === undefined || en[comparatorKeyOf(comparator)] === undefined);
    expect(missing).toEqual([]);
  });
});
