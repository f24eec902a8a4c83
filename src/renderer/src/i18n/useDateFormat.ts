import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDateTimeInWords, formatDay, formatDayInWords, formatRelative, formatTime, type DateLanguage } from '../../../shared/text/formatDates';

type DateValue = Parameters<typeof formatDay>[0];

/** The desk's date formatter in the language shown (screens never format a date themselves). */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const language: DateLanguage = i18n.language.startsWith('en') ? 'en' : 'fr';
  return useMemo(
    () => ({
      language,
      day: (value: DateValue) => formatDay(value, language),
      dayInWords: (value: DateValue) => formatDayInWords(value, language),
      dateTime: (value: DateValue) => formatDateTime(value, language),
      dateTimeWithSeconds: (value: DateValue) => formatDateTime(value, language, { seconds: true }),
      dateTimeInWords: (value: DateValue) => formatDateTimeInWords(value, language),
      time: (value: DateValue) => formatTime(value, language),
      relative: (value: DateValue, now: Date) => formatRelative(value, now, language),
    }),
    [language],
  );
}
