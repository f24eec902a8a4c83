import type { MatchLevel } from './matchingConfig';

function dayNumber(iso: string): number | null {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.round(time / 86_400_000);
}

const fullDate = /^\d{4}-\d{2}-\d{2}$/;
const yearOnly = /^\d{4}$/;

/**
 * One keystroke apart on the digits: one digit mistyped or two neighbours swapped (1985/1958,
 * 10/01, and 1940-34-07 for 1943-04-07, typed 19430407). The commonest way a birth date goes wrong when typed from a form.
 */
function isOneKeystrokeApart(a: string, b: string): boolean {
  let first = -1;
  let differences = 0;
  for (let position = 0; position < a.length; position += 1) {
    if (a[position] === b[position]) continue;
    differences += 1;
    if (differences === 1) first = position;
    else if (differences > 2) return false;
  }
  if (differences === 1) return true;
  const second = first + 1;
  return differences === 2 && a[first] === b[second] && a[second] === b[first];
}

/**
 * Birth dates: exact, day and month swapped, one day apart (typing, time zone), one keystroke
 * apart (a digit mistyped or two swapped), same year only (or only a year known), or different.
 */
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
  // On the eight digits as typed in a row (YYYYMMDD exports, forms): a swap across the month also counts.
  if (isOneKeystrokeApart(a.replace(/-/g, ''), b.replace(/-/g, ''))) return 'typo';
  return yearA === yearB ? 'year' : 'different';
}
