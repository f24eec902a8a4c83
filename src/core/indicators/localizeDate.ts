import type { LocalizedText } from '../../shared/api/errors';
import { formatDateTime, formatDay } from '../../shared/text/formatDates';
import { deskTimeZone } from '../clock';

/** A day for an indicator's list, in both languages and the hospital's zone: `02/12/2026` · `2 Dec 2026`. */
export function localizeDay(value: string): LocalizedText {
  return { fr: formatDay(value, 'fr', { timeZone: deskTimeZone }), en: formatDay(value, 'en', { timeZone: deskTimeZone }) };
}

/** An instant for an indicator's list: `29/11/2026 08:00` · `29 Nov 2026, 08:00`. */
export function localizeDateTime(value: string): LocalizedText {
  return { fr: formatDateTime(value, 'fr', { timeZone: deskTimeZone }), en: formatDateTime(value, 'en', { timeZone: deskTimeZone }) };
}
