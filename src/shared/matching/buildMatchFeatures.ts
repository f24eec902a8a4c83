import type { CanonicalAttributes } from '../directory/canonicalAttributes';
import { externalAccountName } from './accountNamePatterns';
import { mapProfessionCode } from './mapProfessionCode';
import { foldName, surnameTokens } from './normalizeName';
import { memoizeByKey } from '../text/memoizeByKey';
import { splitMarriedSurname, splitMarriedTokens } from './splitMarriedSurname';

/** A record reduced to what the comparators need, computed once per record. */
export interface MatchFeatures {
  /** Whole surname forms (usage, birth), particles dropped, e.g. ["MARTIN DUPONT", "DUPONT"]. */
  lastNames: readonly string[];
  /** Every surname token of every form: the blocking's surnames. */
  lastNameTokens: readonly string[];
  /**
   * Each compound form run together ("AH SING" → "AHSING") and `runTogether`: filed and looked up
   * by name only (no sound nor typing-error keys), so that an export that drops the spaces meets them.
   */
  joinedSurnames?: readonly string[];
  /**
   * The surnames as written, particles kept, run together, when written in several words: "LE GALL"
   * → "LEGALL", "DE LA FONTAINE" → "DELAFONTAINE". An export that glues a particle ("LEGALL") names
   * the same person; a surname that merely ends like one ("LEROY" and "ROY") does not. Absent otherwise.
   */
  runTogether?: readonly string[];
  /** Given-name tokens, e.g. ["JEAN", "PIERRE"]; a single-column name leaves them with the surname tokens. */
  firstNames: readonly string[];
  /**
   * The first of several civil given names listed with commas, as its tokens: "Manon, Élisabeth" →
   * ["MANON"], "Jean-Luc, Raymond" → ["JEAN", "LUC"]. The name in use, for an HR export that lists
   * them all. Absent otherwise.
   */
  firstGivenName?: readonly string[];
  /** True when the name came in one column and its order is unknown. */
  nameOrderUnknown: boolean;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  rpps: string | null;
  hrId: string | null;
  adId: string | null;
  email: string | null;
  /**
   * Account names (AD account, application key) lower-cased. Not the e-mail's local part: a
   * homonym's mailbox "prenom.nom2" leaves "prenom.nom" to the other one, who may own the AD
   * account "prenom.nom" — the same string in two namespaces is not the same account.
   */
  logins: string[];
  profession: string | null;
  service: string | null;
  /**
   * An account's service written in another nomenclature than HR's (a pôle, an application's
   * codes), with the HR services its identifier-linked accounts show it stands for (see
   * `learnServiceGroups`). `service` is then null. Absent otherwise.
   */
  serviceGroup?: ServiceGroup;
  finess: readonly string[];
  /** An interim or contractor account by its name (`ext.dupont.j`, `presta-…`): rarely a staff member's. */
  externalAccount?: boolean;
}


/** A service of another nomenclature and the HR services it stands for. */
export interface ServiceGroup {
  name: string;
  services: ReadonlySet<string>;
  /** Every HR service the source's correspondence places somewhere: another one is no disagreement, only unknown. */
  placed: ReadonlySet<string>;
}

