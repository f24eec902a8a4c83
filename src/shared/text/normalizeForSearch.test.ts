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

describe('normalizeForSearch on plain ASCII', () => {
  it('folds exactly as the general path does', () => {
    for (const text of ["D'AUBIGNE-OEUVRAY  Jean", ' MARTIN  Marie 10000000012 ', 'o.neil_ROSE', '---']) {
      const general = text.normalize('NFD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(normalizeForSearch(text)).toBe(general);
    }
  });
});
