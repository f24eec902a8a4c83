import { describe, expect, it } from 'vitest';
import { computeTemporaryEnd } from './computeTemporaryEnd';
import { defaultNightDeskSettings } from './nightDeskSettings';

describe('computeTemporaryEnd', () => {
  it('ends at the next shift change plus the margin, in Paris winter time', () => {
    // 03:10 in Paris (UTC+1): next change 07:00 Paris = 06:00Z, plus one hour.
    const { defaultEnd, latestEnd } = computeTemporaryEnd(new Date('2026-11-29T02:10:00Z'), defaultNightDeskSettings);
    expect(defaultEnd.toISOString()).toBe('2026-11-29T07:00:00.000Z');
    expect(latestEnd.toISOString()).toBe('2026-12-02T02:10:00.000Z');
  });

  it('follows daylight saving time (Paris UTC+2 in July)', () => {
    // 22:30 Paris = 20:30Z; next change 07:00 Paris next day = 05:00Z; margin 30 min.
    const { defaultEnd } = computeTemporaryEnd(new Date('2026-07-14T20:30:00Z'), { ...defaultNightDeskSettings, marginMinutes: 30 });
    expect(defaultEnd.toISOString()).toBe('2026-07-15T05:30:00.000Z');
  });

  it('crosses midnight: 21:00 is passed, the next change is tomorrow morning', () => {
    const { defaultEnd } = computeTemporaryEnd(new Date('2026-11-29T20:00:01Z'), { ...defaultNightDeskSettings, marginMinutes: 0 });
    expect(defaultEnd.toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  it('never proposes more than the hard maximum', () => {
    const { defaultEnd, latestEnd } = computeTemporaryEnd(new Date('2026-11-29T06:30:00Z'), { ...defaultNightDeskSettings, shiftChanges: ['07:00'], maxHours: 2 });
    expect(defaultEnd).toEqual(latestEnd);
    expect(latestEnd.toISOString()).toBe('2026-11-29T08:30:00.000Z');
  });
});
