import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, fr } from './messages';

export const supportedLanguages = ['fr', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];
const storageKey = 'guichet.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'fr';
}

export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    // A key missing in the language shown is recorded (the language walk test reads the list).
    saveMissing: true,
    saveMissingTo: 'current',
    missingKeyHandler: (languages, _namespace, key) => {
      const seen = ((window as unknown as { __guichetMissingKeys?: string[] }).__guichetMissingKeys ??= []);
      for (const language of languages) seen.push(`${language}:${key}`);
    },
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
