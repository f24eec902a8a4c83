import { memoizeByObject } from '../text/memoizeByObject';

function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Strips separators and a trailing number: "jdupont2", "j.dupont.123" → "jdupont". */
function loginCore(login: string): string {
  return squeeze(login).replace(/\d+$/, '');
}

/** Surname forms arrive without particles; mail systems usually keep them (laetitia.d-almeida). */
const particles = ['', 'd', 'de', 'du', 'le', 'la', 'da', 'dos', 'van', 'vanden', 'vander', 'dela'];

// Each pair of records is compared once, but each account name and each person's names many times
// (once per candidate): what is derived from them is kept. Names by their features' arrays, which
// live as long as the features; account names by value, within a bound.
const coresByLogin = new Map<string, string>();

function coreOf(login: string): string {
  let core = coresByLogin.get(login);
  if (core === undefined) {
    core = loginCore(login);
    if (coresByLogin.size > 200_000) coresByLogin.clear();
    coresByLogin.set(login, core);
  }
  return core;
}

const givenFormsOf = memoizeByObject((firstNames: readonly string[]): { joined: string; inUse: string; initials: string } => ({
  // Several civil given names: accounts are built from all of them run together or from the first, the one in use.
  joined: squeeze(firstNames.join('')),
  inUse: firstNames.length > 1 ? squeeze(firstNames[0]!) : '',
  initials: firstNames.map((name) => name[0]!.toLowerCase()).join(''),
}));

const surnameFormsOf = memoizeByObject((lastNames: readonly string[]): string[] => lastNames.map(squeeze));

/**
 * True when an account name or e-mail local part follows one of the usual patterns built from the
 * given names and surnames (prenom.nom, pnom, p.nom, nom_pre, nom.prenom, nomp), possibly truncated.
 */
export function matchesLoginPattern(login: string, firstNames: readonly string[], lastNames: readonly string[]): boolean {
  const core = coreOf(login);
  if (core.length < 4 || firstNames.length === 0 || lastNames.length === 0) return false;
  const { joined, inUse, initials } = givenFormsOf(firstNames);
  const lead = core[0]!;
  // Every pattern begins with the given name (or its initial) or with the surname: most pairs end at the first letter.
  const firstLeads = lead === joined[0] || lead === initials[0] || (inUse !== '' && lead === inUse[0]);
  for (const last of surnameFormsOf(lastNames)) {
    for (const particle of particles) {
      if (!firstLeads && lead !== (particle === '' ? last[0] : particle[0])) continue;
      const surname = particle + last;
      if (matchesOne(core, joined, initials, surname)) return true;
      if (inUse !== '' && matchesOne(core, inUse, initials, surname)) return true;
    }
  }
  return false;
}

/** `head + tail` is the account name, or begins with it (six characters at least): without building the pattern. */
function fits(core: string, head: string, tail: string): boolean {
  const length = head.length + tail.length;
  if (core.length === length) return core.startsWith(head) && core.endsWith(tail);
  if (core.length < 6 || core.length > length) return false;
  if (core.length <= head.length) return head.startsWith(core);
  return core.startsWith(head) && tail.startsWith(core.slice(head.length));
}

function matchesOne(core: string, first: string, initials: string, last: string): boolean {
  const initial = first.slice(0, 1);
  return fits(core, first, last) || fits(core, initial, last) || fits(core, initials, last) || fits(core, last, first.slice(0, 3)) || fits(core, last, first) || fits(core, last, initial);
}
