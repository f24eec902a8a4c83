/**
 * The one way dates reach people, per language.
 *
 * French: `16/01/1962`, `16/01/1962 20:50`, in words `16 janvier 1962` — the forms agents read and
 * type. English: `16 Jan 1962`, `16 Jan 1962, 20:50`, in words `16 January 1962` — the month
 * written out because an English reader of a French hospital's desk cannot tell 01/02 (UK) from
 * 01/02 (US); a numeric English date would either be misread or disagree with the French one next
 * to it. Hours are 24-hour in both languages (shifts change at 07:00 and 19:00).
 *
 * A value `YYYY-MM-DD` is a calendar day (a birth date, a contract end) and is never moved by a time
 * zone. A value with a time is an instant, shown in `timeZone` (default: the zone of the machine
 * that shows it — the desk's). Month names come from tables here, not from the runtime's locale
 * data, so that Node (receipts, exports) and Chromium (screens) write the same text.
 */
export type DateLanguage = 'fr' | 'en';

export interface DateFormatOptions {
  /** IANA zone for instants (`Europe/Paris`); the machine's own zone when absent. */
  timeZone?: string | undefined;
  /** Seconds too (`08:00:05`): the journal, where acts a few seconds apart must read in order. */
  seconds?: boolean | undefined;
}

type DateValue = string | Date | null | undefined;

const monthNames: Record<DateLanguage, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const shortEnglishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** False for a calendar day: there is no time to show. */
  hasTime: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The parts of a value in the zone asked for, or null when the value is no date at all. */
function readParts(value: string | Date, timeZone: string | undefined): DateParts | null {
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (day !== null) {
      const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
      const check = new Date(Date.UTC(year, month - 1, date));
      if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
      return { year, month, day: date, hour: 0, minute: 0, second: 0, hasTime: false };
    }
    // Only ISO instants: `new Date('12/04/1980')` would read a French date the American way.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.trim())) return null;
  }
  const instant = typeof value === 'string' ? new Date(value.trim()) : value;
  if (Number.isNaN(instant.getTime())) return null;
  if (timeZone === undefined) {
    return { year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate(), hour: instant.getHours(), minute: instant.getMinutes(), second: instant.getSeconds(), hasTime: true };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), hasTime: true };
}

/** Formats what parses; shows a dash for nothing and anything unreadable as it came (bad input loses nothing). */
function formatWith(value: DateValue, timeZone: string | undefined, write: (parts: DateParts) => string): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return '—';
  const parts = readParts(value, timeZone);
  return parts === null ? (typeof value === 'string' ? value : '—') : write(parts);
}

const writeDay = (parts: DateParts, language: DateLanguage) =>
  language === 'fr' ? `${pad(parts.day)}/${pad(parts.month)}/${parts.year}` : `${parts.day} ${shortEnglishMonths[parts.month - 1]} ${parts.year}`;
const writeTime = (parts: DateParts, seconds = false) => `${pad(parts.hour)}:${pad(parts.minute)}${seconds ? `:${pad(parts.second)}` : ''}`;
const writeDayInWords = (parts: DateParts, language: DateLanguage) => `${parts.day === 1 && language === 'fr' ? '1er' : parts.day} ${monthNames[language][parts.month - 1]} ${parts.year}`;

/** A day: `16/01/1962` · `16 Jan 1962`. An instant shows its day in the zone. */
export function formatDay(value: DateValue, language: DateLanguage, { timeZone }: DateFormatOptions = {}): string {
  return formatWith(value, timeZone, (parts) => writeDay(parts, language));
}

/** A day in words, for sentences and receipts: `16 janvier 1962` · `16 January 1962`. */
export function formatDayInWords(value: DateValue, language: DateLanguage, { timeZone }: DateFormatOptions = {}): string {
  return formatWith(value, timeZone, (parts) => writeDayInWords(parts, language));
}

/** An instant: `29/11/2026 08:00` · `29 Nov 2026, 08:00`. A calendar day shows as a day. */
export function formatDateTime(value: DateValue, language: DateLanguage, { timeZone, seconds = false }: DateFormatOptions = {}): string {
  return formatWith(value, timeZone, (parts) => {
    if (!parts.hasTime) return writeDay(parts, language);
    return language === 'fr' ? `${writeDay(parts, language)} ${writeTime(parts, seconds)}` : `${writeDay(parts, language)}, ${writeTime(parts, seconds)}`;
  });
}

/** An instant in words: `29 novembre 2026 à 08:00` · `29 November 2026 at 08:00`. */
export function formatDateTimeInWords(value: DateValue, language: DateLanguage, { timeZone }: DateFormatOptions = {}): string {
  return formatWith(value, timeZone, (parts) => {
    if (!parts.hasTime) return writeDayInWords(parts, language);
    return `${writeDayInWords(parts, language)} ${language === 'fr' ? 'à' : 'at'} ${writeTime(parts)}`;
  });
}

/** The time of an instant: `20:50` in both languages. */
export function formatTime(value: DateValue, _language: DateLanguage, { timeZone }: DateFormatOptions = {}): string {
  return formatWith(value, timeZone, (parts) => (parts.hasTime ? writeTime(parts) : '—'));
}

/**
 * How long ago (or until when) an instant is from `now`: `à l’instant`, `il y a 5 min`, `dans 2 h`,
 * `il y a 3 j`; beyond a week the day itself (`le 02/11/2026`), which reads better than `il y a 45 j`.
 */
export function formatRelative(value: DateValue, now: Date, language: DateLanguage, { timeZone }: DateFormatOptions = {}): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return '—';
  if (readParts(value, timeZone)?.hasTime !== true) return formatDay(value, language, { timeZone });
  const instant = typeof value === 'string' ? new Date(value.trim()) : value;
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return language === 'fr' ? 'à l’instant' : 'just now';
  if (magnitude >= 7 * 86_400) return `${language === 'fr' ? 'le' : 'on'} ${formatDay(instant, language, { timeZone })}`;
  const span =
    magnitude < 3600 ? `${Math.round(magnitude / 60)} min` : magnitude < 86_400 ? `${Math.round(magnitude / 3600)} h` : `${Math.round(magnitude / 86_400)} ${language === 'fr' ? 'j' : 'd'}`;
  if (seconds < 0) return language === 'fr' ? `il y a ${span}` : `${span} ago`;
  return language === 'fr' ? `dans ${span}` : `in ${span}`;
}
