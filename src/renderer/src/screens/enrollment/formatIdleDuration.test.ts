import { describe, expect, it } from 'vitest';
import { en, fr } from '../../i18n/messages';
import { formatIdleDuration } from './formatIdleDuration';

describe('the idle lock gives its reason', () => {
  it('names the idle time in whole minutes, else in seconds', () => {
    expect(formatIdleDuration(300)).toBe('5 min');
    expect(formatIdleDuration(90)).toBe('90 s');
    expect(formatIdleDuration(30)).toBe('30 s');
  });

  it('says in both languages that the lock came after that long without activity', () => {
    expect(fr['enrollment.locked.inactivity']?.replace('{{duration}}', formatIdleDuration(300))).toBe('Guichet verrouillé après 5 min sans activité : identifiez-vous à nouveau.');
    expect(en['enrollment.locked.inactivity']?.replace('{{duration}}', formatIdleDuration(300))).toBe('Desk locked after 5 min without activity: log in again.');
  });
});
