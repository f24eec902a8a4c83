import type { ComparisonLevel } from './matchingConfig';

function dayNumber(iso: string): number | null {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.round(time / 86_400_000);
}

/** Birth dates: exact, day and month swapped, one day apart (typing, time zone), or different. */
export function compareBirthDates(a: string | null, b: string | null): ComparisonLevel {
  if (a === null || b === null || !/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return 'missing';
  if (a === b) return 'exact';
  const [yearA, monthA, dayA] = a.split('-');
  const [yearB, monthB, dayB] = b.split('-');
  if (yearA === yearB && monthA === dayB && dayA === monthB) return 'swapped';
  const [numberA, numberB] = [dayNumber(a), dayNumber(b)];
  if (numberA !== null && numberB !== null && Math.abs(numberA - numberB) === 1) return 'close';
  return 'different';
}
