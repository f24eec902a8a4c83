import { describe, expect, it } from 'vitest';
import { DeskError } from '../shared/api/errors';
import { describeStartupError } from './describeStartupError';

describe('describeStartupError', () => {
  it('speaks French on a French workstation and gives the cause', () => {
    const text = describeStartupError(new Error('database is locked'), 'fr-FR');
    expect(text.title).toBe('Guichet ne peut pas démarrer');
    expect(text.content).toContain('database is locked');
  });

  it('uses the localized message of a desk error, and English elsewhere', () => {
    const error = new DeskError('UNAVAILABLE', { fr: 'Base verrouillée.', en: 'Database locked.' });
    expect(describeStartupError(error, 'fr').content).toMatch(/^Base verrouillée\./);
    const english = describeStartupError(error, 'en-GB');
    expect(english.title).toBe('Guichet cannot start');
    expect(english.content).toMatch(/^Database locked\./);
    expect(describeStartupError('plain', 'de').content).toMatch(/^plain/);
  });
});
