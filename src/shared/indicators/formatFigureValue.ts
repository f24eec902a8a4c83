import type { IndicatorUnit } from '../api/indicators.contract';

const units: Record<IndicatorUnit, { fr: string; en: string }> = {
  count: { fr: '', en: '' },
  percent: { fr: ' %', en: '%' },
  days: { fr: ' j', en: ' d' },
  minutes: { fr: ' min', en: ' min' },
  ratio: { fr: '', en: '' },
};

/** A figure as people read it: "66,7 %", "12 j", "—" when there is nothing to measure. */
export function formatFigureValue(value: number | null, unit: IndicatorUnit, language: 'fr' | 'en'): string {
  if (value === null) return '—';
  const number = value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit === 'ratio' ? 2 : 1 });
  return `${number}${units[unit][language]}`;
}