export interface MatchInput {
  attributes: CanonicalAttributes;
  /** FINESS numbers of the register activities (register entries only). */
  finess?: readonly string[];
  /** The record key when it is an account name (directory and applications). */
  accountKey?: string;
  /**
   * The given-name column lists the civil given names, the one in use first, even when separated
   * by spaces (`givenNamesListInSource`): "Danielle Marie" is then Danielle, not a compound.
   */
  givenNamesListed?: boolean;
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

function loginOf(value: string | null): string | null {
  if (value === null) return null;
  const folded = value.toLowerCase().split('@')[0]!.replace(/[^a-z0-9._-]/g, '');
  return folded === '' ? null : folded;
}

// Each spelling is folded once, and its tokens are then the same strings everywhere.
// "DUPONT épouse MARTIN" is two surnames: the name in use first, then the birth name.
const lastForms = memoizeByKey((name): readonly string[] => {
  const tokens = surnameTokens(name);
  // One word has no connector: most surnames are folded once and that is all.
  const married = tokens.length < 3 ? null : splitMarriedTokens(tokens);
  return Object.freeze(married === null ? [tokens.join(' ')] : [married.usage, married.birth]);
}, 300_000);
const firstNames = memoizeByKey((name): readonly string[] => Object.freeze(foldName(name).split(' ').filter((token) => token !== '')), 300_000);
const tokensOf = memoizeByKey((form): readonly string[] => Object.freeze(form.split(' ')), 300_000);
/** A surname written in several words, particles kept, run together ("LE GALL" → "LEGALL"); null for one word or a married form. */
const runTogetherForm = memoizeByKey((name): string | null => {
  const folded = foldName(name);
  return folded.includes(' ') && splitMarriedSurname(name) === null ? folded.replace(/ /g, '') : null;
}, 300_000);
/**
 * The first civil given name of a list written with commas ("Manon, Élisabeth"). Not of words
 * separated by spaces: "Marie Claire", "Thi Mai" are as often one compound given name as two names.
 */
const firstGivenNameOf = memoizeByKey((name): readonly string[] | null => (name.includes(',') ? givenNameHead(name, name.slice(0, name.indexOf(','))) : null), 300_000);
/** In a column of civil given-name lists, the first word too (a hyphenated compound is one word). */
const firstListedGivenNameOf = memoizeByKey((name): readonly string[] | null => givenNameHead(name, name.includes(',') ? name.slice(0, name.indexOf(',')) : (name.trim().split(/\s+/)[0] ?? '')), 300_000);
function givenNameHead(name: string, head: string): readonly string[] | null {
  const tokens = foldName(head).split(' ').filter((token) => token !== '');
  return tokens.length === 0 || tokens.length === firstNamesOf(name).length ? null : Object.freeze(tokens);
}
const wordSeparator = /[^\p{L}\p{N}]/u;
/** The run-together forms of the usage and birth names (`runTogetherForm`), or null when neither has one. */
function runTogetherOf(usage: string | undefined, birth: string | undefined): readonly string[] | null {
  // A name of letters only (most) has no words to run together: no lookup.
  const fromUsage = usage === undefined || !wordSeparator.test(usage) ? null : runTogetherForm(usage);
  const fromBirth = birth === undefined || !wordSeparator.test(birth) ? null : runTogetherForm(birth);
  if (fromUsage === null) return fromBirth === null ? null : [fromBirth];
  return fromBirth === null || fromBirth === fromUsage ? [fromUsage] : [fromUsage, fromBirth];
}
const noForms: readonly string[] = Object.freeze([]);
const lastFormsOf = (name: string | undefined): readonly string[] => (name === undefined ? noForms : lastForms(name));
const firstNamesOf = (name: string | undefined): readonly string[] => (name === undefined ? [] : firstNames(name));

/**
 * A record key that may be an account name: not a number (a card serial, an application's user id)
 * nor a contactless card UID in hexadecimal (4, 7 or 10 bytes): those follow no one's names.
 */
function isAccountName(key: string | undefined): key is string {
  if (key === undefined) return false;
  const compact = key.trim();
  return !/^\d+$/.test(compact) && !/^(?:[0-9a-f]{8}|[0-9a-f]{14}|[0-9a-f]{20})$/i.test(compact);
}

/** Builds the comparison features of one source record (pure; no frequency statistics here). Name arrays are shared and frozen. */
export function buildMatchFeatures({ attributes: a, finess = [], accountKey, givenNamesListed = false }: MatchInput): MatchFeatures {
  const usageForms = lastFormsOf(a.lastName);
  const birthForms = lastFormsOf(a.birthName);
  const usage = usageForms[0] || (birthForms.length === 2 ? birthForms[0]! : '');
  const birth = birthForms[birthForms.length - 1] || (usageForms[1] ?? '');
  let lastNames: readonly string[] = usage === '' ? (birth === '' ? [] : [birth]) : birth === '' || birth === usage ? [usage] : [usage, birth];
  let firstNames = firstNamesOf(a.firstName);
  let nameOrderUnknown = false;
  if (lastNames.length === 0 && firstNames.length === 0 && clean(a.fullName) !== null) {
    // "Christophe LECLERC" or "LECLERC Christophe": the order is decided at comparison time.
    const tokens = Object.freeze(surnameTokens(a.fullName));
    lastNames = [tokens.join(' ')];
    firstNames = tokens;
    nameOrderUnknown = true;
  }
  const email = clean(a.email)?.toLowerCase() ?? null;
  const adId = clean(a.adId);
  const sex = clean(a.sex)?.toUpperCase();
  const adLogin = loginOf(adId);
  const keyLogin = isAccountName(accountKey) ? loginOf(clean(accountKey)) : null;
  const logins = adLogin === null ? (keyLogin === null ? [] : [keyLogin]) : keyLogin === null || keyLogin === adLogin ? [adLogin] : [adLogin, keyLogin];
  // Both built without allocating for the common case (one given name, a one-word surname): the register screen builds two million.
  const firstGivenName =
    a.firstName === undefined || nameOrderUnknown || (!givenNamesListed && !a.firstName.includes(',')) ? null : (givenNamesListed ? firstListedGivenNameOf : firstGivenNameOf)(a.firstName);
  const runTogether = lastNames.length === 0 ? null : runTogetherOf(a.lastName, a.birthName);
  let compound = false;
  for (const form of lastNames) if (form.includes(' ')) compound = true;
  // A compound form is also filed run together: exports that drop spaces ("AHSING", "MARTINDUPONT") still meet it.
  const joinedSurnames = !compound && runTogether === null ? null : unique([...lastNames.filter((form) => form.includes(' ')).map((form) => form.replace(/ /g, '')), ...(runTogether ?? [])]);
  return {
    lastNames,
    lastNameTokens: lastNames.length === 1 ? tokensOf(lastNames[0]!) : unique(lastNames.flatMap(tokensOf)),
    // Always present (undefined when none): one object shape for every record keeps the comparisons' property reads fast.
    joinedSurnames: joinedSurnames ?? undefined,
    runTogether: runTogether ?? undefined,
    firstNames,
    firstGivenName: firstGivenName ?? undefined,
    nameOrderUnknown,
    birthDate: clean(a.birthDate),
    sex: sex === 'M' || sex === 'F' ? sex : null,
    rpps: clean(a.rpps),
    // Matricules compare as numbers: "0041234" and "41234" are one agent.
    hrId: clean(a.hrId)?.replace(/^0+(?=.)/, '') ?? null,
    adId: adId?.toLowerCase() ?? null,
    email,
    logins,
    profession: mapProfessionCode(a.profession),
    service: clean(a.service)?.toUpperCase() ?? null,
    serviceGroup: undefined,
    finess,
    ...(logins.some((login) => externalAccountName.test(login)) ? { externalAccount: true } : {}),
  };
}

/** Share of a source's given names written in several words (a hyphenated compound is one) above which its column lists civil given names. */
const listedGivenNamesShare = 0.35;

/**
 * Whether a source's given-name column lists the civil given names rather than the one in use:
 * an HR export where many people have several ("Danielle Marie", "Sandirane Raymond Marie"). A
 * column of given names in use has a few compounds written with a space, far fewer.
 */
export function givenNamesListInSource(firstNames: Iterable<string | undefined>): boolean {
  let named = 0;
  let several = 0;
  for (const name of firstNames) {
    if (name === undefined || name.trim() === '') continue;
    named += 1;
    if (/[\s,]/.test(name.trim())) several += 1;
  }
  return named >= 20 && several / named >= listedGivenNamesShare;
}
