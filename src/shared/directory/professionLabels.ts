import type { LocalizedText } from '../api/errors';

/** Health professions of the TRE_G15 nomenclature (code profession of the RPPS), as labels. */
export const professionLabels: Record<string, LocalizedText> = {
  '10': { fr: 'Médecin', en: 'Physician' },
  '21': { fr: 'Pharmacien', en: 'Pharmacist' },
  '26': { fr: 'Audioprothésiste', en: 'Hearing-aid specialist' },
  '28': { fr: 'Opticien-lunetier', en: 'Optician' },
  '31': { fr: 'Assistant dentaire', en: 'Dental assistant' },
  '35': { fr: 'Aide-soignant', en: 'Care assistant' },
  '36': { fr: 'Ambulancier', en: 'Ambulance worker' },
  '37': { fr: 'Auxiliaire de puériculture', en: 'Childcare auxiliary' },
  '38': { fr: 'Préparateur en pharmacie', en: 'Pharmacy technician' },
  '40': { fr: 'Chirurgien-dentiste', en: 'Dental surgeon' },
  '50': { fr: 'Sage-femme', en: 'Midwife' },
  '60': { fr: 'Infirmier', en: 'Nurse' },
  '69': { fr: 'Infirmier psychiatrique', en: 'Psychiatric nurse' },
  '70': { fr: 'Masseur-kinésithérapeute', en: 'Physiotherapist' },
  '80': { fr: 'Pédicure-podologue', en: 'Podiatrist' },
  '81': { fr: 'Orthoprothésiste', en: 'Orthoprosthetist' },
  '82': { fr: 'Podo-orthésiste', en: 'Podo-orthotist' },
  '83': { fr: 'Orthopédiste-orthésiste', en: 'Orthotist' },
  '84': { fr: 'Oculariste', en: 'Ocularist' },
  '85': { fr: 'Épithésiste', en: 'Epithesist' },
  '86': { fr: 'Technicien de laboratoire médical', en: 'Medical laboratory technician' },
  '91': { fr: 'Orthophoniste', en: 'Speech therapist' },
  '92': { fr: 'Orthoptiste', en: 'Orthoptist' },
  '93': { fr: 'Psychologue', en: 'Psychologist' },
  '94': { fr: 'Ergothérapeute', en: 'Occupational therapist' },
  '95': { fr: 'Diététicien', en: 'Dietitian' },
  '96': { fr: 'Psychomotricien', en: 'Psychomotor therapist' },
  '98': { fr: 'Manipulateur en électroradiologie', en: 'Radiographer' },
};

/** A profession for a person to read: a TRE_G15 code becomes its label, an HR label stays as written. */
export function labelProfession(value: string | null, language: 'fr' | 'en'): string {
  if (value === null || value.trim() === '') return '—';
  const trimmed = value.trim();
  if (!/^\d{2}$/.test(trimmed)) return trimmed;
  return professionLabels[trimmed]?.[language] ?? (language === 'fr' ? `Profession (code ${trimmed})` : `Profession (code ${trimmed})`);
}
