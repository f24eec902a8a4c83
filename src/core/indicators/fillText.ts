import type { LocalizedText } from '../../shared/api/errors';

/** `{name}` placeholders of a French/English text filled with French/English values. */
export function fillText(text: LocalizedText, params: Record<string, LocalizedText> = {}): LocalizedText {
  const fill = (template: string, language: 'fr' | 'en') => template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name]?.[language] ?? whole);
  return { fr: fill(text.fr, 'fr'), en: fill(text.en, 'en') };
}
