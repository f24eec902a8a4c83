import { foldName } from './normalizeName';

/** TRE_G15 codes by folded label fragments, as HR grades and application roles spell them. */
const professionPatterns: readonly [RegExp, string][] = [
  // First: a hospital pharmacist is a "pharmacien praticien hospitalier".
  [/\bPHARMACIEN/, '21'],
  [/\b(MEDECIN|PRATICIEN|INTERNE|CHIRURGIEN(?! DENTISTE)|PH\b|DOCTEUR|ASSISTANT SPECIALISTE|ASSISTANT HOSPITALO UNIVERSITAIRE|CHEF DE CLINIQUE|FFI\b|FAISANT FONCTION D INTERNE)/, '10'],
  [/\bAUDIOPROTHESISTE/, '26'],
  [/\bAIDE SOIGNANT/, '35'],
  [/\bAMBULANCIER/, '36'],
  [/\bAUXILIAIRE DE PUERICULTURE/, '37'],
  [/\bPREPARATEUR/, '38'],
  [/\bCHIRURGIEN DENTISTE|\bDENTISTE/, '40'],
  [/\bSAGE FEMME|\bMAIEUTICIEN/, '50'],
  [/\bINFIRMIER PSY/, '69'],
  [/\b(INFIRMIER|INFIRMIERE|IDE\b|IBODE|IADE|PUERICULTRICE)/, '60'],
  [/\bKINESITHERAPEUTE|\bMASSEUR/, '70'],
  [/\bTECHNICIEN(NE)? (NE )?DE LABORATOIRE/, '86'],
  [/\bORTHOPHONISTE/, '91'],
  [/\bORTHOPTISTE/, '92'],
  [/\bERGOTHERAPEUTE/, '94'],
  [/\bDIETETICIEN/, '95'],
  [/\bPSYCHOMOTRICIEN/, '96'],
  [/\bMANIPULATEUR/, '98'],
];

/** A profession as a TRE_G15 code: a code is kept, a label is mapped, anything else gives null. */
export function mapProfessionCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (/^\d{2}$/.test(value.trim())) return value.trim();
  const folded = foldName(value);
  for (const [pattern, code] of professionPatterns) if (pattern.test(folded)) return code;
  return null;
}
