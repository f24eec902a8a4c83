import type { MatchLevel } from './matchingConfig';

function dayNumber(iso: string): number | null {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.round(time / 86_400_000);
}

const fullDate = /^\d{4}-\d{2}-\d{2}$/;
const yearOnly = /^\d{4}$/;

/** Birth dates: exact, day and month swapped, one day apart (typing, time zone), same year only (or only a year known), or different. */
export function compareBirthDates(a: string | null, b: string | null): MatchLevel {
  if (a === null || b === null) return 'missing';
  const [fullA, fullB] = [fullDate.test(a), fullDate.test(b)];
  if (!(fullA || yearOnly.test(a)) || !(fullB || yearOnly.test(b))) return 'missing';
  if (a === b) return fullA ? 'exact' : 'year';
  const [yearA, monthA, dayA] = a.split('-');
  const [yearB, monthB, dayB] = b.split('-');
  if (!fullA || !fullB) return yearA === yearB ? 'year' : 'different';
  if (yearA === yearB && monthA === dayB && dayA === monthB) return 'swapped';
  const [numberA, numberB] = [dayNumber(a), dayNumber(b)];
  if (numberA !== null && numberB !== null && Math.abs(numberA - numberB) === 1) return 'close';
  return yearA === yearB ? 'year' : 'different';
}
