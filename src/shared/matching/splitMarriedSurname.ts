import { surnameTokens } from './normalizeName';

/** Words that join a birth name to a married name in French civil-status style, folded ("épouse", "ép.", "veuve"…). */
const birthThenUsage: ReadonlySet<string> = new Set(['EPOUSE', 'EPSE', 'EP', 'EPOUX', 'VEUVE', 'VVE', 'VEUF']);
/** "née", "né": the usage name comes first, the birth name after. */
const usageThenBirth: ReadonlySet<string> = new Set(['NEE', 'NE']);

export interface MarriedSurname {
  /** Folded surname tokens of the name in use (the spouse's for a married woman). */
  usage: string;
  /** Folded surname tokens of the birth name. */
  birth: string;
}

/**
 * Reads a surname written in the administrative form that carries both names — "DUPONT épouse
 * MARTIN", "DUPONT ép. MARTIN", "DUPONT veuve MARTIN" (birth name first) or "MARTIN née DUPONT"
 * (usage name first) — into its two names, folded and without particles. Null for any other
 * surname, or when a side is empty.
 */
export function splitMarriedSurname(text: string | null | undefined): MarriedSurname | null {
  return splitMarriedTokens(surnameTokens(text));
}

/** `splitMarriedSurname` on a surname's tokens already folded, particles dropped. */
export function splitMarriedTokens(tokens: readonly string[]): MarriedSurname | null {
  for (let position = 1; position < tokens.length - 1; position += 1) {
    const word = tokens[position]!;
    const birthFirst = birthThenUsage.has(word);
    if (!birthFirst && !usageThenBirth.has(word)) continue;
    const before = tokens.slice(0, position).join(' ');
    const after = tokens.slice(position + 1).join(' ');
    return birthFirst ? { usage: after, birth: before } : { usage: before, birth: after };
  }
  return null;
}
