import type { ImportRejectionCode, ImportWarningCode } from './importProblems';

/** French and English labels of the import problem codes (the Sources screen and the CLI). */
export const importProblemLabels: Record<ImportRejectionCode | ImportWarningCode, { fr: string; en: string }> = {
  'column-count': { fr: 'Nombre de colonnes inattendu (trouvées/attendues)', en: 'Unexpected number of columns (found/expected)' },
  'missing-key': { fr: 'Clé de la fiche absente', en: 'Record key missing' },
  'duplicate-key': { fr: 'Clé déjà vue plus haut (à la ligne indiquée)', en: 'Key already seen earlier (on the line given)' },
  'undecodable-bytes': { fr: 'Octets illisibles dans l’encodage du fichier', en: 'Bytes not valid in the file’s encoding' },
  'invalid-key': { fr: 'Identifiant de la fiche invalide (clé de contrôle)', en: 'Invalid record identifier (check digit)' },
  'unknown-identifier-type': { fr: 'Type d’identifiant inconnu (8 = RPPS, 0 = ADELI attendus)', en: 'Unknown identifier type (expected 8 = RPPS or 0 = ADELI)' },
  'ldif-syntax': { fr: 'Ligne LDIF mal formée (« attribut: valeur » attendu)', en: 'Malformed LDIF line (expected "attribute: value")' },
  'ldif-base64': { fr: 'Valeur base64 invalide après « :: »', en: 'Invalid base64 value after "::"' },
  'ldif-url-value': { fr: 'Valeur par URL (« :< ») non prise en charge', en: 'URL value (":<") not supported' },
  'ldif-change-record': { fr: 'Enregistrement de modification (seul « changetype: add » est lu)', en: 'Change record (only "changetype: add" is read)' },
  'ldif-missing-dn': { fr: 'Entrée sans « dn: » en tête', en: 'Entry not starting with "dn:"' },
  'invalid-rpps': { fr: 'RPPS invalide (11 chiffres et clé de Luhn attendus, ou 8 + RPPS) : valeur ignorée', en: 'Invalid RPPS (expected 11 digits with a Luhn key, or 8 + RPPS): value dropped' },
  'unparseable-date': { fr: 'Date illisible dans le format déclaré : valeur ignorée', en: 'Date not in the declared format: value dropped' },
  'impossible-date': { fr: 'Date impossible (jour ou mois hors calendrier) : valeur ignorée', en: 'Impossible date (day or month out of the calendar): value dropped' },
  'placeholder-date': { fr: 'Date de naissance de remplissage (01/01/1900 pour « inconnue ») : valeur ignorée', en: 'Placeholder birth date (01/01/1900 for "unknown"): value dropped' },
  'unknown-code': { fr: 'Code inconnu : valeur ignorée', en: 'Unknown code: value dropped' },
  'invalid-finess': { fr: 'FINESS invalide (9 caractères attendus) : valeur ignorée', en: 'Invalid FINESS (expected 9 characters): value dropped' },
  'invalid-last-login': { fr: 'Date de dernière connexion illisible : valeur ignorée', en: 'Unreadable last login: value dropped' },
  'unsplit-full-name': { fr: 'Nom complet impossible à séparer en nom et prénom', en: 'Full name could not be split into last and first name' },
  'ldif-missing-blank-line': { fr: 'Nouvelle entrée « dn: » sans ligne vide avant : lue comme une entrée distincte', en: 'New "dn:" entry without a blank line before it: read as a separate entry' },
};
