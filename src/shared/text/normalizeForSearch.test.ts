import { describe, expect, it } from 'vitest';
import { normalizeForSearch, tokenizeForSearch } from './normalizeForSearch';

describe('normalizeForSearch', () => {
  it('folds accents, ligatures, case and punctuation', () => {
    expect(normalizeForSearch("Hélène D'Aubigné-Œuvray")).toBe('helene d aubigne oeuvray');
    expect(normalizeForSearch('FRANÇOIS  Lætitia')).toBe('francois laetitia');
    expect(normalizeForSearch('Zoë Müller')).toBe('zoe muller');
  });

  it('tokenizes and ignores empty input', () => {
    expect(tokenizeForSearch('  ')).toEqual([]);
    expect(tokenizeForSearch('Jean-Pierre  ÉLOI')).toEqual(['jean', 'pierre', 'eloi']);
  });
});
