import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a presented token with the expected one. */
export function isSameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
