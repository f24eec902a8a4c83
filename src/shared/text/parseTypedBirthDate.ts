/** What an agent typed as a birth date, read day first as in France. */
export type TypedBirthDate = { ok: true; iso: string } | { ok: false; reason: 'format' | 'impossible' | 'future' | 'too-old' };

/**
 * Reads `12/04/1980`, `12-04-1980`, `12.04.1980`, `12041980` or `1980-04-12` — always day before
 * month (a desk in France; the browser's own date field would follow its locale and turn 12/04
 * into 4 December) — and refuses impossible days and dates after `today` or before 1900.
 */
export function parseTypedBirthDate(text: string, today: string): TypedBirthDate {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  let match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (match !== null) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match === null) return { ok: false, reason: 'format' };
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return { ok: false, reason: 'impossible' };
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) return { ok: false, reason: 'future' };
  if (year < 1900) return { ok: false, reason: 'too-old' };
  return { ok: true, iso };
}
