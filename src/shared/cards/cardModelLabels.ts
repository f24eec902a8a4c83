import type { LocalizedText } from '../api/errors';
import type { CardType } from './cardTypes';

/** Card models as people name them (the reader's codes stay in data and the CLI's JSON). */
export const cardModelLabels: Record<CardType, LocalizedText> = {
  CPS3: { fr: 'Carte CPS 3', en: 'CPS 3 card' },
  CPS4: { fr: 'Carte CPS 4', en: 'CPS 4 card' },
  MIFARE_CLASSIC_1K: { fr: 'MIFARE Classic 1K', en: 'MIFARE Classic 1K' },
  MIFARE_CLASSIC_4K: { fr: 'MIFARE Classic 4K', en: 'MIFARE Classic 4K' },
  MIFARE_MINI: { fr: 'MIFARE Mini', en: 'MIFARE Mini' },
  MIFARE_ULTRALIGHT: { fr: 'MIFARE Ultralight (ticket visiteur)', en: 'MIFARE Ultralight (visitor ticket)' },
  DESFIRE: { fr: 'MIFARE DESFire', en: 'MIFARE DESFire' },
  UNKNOWN: { fr: 'Modèle inconnu', en: 'Unknown model' },
};

export function labelCardModel(code: string | null, language: 'fr' | 'en'): string {
  if (code === null || code === '') return '—';
  const known = (cardModelLabels as Record<string, LocalizedText>)[code];
  return known === undefined ? (language === 'fr' ? `Modèle ${code}` : `Model ${code}`) : known[language];
}
