import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import { buildSearchText, dateSearchForms } from './buildSearchText';

describe('buildSearchText', () => {
  it('folds the parts as one text would be folded, skipping empty ones', () => {
    const parts = ["D'Aubigné-Œuvray", null, 'Hélène  Marie', '', '10000000012', 'M0042', 'j.dupont', undefined, '---'];
    expect(buildSearchText(parts)).toBe(normalizeForSearch(parts.filter((part) => typeof part === 'string').join(' ')));
    expect(buildSearchText(parts)).toBe('d aubigne oeuvray helene marie 10000000012 m0042 j dupont');
    // Twice the same spelling: the cached fold is the same.
    expect(buildSearchText(['Hélène'])).toBe('helene');
    expect(buildSearchText(['Hélène'])).toBe('helene');
  });

  it('offers both date forms an agent may type', () => {
    expect(dateSearchForms('1980-03-12')).toEqual(['12/03/1980', '1980-03-12']);
    expect(dateSearchForms('12/03/1980')).toEqual([]);
  });
});
