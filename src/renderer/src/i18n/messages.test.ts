import { describe, expect, it } from 'vitest';
import { en, fr } from './messages';

describe('UI messages', () => {
  it('has an English string for every French key and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr)) {
      const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]!), key).toEqual(placeholders(fr[key]!));
    }
  });
});
