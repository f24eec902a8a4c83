import { describe, expect, it } from 'vitest';
import { en, fr } from '../../i18n/messages';
import { importProblemKey } from './importProblemKey';

describe('importProblemKey', () => {
  it('labels every code in French and English, and leaves an older sentence as it was', () => {
    expect(importProblemKey('invalid-rpps')).toBe('sources.problem.invalid-rpps');
    expect(fr['sources.problem.invalid-rpps']).toMatch(/RPPS invalide/);
    expect(en['sources.problem.ldif-missing-blank-line']).toMatch(/without a blank line/);
    expect(importProblemKey('expected 4 columns, found 2')).toBeNull();
    expect(importProblemKey('toString')).toBeNull();
  });
});
