import { describe, expect, it } from 'vitest';
import { deskMethods } from './contract';
import { describeInputIssues } from './describeInputIssues';

const refuse = (method: keyof typeof deskMethods, input: unknown) => {
  const parsed = deskMethods[method].input.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return describeInputIssues(parsed.error.issues);
};

describe('describeInputIssues', () => {
  it('says in French what is wrong with what was typed, naming the field', () => {
    expect(refuse('searchPeople', { query: 'x'.repeat(201) }).fr).toBe('Saisie refusée : La recherche dépasse 200 caractères.');
    expect(refuse('searchPeople', { query: '   ' }).fr).toBe('Saisie refusée : La recherche est vide.');
    expect(refuse('searchPeople', { query: 'a', extra: 1 }).fr).toBe('Saisie refusée : Champ(s) inconnu(s) : extra.');
    expect(refuse('searchPeople', { query: 42 }).fr).toMatch(/^Saisie refusée : La recherche n’a pas le type attendu/);
    expect(refuse('searchPeople', { query: 'x'.repeat(201) }).en).toBe('Input refused: The search is above 200 characters.'.replace('is above 200 characters', 'is too long (at most 200 characters)'));
  });

  it('never shows zod’s English words in French', () => {
    const text = refuse('searchPeople', { query: 'x'.repeat(300), limit: 10_000 }).fr;
    expect(text).not.toMatch(/Too big|Invalid|expected|Required/);
  });
});
