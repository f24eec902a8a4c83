import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, fr } from '../../i18n/messages';
import { comparatorKeyOf } from './reviewViewModel';

const matchingDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'matching');

describe('comparator labels', () => {
  it('name in French and English every comparator the engine writes into an explanation', () => {
    const comparators = new Set<string>();
    for (const file of readdirSync(matchingDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const text = readFileSync(join(matchingDir, file), 'utf8');
      for (const match of text.matchAll(/comparator: '([^']+)'/g)) comparators.add(match[1]!);
      for (const match of text.matchAll(/addEvidence\([^;]*, '([^']+)'\);/g)) comparators.add(match[1]!);
    }
    expect(comparators.size).toBeGreaterThan(8);
    const missing = [...comparators].filter((comparator) => fr[comparatorKeyOf(comparator)] === undefined || en[comparatorKeyOf(comparator)] === undefined);
    expect(missing).toEqual([]);
  });
});
