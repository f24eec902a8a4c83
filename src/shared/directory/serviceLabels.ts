import type { LocalizedText } from '../api/errors';

/**
 * Hospital services by the code the HR export carries (CODE_SERVICE), as labels. The codes are
 * the hospital's own (those of the demo hospital "La Porte Verte"); the directory keeps the code,
 * screens show the label.
 */
export const serviceLabels: Record<string, LocalizedText> = {
  URG: { fr: 'Urgences', en: 'Emergency department' },
  REA: { fr: 'Réanimation', en: 'Intensive care' },
  CARD: { fr: 'Cardiologie', en: 'Cardiology' },
  PED: { fr: 'Pédiatrie', en: 'Paediatrics' },
  MAT: { fr: 'Maternité', en: 'Maternity' },
  CHIR: { fr: 'Chirurgie viscérale', en: 'Visceral surgery' },
  RADIO: { fr: 'Imagerie médicale', en: 'Medical imaging' },
  PHARM: { fr: 'Pharmacie à usage intérieur', en: 'Hospital pharmacy' },
  LABO: { fr: 'Laboratoire', en: 'Laboratory' },
  GER: { fr: 'Gériatrie', en: 'Geriatrics' },
  PSY: { fr: 'Psychiatrie', en: 'Psychiatry' },
  ADM: { fr: 'Direction des ressources humaines', en: 'Human resources' },
  DSI: { fr: 'Direction du numérique', en: 'IT department' },
  BADGE: { fr: 'Bureau des badges', en: 'Badge office' },
  LOG: { fr: 'Logistique', en: 'Logistics' },
};

/** What a service value looks like when it is a code rather than a name: short, no spaces, no lower case. */
const serviceCodePattern = /^[A-Z0-9][A-Z0-9_.-]{0,15}$/;

/**
 * A service for a person to read: a known code becomes its label, an unknown code is shown as a
 * code with a neutral wording, a name written out by a source (an AD department) stays as written.
 */
export function labelService(value: string | null | undefined, language: 'fr' | 'en'): string {
  if (value === null || value === undefined || value.trim() === '') return '—';
  const trimmed = value.trim();
  if (Object.hasOwn(serviceLabels, trimmed)) return serviceLabels[trimmed]![language];
  return serviceCodePattern.test(trimmed) ? `Service (code ${trimmed})` : trimmed;
}
