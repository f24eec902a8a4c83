/** Particles dropped from surnames, folded: "de La Fontaine", "D'Almeida", "Van den Berg" all compare on their core. */
export const surnameParticles: ReadonlySet<string> = new Set(['DE', 'DU', 'DES', 'LE', 'LA', 'LES', 'D', 'L', 'DA', 'DOS', 'DAS', 'DI', 'VAN', 'VON', 'DEN', 'DER', 'Y']);

/**
 * Folds a name for comparison: upper case, no diacritics (Œ → OE, Æ → AE), hyphens, apostrophes and
 * punctuation become spaces. "Lœuillet-D'Aubigné" → "LOEUILLET D AUBIGNE".
 */
const foldCache = new Map<string, string>();

export function foldName(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .replace(/[œŒ]/g, 'OE')
    .replace(/[æÆ]/g, 'AE')
    .replace(/ß/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  // Names repeat a lot across sources and rows: folding each spelling once is enough.
  if (foldCache.size > 500_000) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

/** Surname tokens without particles (keeps a lone particle, e.g. the surname "LE"). */
export function surnameTokens(text: string | null | undefined): string[] {
  const tokens = foldName(text).split(' ').filter((token) => token !== '');
  const core = tokens.filter((token) => !surnameParticles.has(token));
  return core.length > 0 ? core : tokens;
}
