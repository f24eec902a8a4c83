import { describe, expect, it } from 'vitest';
import { countInteraction, elapsedSeconds, formatDeskTime, fromDateTimeLocal, idleMeter, toDateTimeLocal } from './nightDeskFlow';

describe('night desk flow meter', () => {
  it('starts the timer at the first action and counts a typed field once', () => {
    const t0 = new Date('2026-11-29T02:00:00Z');
    let meter = countInteraction(idleMeter, t0, 'search');
    meter = countInteraction(meter, new Date('2026-11-29T02:00:03Z'), 'search');
    meter = countInteraction(meter, new Date('2026-11-29T02:00:09Z'));
    meter = countInteraction(meter, new Date('2026-11-29T02:00:20Z'));
    expect(meter).toEqual({ startedAt: t0.toISOString(), interactions: 3, touchedFields: ['search'] });
    expect(elapsedSeconds(meter, new Date('2026-11-29T02:01:05Z'))).toBe(65);
    expect(elapsedSeconds(idleMeter, t0)).toBe(0);
  });

  it('formats desk time for the agent', () => {
    expect(formatDeskTime(48)).toBe('48 s');
    expect(formatDeskTime(65)).toBe('1 min 05 s');
  });

  it('round-trips the end time through a datetime-local field and rejects an incomplete one', () => {
    const iso = '2026-11-29T07:00:00.000Z';
    expect(fromDateTimeLocal(toDateTimeLocal(iso))).toBe(iso);
    expect(fromDateTimeLocal('2026-11-29T07')).toBeNull();
  });
});
