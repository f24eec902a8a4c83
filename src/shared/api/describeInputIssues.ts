import type { z } from 'zod';
import type { LocalizedText } from './errors';

/** Fields people type, by name: what a message calls them. Others are named by their path. */
const fieldNames: Record<string, LocalizedText> = {
  query: { fr: 'la recherche', en: 'the search' },
  reason: { fr: 'le motif', en: 'the reason' },
  pin: { fr: 'le code', en: 'the PIN' },
  person: { fr: 'la personne', en: 'the person' },
  agent: { fr: 'l’agent', en: 'the agent' },
  desk: { fr: 'le poste', en: 'the desk' },
  from: { fr: 'la date de début', en: 'the start date' },
  to: { fr: 'la date de fin', en: 'the end date' },
  validUntil: { fr: 'la fin de validité', en: 'the end of validity' },
  birthDate: { fr: 'la date de naissance', en: 'the birth date' },
  lastName: { fr: 'le nom', en: 'the last name' },
  firstName: { fr: 'le prénom', en: 'the first name' },
  label: { fr: 'le libellé', en: 'the label' },
  limit: { fr: 'le nombre de résultats', en: 'the number of results' },
};

function fieldOf(issue: z.core.$ZodIssue): LocalizedText {
  const last = [...issue.path].reverse().find((part) => typeof part === 'string');
  const known = last === undefined ? undefined : fieldNames[last];
  if (known !== undefined) return known;
  const path = issue.path.length === 0 ? null : issue.path.map(String).join('.');
  return path === null ? { fr: 'la demande', en: 'the request' } : { fr: `le champ « ${path} »`, en: `the field “${path}”` };
}

function describeIssue(issue: z.core.$ZodIssue): LocalizedText {
  const field = fieldOf(issue);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? { fr: `${field.fr} dépasse ${String(issue.maximum)} caractères`, en: `${field.en} is too long (at most ${String(issue.maximum)} characters)` }
        : { fr: `${field.fr} dépasse ${String(issue.maximum)}`, en: `${field.en} is above ${String(issue.maximum)}` };
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? { fr: `${field.fr} est vide`, en: `${field.en} is empty` }
        : issue.origin === 'string'
          ? { fr: `${field.fr} compte moins de ${String(issue.minimum)} caractères`, en: `${field.en} is too short (at least ${String(issue.minimum)} characters)` }
          : { fr: `${field.fr} est sous ${String(issue.minimum)}`, en: `${field.en} is below ${String(issue.minimum)}` };
    case 'invalid_type':
      return { fr: `${field.fr} n’a pas le type attendu (${issue.expected})`, en: `${field.en} is not of the expected type (${issue.expected})` };
    case 'unrecognized_keys':
      return { fr: `champ(s) inconnu(s) : ${issue.keys.join(', ')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_value':
    case 'invalid_union':
      return { fr: `${field.fr} n’est pas une valeur reconnue`, en: `${field.en} is not a recognised value` };
    case 'invalid_format':
      return { fr: `${field.fr} n’a pas le format attendu`, en: `${field.en} is not in the expected format` };
    default:
      // Custom refinements carry their own (French) message.
      return { fr: `${field.fr} : ${issue.message}`, en: `${field.en}: ${issue.message}` };
  }
}

/** Why the desk refused a call's input, in sentences a person reads (French first). */
export function describeInputIssues(issues: readonly z.core.$ZodIssue[]): LocalizedText {
  const parts = issues.slice(0, 5).map(describeIssue);
  const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return {
    fr: `Saisie refusée : ${capitalize(parts.map((part) => part.fr).join(' ; '))}.`,
    en: `Input refused: ${capitalize(parts.map((part) => part.en).join('; '))}.`,
  };
}
