function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Strips separators and a trailing number: "jdupont2", "j.dupont.123" → "jdupont". */
function loginCore(login: string): string {
  return squeeze(login).replace(/\d+$/, '');
}

/** Surname forms arrive without particles; mail systems usually keep them (laetitia.d-almeida). */
const particles = ['', 'd', 'de', 'du', 'le', 'la', 'da', 'dos', 'van', 'vanden', 'vander', 'dela'];

/**
 * True when an account name or e-mail local part follows one of the usual patterns built from the
 * given names and surnames (prenom.nom, pnom, p.nom, nom_pre, nom.prenom, nomp), possibly truncated.
 */
export function matchesLoginPattern(login: string, firstNames: readonly string[], lastNames: readonly string[]): boolean {
  const core = loginCore(login);
  if (core.length < 4 || firstNames.length === 0 || lastNames.length === 0) return false;
  // Several civil given names: accounts are built from all of them run together or from the first, the one in use.
  const joined = squeeze(firstNames.join(''));
  const inUse = firstNames.length > 1 ? squeeze(firstNames[0]!) : '';
  const initials = firstNames.map((name) => name[0]!.toLowerCase()).join('');
  const lead = core[0]!;
  // Every pattern begins with the given name (or its initial) or with the surname: most pairs end at the first letter.
  const firstLeads = lead === joined[0] || lead === initials[0] || (inUse !== '' && lead === inUse[0]);
  for (const lastForm of lastNames) {
    const last = squeeze(lastForm);
    for (const particle of particles) {
      if (!firstLeads && lead !== (particle === '' ? last[0] : particle[0])) continue;
      const surname = particle + last;
      if (matchesOne(core, joined, initials, surname)) return true;
      if (inUse !== '' && matchesOne(core, inUse, initials, surname)) return true;
    }
  }
  return false;
}

const fits = (core: string, pattern: string): boolean => pattern === core || (core.length >= 6 && pattern.startsWith(core));

function matchesOne(core: string, first: string, initials: string, last: string): boolean {
  const initial = first.slice(0, 1);
  return fits(core, first + last) || fits(core, initial + last) || fits(core, initials + last) || fits(core, last + first.slice(0, 3)) || fits(core, last + first) || fits(core, last + initial);
}
