/** Time comes in through this interface so tests (and expiry checks) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The hospital's zone: texts for people (receipts, exports, messages) show instants in it, whatever the server's own zone. */
export const deskTimeZone = 'Europe/Paris';

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
