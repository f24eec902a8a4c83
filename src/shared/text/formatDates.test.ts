import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeInWords, formatDay, formatDayInWords, formatRelative, formatTime } from './formatDates';

const paris = { timeZone: 'Europe/Paris' };

describe('one date formatter per language', () => {
  it('writes a calendar day the French way and the unambiguous English way, never moved by a zone', () => {
    expect(formatDay('1962-01-16', 'fr')).toBe('16/01/1962');
    expect(formatDay('1962-01-16', 'en')).toBe('16 Jan 1962');
    expect(formatDay('1980-04-12', 'en', { timeZone: 'Pacific/Kiritimati' })).toBe('12 Apr 1980');
    expect(formatDay('2026-09-01', 'en')).toBe('1 Sep 2026');
    expect(formatDayInWords('1962-01-16', 'fr')).toBe('16 janvier 1962');
    expect(formatDayInWords('2026-12-01', 'fr')).toBe('1er décembre 2026');
    expect(formatDayInWords('1980-04-12', 'en')).toBe('12 April 1980');
  });

  it('writes an instant in the zone asked for, 24-hour in both languages', () => {
    // 07:00 UTC is 08:00 in Paris in winter, 09:00 in summer.
    expect(formatDateTime('2026-11-29T07:00:00.000Z', 'fr', paris)).toBe('29/11/2026 08:00');
    expect(formatDateTime('2026-11-29T07:00:00.000Z', 'en', paris)).toBe('29 Nov 2026, 08:00');
    expect(formatDateTime('2026-07-01T07:00:00Z', 'fr', paris)).toBe('01/07/2026 09:00');
    expect(formatTime('2026-11-28T19:50:00Z', 'fr', paris)).toBe('20:50');
    expect(formatTime('2026-11-28T19:50:00Z', 'en', { timeZone: 'UTC' })).toBe('19:50');
    // Late evening in UTC is already the next day in Paris.
    expect(formatDay('2026-12-31T23:30:00Z', 'fr', paris)).toBe('01/01/2027');
    expect(formatDateTimeInWords('2026-11-29T07:00:00Z', 'fr', paris)).toBe('29 novembre 2026 à 08:00');
    expect(formatDateTimeInWords('2026-11-29T07:00:00Z', 'en', paris)).toBe('29 November 2026 at 08:00');
    expect(formatDateTime(new Date('2026-11-29T07:00:00Z'), 'en', { timeZone: 'UTC' })).toBe('29 Nov 2026, 07:00');
    expect(formatDateTime('2026-11-29T07:00:05.120Z', 'fr', { ...paris, seconds: true })).toBe('29/11/2026 08:00:05');
    expect(formatDateTime('2026-11-29T07:00:05Z', 'en', { timeZone: 'UTC', seconds: true })).toBe('29 Nov 2026, 07:00:05');
    // A calendar day given where an instant is expected shows as a day, with no invented midnight.
    expect(formatDateTime('2026-11-29', 'fr')).toBe('29/11/2026');
  });

  it('shows nothing as a dash and anything unreadable as it came, never the American reading', () => {
    expect(formatDay(null, 'fr')).toBe('—');
    expect(formatDay('  ', 'en')).toBe('—');
    expect(formatDay('12/04/1980', 'fr')).toBe('12/04/1980');
    expect(formatDay('1980-02-30', 'fr')).toBe('1980-02-30');
    expect(formatDateTime('hier soir', 'fr')).toBe('hier soir');
    expect(formatDateTime(new Date(Number.NaN), 'fr')).toBe('—');
    expect(formatTime('2026-11-29', 'fr')).toBe('—');
  });

  it('says how long ago, then the day beyond a week', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(formatRelative('2026-11-29T11:59:30Z', now, 'fr')).toBe('à l’instant');
    expect(formatRelative('2026-11-29T11:55:00Z', now, 'fr')).toBe('il y a 5 min');
    expect(formatRelative('2026-11-29T11:55:00Z', now, 'en')).toBe('5 min ago');
    expect(formatRelative('2026-11-29T14:00:00Z', now, 'fr')).toBe('dans 2 h');
    expect(formatRelative('2026-11-26T12:00:00Z', now, 'fr')).toBe('il y a 3 j');
    expect(formatRelative('2026-11-26T12:00:00Z', now, 'en')).toBe('3 d ago');
    expect(formatRelative('2026-11-02T12:00:00Z', now, 'fr', paris)).toBe('le 02/11/2026');
    expect(formatRelative('2026-11-02T12:00:00Z', now, 'en', paris)).toBe('on 2 Nov 2026');
    expect(formatRelative(null, now, 'fr')).toBe('—');
  });
});
