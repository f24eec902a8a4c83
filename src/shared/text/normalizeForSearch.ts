/**
 * Folds text for accent- and case-tolerant search: "Hélène D'Aubigné-Œuvray" → "helene d aubigne oeuvray".
 * Ligatures are expanded first because NFD does not decompose Œ or Æ.
 */
export function normalizeForSearch(text: string): string {
  // Most names are plain ASCII: nothing to decompose (a third of an import's parsing time otherwise).
  if (/^[ -~]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .replace(/œ/gi, (m) => (m === 'Œ' ? 'OE' : 'oe'))
    .replace(/æ/gi, (m) => (m === 'Æ' ? 'AE' : 'ae'))
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a query into folded tokens, dropping empties. */
export function tokenizeForSearch(text: string): string[] {
  const folded = normalizeForSearch(text);
  return folded === '' ? [] : folded.split(' ');
}
