import type { LocalizedText } from '../api/errors';

/** Kinds of identification means as people name them (the codes stay in data, journal and CLI JSON). */
export const meansKindLabels: Record<string, LocalizedText> = {
  cps: { fr: 'Carte CPS', en: 'CPS card' },
  badge: { fr: 'Badge', en: 'Badge' },
  fido: { fr: 'Clé FIDO2', en: 'FIDO2 key' },
  'temporary-badge': { fr: 'Badge temporaire', en: 'Temporary badge' },
};

export function labelMeansKind(kind: string, language: 'fr' | 'en'): string {
  return Object.hasOwn(meansKindLabels, kind) ? meansKindLabels[kind]![language] : kind;
}
