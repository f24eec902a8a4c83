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

  // Someone arriving less than an hour before a change is starting that shift: their card lasts to its end.
  it.each([
    ['a 20:50 arrival (winter) starts the night shift: next morning 07:00 + 1 h', '2026-12-03T19:50:00Z', '2026-12-04T07:00:00.000Z'],
    ['20:00 sharp, an hour before 21:00, starts the night shift too', '2026-12-03T19:00:00Z', '2026-12-04T07:00:00.000Z'],
    ['19:59, more than an hour before, finishes the afternoon shift: 21:00 + 1 h', '2026-12-03T18:59:00Z', '2026-12-03T21:00:00.000Z'],
    ['13:30 starts the afternoon shift: 21:00 + 1 h', '2026-12-03T12:30:00Z', '2026-12-03T21:00:00.000Z'],
    ['06:45 starts the morning shift: 14:00 + 1 h', '2026-12-03T05:45:00Z', '2026-12-03T14:00:00.000Z'],
    ['00:30 is inside the night shift: 07:00 + 1 h', '2026-12-03T23:30:00Z', '2026-12-04T07:00:00.000Z'],
    ['20:50 on the eve of the spring change (UTC+1 → UTC+2): 07:00 summer time + 1 h', '2027-03-27T19:50:00Z', '2027-03-28T06:00:00.000Z'],
    ['20:50 on the eve of the autumn change (UTC+2 → UTC+1): 07:00 winter time + 1 h', '2026-10-24T18:50:00Z', '2026-10-25T07:00:00.000Z'],
  ])('%s', (_, now, expected) => {
    expect(computeTemporaryEnd(new Date(now), defaultNightDeskSettings).defaultEnd.toISOString()).toBe(expected);
  });

  it('never proposes more than the hard maximum', () => {
    const { defaultEnd, latestEnd } = computeTemporaryEnd(new Date('2026-11-29T06:30:00Z'), { ...defaultNightDeskSettings, shiftChanges: ['07:00'], maxHours: 2 });
    expect(defaultEnd).toEqual(latestEnd);
    expect(latestEnd.toISOString()).toBe('2026-11-29T08:30:00.000Z');
  });
});
