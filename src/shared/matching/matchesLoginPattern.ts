function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Strips separators and a trailing number: "jdupont2", "j.dupont.123" → "jdupont". */
function loginCore(login: string): string {
  return squeeze(login).replace(/\d+$/, '');
}

/**
 * True when an account name or e-mail local part follows one of the usual patterns built from the
 * given names and surnames (prenom.nom, pnom, p.nom, nom_pre, nom.prenom, nomp), possibly truncated.
 */
export function matchesLoginPattern(login: string, firstNames: readonly string[], lastNames: readonly string[]): boolean {
  const core = loginCore(login);
  if (core.length < 4 || firstNames.length === 0 || lastNames.length === 0) return false;
  // Several civil given names: accounts are built from all of them run together or from the first, the one in use.
  const firsts = [...new Set([squeeze(firstNames.join('')), squeeze(firstNames[0]!)])].filter((first) => first.length > 0);
  const initials = firstNames.map((name) => name[0]!.toLowerCase()).join('');
  // Surname forms arrive without particles; mail systems usually keep them (laetitia.d-almeida).
  const particles = ['', 'd', 'de', 'du', 'le', 'la', 'da', 'dos', 'van', 'vanden', 'vander', 'dela'];
  for (const lastForm of lastNames) {
    for (const particle of particles) for (const first of firsts) if (matchesOne(core, first, first.slice(0, 1), initials, particle + squeeze(lastForm))) return true;
  }
  return false;
}

function matchesOne(core: string, first: string, initial: string, initials: string, last: string): boolean {
  const patterns = [first + last, initial + last, initials + last, last + first.slice(0, 3), last + first, last + initial];
  return patterns.some((pattern) => pattern === core || (core.length >= 6 && pattern.startsWith(core)));
}
