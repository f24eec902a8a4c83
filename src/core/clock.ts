/** Time comes in through this interface so tests (and expiry checks) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
