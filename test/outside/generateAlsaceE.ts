/**
 * Generator E — Groupe hospitalier du Ried-Sundgau (Alsace-Moselle): one EJ, the Hôpital
 * Sainte-Richarde du Ried (67), the Hôpital du Sundgau (68) and the EHPAD Les Cigognes (68).
 * Writes what the hospital's IT would hand over (register extract, SIRH, PowerShell AD export,
 * RIS users in DICOM person-name form, lab users with display names, access-control badges), a
 * sources.json and a truth.json. Written from a list of conventions without reading the engine.
 * Deterministic: PCG32 (BigInt), one stream per concern, seeded from the seed and the concern name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as V from './alsaceEVocabulary';
import type { Job, Origin, Service, SiteKey } from './alsaceEVocabulary';

export interface GenerateAlsaceEOptions {
  seed: number;
  outDir: string;
  staff?: number;
  namesakeScale?: number;
}

// ---------------------------------------------------------------- randomness

const MASK64 = (1n << 64n) - 1n;

/** PCG32 (XSH RR), O'Neill 2014: 64-bit state, odd increment = stream. */
class Pcg32 {
  private state = 0n;
  private readonly inc: bigint;
  constructor(seed: bigint, stream: bigint) {
    this.inc = ((stream << 1n) | 1n) & MASK64;
    this.step();
    this.state = (this.state + seed) & MASK64;
    this.step();
  }
  private step(): void {
    this.state = (this.state * 6364136223846793005n + this.inc) & MASK64;
  }
  u32(): number {
    const old = this.state;
    this.step();
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rot = Number(old >> 59n);
    return ((xorshifted >>> rot) | (xorshifted << (-rot & 31))) >>> 0;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.gauss()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
  gauss(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & MASK64;
  return hash;
}

function streamFor(seed: number, concern: string): Pcg32 {
  return new Pcg32(fnv1a64(`alsace-e:${seed}`), fnv1a64(concern));
}

// ---------------------------------------------------------------- dates, text, identifiers

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const EXTRACT_ISO = '2026-11-30';
const EXTRACT = dayOf(EXTRACT_ISO);
const SEMESTER_NOV = dayOf('2026-11-02');
const SEMESTER_MAY = dayOf('2026-05-04');
const AD_MIGRATION = dayOf('2004-06-14');
const YEAR = 365.25;
const yearOf = (day: number): number => Number(isoOf(day).slice(0, 4));
const dmy = (day: number, sep = '/'): string => {
  const iso = isoOf(day);
  return `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
};
const compact = (day: number): string => isoOf(day).replace(/-/g, '');
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** A time of day during the working day (seconds since midnight). */
const clock = (rng: Pcg32): number => rng.range(6 * 3600 + 30 * 60, 21 * 3600);
const hms = (seconds: number): string => `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const umlautAsE = (s: string): string => s.replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
/** How a system writes a surname that may hold an umlaut: as is, without diacritics, or `Ü` → `UE`. */
type Translit = 'keep' | 'ascii' | 'ue';
const translit = (name: string, how: Translit): string => (how === 'keep' ? name : how === 'ascii' ? stripAccents(name) : stripAccents(umlautAsE(name)));
const hasUmlaut = (name: string): boolean => /[ÄÖÜ]/.test(name);
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
const fold = (s: string): string => stripAccents(s).toUpperCase().replace(/[^A-Z]+/g, ' ').trim();
const loginPart = (s: string): string => stripAccents(s).toLowerCase().replace(/[\s']/g, '');
const initials = (given: string): string => given.split(/[-\s]/).map((part) => part.charAt(0)).join('');

function luhnKey(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}
const digits = (rng: Pcg32, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join('');

// ---------------------------------------------------------------- encodings and CSV

const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c, 'Š': 0x8a, 'š': 0x9a, 'Ÿ': 0x9f };
function encodeSingleByte(text: string, encoding: 'iso-8859-1' | 'windows-1252', file: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    const code = char.charCodeAt(0);
    const extra = encoding === 'windows-1252' ? CP1252_EXTRA[char] : undefined;
    if (extra !== undefined) bytes[i] = extra;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else throw new Error(`${file}: ${JSON.stringify(char)} cannot be written in ${encoding}`);
  }
  return bytes;
}
const utf8Bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
/** Quotes a value only when the delimiter, a quote or a line break needs it. */
const quoteIfNeeded = (value: string, delimiter: string): string => (value.includes(delimiter) || value.includes('"') || /[\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

// ---------------------------------------------------------------- establishment and structures elsewhere

const withKey = (payload: string): string => payload + luhnKey(payload);
const EJ = { finess: withKey('67001452'), name: 'GROUPE HOSPITALIER DU RIED-SUNDGAU' };
interface Structure {
  finessSite: string;
  finessEj: string;
  name: string;
  siret: string;
  techId: string;
  dept: string;
  deptLabel: string;
  town: string;
  postcode: string;
  commune: string;
  street: readonly [string, string, string, string];
  sector: readonly [string, string];
  phone: string;
}
const SITES: Record<SiteKey, Structure> = {
  ried: {
    finessSite: withKey('67078219'), finessEj: EJ.finess, name: 'HOPITAL SAINTE-RICHARDE DU RIED', siret: '26670145200017', techId: `F${withKey('67078219')}`,
    dept: '67', deptLabel: 'Bas-Rhin', town: 'RIED-SUR-ILL', postcode: '67230', commune: '67397', street: ['12', 'R', 'Rue', 'DE L HOPITAL'], sector: ['SA01', 'Etablissement public de santé'], phone: '0388582100',
  },
  sundgau: {
    finessSite: withKey('68002936'), finessEj: EJ.finess, name: 'HOPITAL DU SUNDGAU', siret: '26670145200025', techId: `F${withKey('68002936')}`,
    dept: '68', deptLabel: 'Haut-Rhin', town: 'LARGUE-VALLEE', postcode: '68580', commune: '68176', street: ['3', 'AV', 'Avenue', 'DU 3EME ZOUAVES'], sector: ['SA01', 'Etablissement public de santé'], phone: '0389087400',
  },
  ehpad: {
    finessSite: withKey('68004371'), finessEj: EJ.finess, name: 'EHPAD LES CIGOGNES', siret: '26670145200033', techId: `F${withKey('68004371')}`,
    dept: '68', deptLabel: 'Haut-Rhin', town: 'LARGUE-VALLEE', postcode: '68580', commune: '68176', street: ['5', 'R', 'Rue', 'DES CIGOGNES'], sector: ['SA17', 'Etablissement pour personnes âgées'], phone: '0389087450',
  },
};
const SITE_NAMES: Record<SiteKey, string> = { ried: 'Hôpital Sainte-Richarde du Ried', sundgau: 'Hôpital du Sundgau', ehpad: 'EHPAD Les Cigognes' };

function buildStructures(rng: Pcg32): { grandEst: Structure[]; elsewhere: Structure[] } {
  const make = (dept: string, deptLabel: string, [town, postcode, commune]: readonly [string, string, string], kind: readonly [string, string, string]): Structure => {
    const finessSite = withKey(dept + digits(rng, 6));
    const finessEj = withKey(dept + digits(rng, 6));
    const name = kind[0].endsWith(' DE') ? `${kind[0]} ${town}` : `${kind[0]} ${town}`;
    const siren = withKey(`2${digits(rng, 7)}`);
    return {
      finessSite, finessEj, name, siret: withKey(siren + digits(rng, 4)), techId: `F${finessSite}`, dept, deptLabel, town, postcode, commune,
      street: [String(rng.range(1, 120)), 'R', 'Rue', rng.pick(['DE LA GARE', 'DU GENERAL DE GAULLE', 'DES VOSGES', 'PASTEUR', 'DU MARECHAL FOCH', 'DE L EGLISE', 'SCHWEITZER'])],
      sector: [kind[1], kind[2]], phone: `03${digits(rng, 8)}`,
    };
  };
  const build = (list: typeof V.GRAND_EST): Structure[] =>
    list.flatMap(([dept, label, towns]) => towns.flatMap((town) => V.STRUCTURE_KINDS.filter(() => rng.chance(0.55)).map((kind) => make(dept, label, town, kind))));
  return { grandEst: build(V.GRAND_EST), elsewhere: build(V.ELSEWHERE) };
}

// ---------------------------------------------------------------- people

type RegisterState = 'listed' | 'stale-activity' | 'absent' | 'none';
interface Person {
  id: string;
  hrId: string;
  sex: 'M' | 'F';
  origin: Origin;
  birthName: string;
  marital: string | null;
  givenNames: string[];
  firstName: string;
  birth: number;
  job: Job;
  jobLabel: string;
  service: Service;
  start: number;
  end: number | null;
  departed: boolean;
  rpps: string | null;
  registerState: RegisterState;
  registerName: string | null;
  homonymGroup: string | null;
  /** Per-system spelling of a surname with an umlaut. */
  spelling: Record<'register' | 'ad' | 'ris' | 'sil' | 'badge', Translit>;
}
const usageName = (p: Person): string => p.marital ?? p.birthName;
const isDoctor = (p: Person): boolean => p.job.key === 'medecin' || p.job.key === 'interne';

const FEMALE_SHARE: Record<V.JobKey, number> = {
  medecin: 0.5, interne: 0.6, pharmacien: 0.65, sagefemme: 0.97, infirmier: 0.87, cadresante: 0.8, aidesoignant: 0.88, auxpuer: 0.97, ash: 0.75,
  kine: 0.55, manip: 0.6, preparateur: 0.8, techlabo: 0.75, ergo: 0.85, dieteticien: 0.9, psychologue: 0.85, admin: 0.82, technique: 0.2, animateur: 0.8,
};

function surnamePools() {
  const zipf = (names: readonly string[], shift: number): Array<readonly [string, number]> => names.map((name, i) => [name, 1 / (i + shift)] as const);
  return {
    top: V.TOP_SURNAMES,
    als: zipf(V.ALSATIAN_SURNAMES, 30),
    uml: V.UMLAUT_SURNAMES,
    fr: zipf(V.FRENCH_SURNAMES, 30),
    tr: zipf(V.IMMIGRATION_SURNAMES.tr, 3),
    mg: zipf(V.IMMIGRATION_SURNAMES.mg, 3),
    it: zipf(V.IMMIGRATION_SURNAMES.it, 3),
    pt: zipf(V.IMMIGRATION_SURNAMES.pt, 3),
    pl: zipf(V.IMMIGRATION_SURNAMES.pl, 3),
  } satisfies Record<Origin, ReadonlyArray<readonly [string, number]>>;
}
const POOLS = surnamePools();
/** A surname of that origin; a third of the Alsatian ones come from the long tail of rare names. */
const drawSurname = (rng: Pcg32, origin: Origin): string => (origin === 'als' && rng.chance(0.35) ? rareSurname(rng) : rng.weighted(POOLS[origin]));
function rareSurname(rng: Pcg32): string {
  const root = rng.pick(V.RARE_ROOTS);
  const ending = rng.pick(V.RARE_ENDINGS);
  return /^[AEIOU]/.test(ending) && /[AEIOU]$/.test(root) ? root + ending.slice(1) : root + ending;
}

function drawGiven(rng: Pcg32, origin: Origin, sex: 'M' | 'F', birthYear: number): string {
  // Fashions overlap: near a boundary, a name of the neighbouring generation.
  const year = birthYear + Math.round(rng.gauss() * 4);
  const era = year < 1970 ? 'old' : year < 1987 ? 'mid' : 'young';
  if (origin === 'tr' || origin === 'mg') {
    if (!(era === 'young' && rng.chance(0.2))) return rng.pick(V.GIVEN_OTHER[origin][sex]);
  } else if ((origin === 'it' || origin === 'pt' || origin === 'pl') && rng.chance(0.3)) return rng.pick(V.GIVEN_OTHER[origin][sex]);
  return rng.pick(V.GIVEN_FR[sex][era]);
}

/** Civil-status given names; the usual one is not always the first (`Marie Christine Louise`, usual `Christine`). */
function civilGivenNames(rng: Pcg32, origin: Origin, sex: 'M' | 'F', usual: string): string[] {
  const local = origin !== 'tr' && origin !== 'mg';
  const count = local ? rng.weighted([[0, sex === 'F' ? 30 : 40], [1, 40], [2, sex === 'F' ? 30 : 20]] as const) : rng.weighted([[0, 60], [1, 40]] as const);
  const extras: string[] = [];
  while (extras.length < count) {
    const extra = local ? rng.pick(V.EXTRA_GIVEN[sex]) : rng.pick(V.GIVEN_OTHER[origin][sex]);
    if (extra !== usual && !extras.includes(extra) && !usual.split('-').includes(extra)) extras.push(extra);
  }
  let usualParts = [usual];
  // A compound usual name written as two civil names: `Marie Odile Anne`, usual `Marie-Odile`.
  if (usual.includes('-') && rng.chance(0.3)) usualParts = usual.split('-');
  const notFirst = local && extras.length > 0 && rng.chance(sex === 'F' ? 0.16 : 0.06);
  return notFirst ? [extras[0] as string, ...usualParts, ...extras.slice(1)] : [...usualParts, ...extras];
}

function drawService(rng: Pcg32, job: Job): Service {
  const kind = rng.weighted(job.kinds);
  return rng.pick(V.SERVICES.filter((service) => service.kind === kind));
}

function makePeople(rng: Pcg32, staff: number): Person[] {
  const people: Person[] = [];
  const interns = V.JOBS.find((job) => job.key === 'interne') as Job;
  for (let i = 0; i < staff; i += 1) {
    const job = rng.weighted(V.JOBS.map((j) => [j, j.weight] as const));
    const sex: 'M' | 'F' = rng.chance(FEMALE_SHARE[job.key]) ? 'F' : 'M';
    const origin = rng.weighted(V.ORIGIN_WEIGHTS);
    // Departures (≈6 %): last semester's internes, and agents gone in the last six years.
    let departed = job === interns ? rng.chance(0.3) : rng.chance(0.051);
    let start: number;
    let end: number | null = null;
    if (job === interns) {
      start = departed ? SEMESTER_MAY : SEMESTER_NOV;
      end = departed ? SEMESTER_NOV - 1 : dayOf('2027-05-02');
    } else if (departed) {
      end = EXTRACT - (rng.chance(0.4) ? rng.range(5, 365) : rng.range(366, 6 * 365));
      start = end - rng.range(120, 25 * 365);
    } else {
      const r = rng.next();
      start = r < 0.05 ? EXTRACT - rng.range(3, 60) : r < 0.13 ? EXTRACT - rng.range(61, 210) : EXTRACT - Math.floor(rng.next() ** 1.35 * 38 * YEAR) - 211;
      if (rng.chance(0.09)) end = EXTRACT + rng.range(20, 400); // fixed-term contracts
    }
    const ageAtStart = rng.range(job.ages[0], job.ages[1]) + rng.next();
    let birth = Math.round(start - ageAtStart * YEAR);
    if (EXTRACT - birth > 66 * YEAR) birth = Math.round(EXTRACT - rng.range(58, 65) * YEAR - rng.range(0, 364));
    if (start - birth < 18 * YEAR) start = Math.round(birth + 18.5 * YEAR);
    if (end !== null && end <= start) {
      end = null;
      departed = false;
    }
    const birthYear = yearOf(birth);
    const birthName = drawSurname(rng, origin);
    const firstName = drawGiven(rng, origin, sex, birthYear);
    const givenNames = civilGivenNames(rng, origin, sex, firstName);
    let marital: string | null = null;
    if (sex === 'F' && EXTRACT - birth > 25 * YEAR && rng.chance(birthYear < 1990 ? 0.55 : 0.3)) {
      const spouseOrigin = rng.chance(0.6) ? origin : rng.weighted(V.ORIGIN_WEIGHTS);
      let spouse = drawSurname(rng, spouseOrigin);
      while (spouse === birthName) spouse = drawSurname(rng, rng.weighted(V.ORIGIN_WEIGHTS));
      marital = rng.chance(0.04) ? `${spouse}-${birthName}` : spouse;
    }
    let service = drawService(rng, job);
    if (job.key === 'medecin' && service.kind === 'ehpad' && rng.chance(0.5)) service = drawService(rng, job);
    let jobLabel = rng.pick(job.labels);
    if (jobLabel === 'PUERICULTRICE' && service.kind !== 'paediatrics' && service.kind !== 'maternity') jobLabel = 'INFIRMIER EN SOINS GENERAUX';
    if (job.key === 'medecin' && start > EXTRACT - 2 * YEAR && rng.chance(0.5)) jobLabel = 'PRATICIEN CONTRACTUEL';
    const spellingOf = (weights: ReadonlyArray<readonly [Translit, number]>): Translit => rng.weighted(weights);
    people.push({
      id: `E-${String(i + 1).padStart(5, '0')}`, hrId: '', sex, origin, birthName, marital, givenNames, firstName, birth, job, jobLabel, service,
      start, end, departed, rpps: null, registerState: 'none', registerName: null, homonymGroup: null,
      spelling: {
        register: spellingOf([['ascii', 60], ['keep', 30], ['ue', 10]]),
        ad: spellingOf([['ascii', 60], ['ue', 40]]),
        ris: spellingOf([['ascii', 70], ['ue', 30]]),
        sil: spellingOf([['keep', 35], ['ascii', 45], ['ue', 20]]),
        badge: spellingOf([['keep', 40], ['ascii', 40], ['ue', 20]]),
      },
    });
  }
  return people;
}

/** Renames `person` to `surname` (the used one) and `given`, keeping the civil given names coherent. */
function rename(person: Person, surname: string, given: string): void {
  if (person.marital !== null) person.marital = surname;
  else person.birthName = surname;
  const old = [person.firstName, ...person.firstName.split('-')];
  const keep = (name: string): boolean => !old.includes(name) && name !== given && !given.split('-').includes(name);
  person.firstName = given;
  person.givenNames = [given, ...person.givenNames.filter(keep)];
}

/**
 * Plants the near-identical families (SCHMITT/SCHMIDT/SCHMIT, MEYER/MAYER/MEIER, MÜLLER/MUELLER)
 * and real homonyms (two `MULLER Anne` born years apart, a pair born the same year) until ≈2 % of
 * the staff share their used surname and given name with a colleague.
 */
function plantNames(rng: Pcg32, people: Person[]): void {
  const locked = new Set<Person>();
  const pickFree = (filter: (p: Person) => boolean): Person | undefined => {
    const candidates = people.filter((p) => !locked.has(p) && filter(p));
    const chosen = candidates.length === 0 ? undefined : rng.pick(candidates);
    if (chosen) locked.add(chosen);
    return chosen;
  };
  const plantFamily = (surnames: readonly string[], sex: 'M' | 'F', given: string): void => {
    for (const surname of surnames) {
      const p = pickFree((q) => q.sex === sex && q.marital === null && !q.departed);
      if (p) rename(p, surname, given);
    }
  };
  plantFamily(['SCHMITT', 'SCHMIDT', 'SCHMIT'], 'M', 'Christophe');
  plantFamily(['MEYER', 'MAYER', 'MEIER'], 'F', 'Nathalie');
  plantFamily(['MÜLLER', 'MUELLER'], 'M', 'Thomas');
  plantFamily(['SCHÖN', 'SCHOEN'], 'F', 'Claire');

  const keyOf = (p: Person): string => `${fold(usageName(p))}|${fold(p.firstName)}`;
  const groups = (): Map<string, Person[]> => {
    const byKey = new Map<string, Person[]>();
    for (const p of people) byKey.set(keyOf(p), [...(byKey.get(keyOf(p)) ?? []), p]);
    return byKey;
  };
  // Chance collisions of the draw: a quarter are kept, the others get other given names, so that
  // the planted homonyms below make most of the ≈2 %.
  const counts = new Map<string, number>();
  for (const [key, members] of groups()) counts.set(key, members.length);
  for (const members of groups().values()) {
    for (const p of members.slice(1)) {
      if (locked.has(p) || rng.chance(0.25)) continue;
      counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 1) - 1);
      for (let tries = 0; tries < 30 && (counts.get(keyOf(p)) ?? 0) > 0; tries += 1) {
        p.firstName = drawGiven(rng, p.origin, p.sex, yearOf(p.birth));
        p.givenNames = civilGivenNames(rng, p.origin, p.sex, p.firstName);
      }
      counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
    }
  }
  const inGroups = (): number => [...groups().values()].filter((members) => members.length > 1).reduce((n, members) => n + members.length, 0);
  const plantPair = (a: Person, sameYear: boolean): void => {
    const b = pickFree((q) => q.sex === a.sex && q.service.code !== a.service.code && (sameYear ? true : Math.abs(yearOf(q.birth) - yearOf(a.birth)) >= 3));
    if (!b) return;
    rename(b, usageName(a), a.firstName);
    if (sameYear) {
      const year = yearOf(a.birth);
      b.birth = dayOf(`${year}-01-01`) + ((a.birth - dayOf(`${year}-01-01`) + rng.range(20, 300)) % 365);
      if (b.birth === a.birth) b.birth += 1;
    }
  };
  const anne = pickFree((p) => p.sex === 'F' && p.marital === null && yearOf(p.birth) < 1985);
  if (anne) {
    rename(anne, 'MULLER', 'Anne');
    plantPair(anne, false);
  }
  const twinYear = pickFree((p) => (p.origin === 'top' || p.origin === 'als') && !p.departed);
  if (twinYear) plantPair(twinYear, true);
  const target = Math.round(people.length * 0.02);
  for (let guard = 0; inGroups() < target && guard < people.length; guard += 1) {
    const a = pickFree((p) => p.origin === 'top' || p.origin === 'als' || rng.chance(0.2));
    if (a) plantPair(a, false);
  }
  let n = 0;
  for (const members of groups().values()) {
    if (members.length < 2) continue;
    n += 1;
    for (const p of members) p.homonymGroup = `HE-${String(n).padStart(3, '0')}`;
  }
}

/** Matricules in order of hiring, with the gaps left by agents purged since. */
function assignMatricules(rng: Pcg32, people: Person[]): number[] {
  const byStart = [...people].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  let next = 1040 + rng.int(200);
  const gaps: number[] = [];
  for (const p of byStart) {
    const gap = rng.range(1, 14);
    for (let g = 1; g < gap; g += 1) gaps.push(next + g);
    next += gap;
    p.hrId = String(next).padStart(6, '0');
  }
  return gaps;
}

/** RPPS numbers and the register's lag (recent arrivals absent or still at their previous employer). */
function assignRegister(rng: Pcg32, people: Person[], newRpps: () => string): void {
  for (const p of people) {
    if (!p.job.register || !rng.chance(p.job.registered)) continue;
    p.rpps = newRpps();
    const since = EXTRACT - p.start;
    if (p.departed) p.registerState = 'listed';
    else if (p.job.key === 'interne') p.registerState = rng.weighted([['stale-activity', 50], ['listed', 35], ['absent', 15]] as const);
    else if (since < 60) p.registerState = rng.weighted([['absent', 60], ['stale-activity', 22], ['listed', 18]] as const);
    else if (since < 210) p.registerState = rng.chance(0.45) ? 'stale-activity' : 'listed';
    else p.registerState = 'listed';
  }
}

// ---------------------------------------------------------------- register extract

interface Professional {
  rpps: string;
  sex: 'M' | 'F';
  surname: string;
  given: string;
  profession: readonly [string, string];
  student: boolean;
  specialty: readonly [string, string] | null;
}
interface Activity {
  mode: 'S' | 'L';
  structure: Structure;
}

const REGISTER_HEADER = [
  "Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Code civilité d'exercice", "Libellé civilité d'exercice", 'Code civilité', 'Libellé civilité',
  "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Libellé profession', 'Code catégorie professionnelle', 'Libellé catégorie professionnelle',
  'Code type savoir-faire', 'Libellé type savoir-faire', 'Code savoir-faire', 'Libellé savoir-faire', 'Code mode exercice', 'Libellé mode exercice',
  'Numéro SIRET site', 'Numéro SIREN site', 'Numéro FINESS site', 'Numéro FINESS établissement juridique', 'Identifiant technique de la structure',
  'Raison sociale site', 'Enseigne commerciale site', 'Complément destinataire (coord. structure)', 'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)', 'Indice répétition voie (coord. structure)', 'Code type de voie (coord. structure)', 'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)', 'Mention distribution (coord. structure)', 'Bureau cedex (coord. structure)', 'Code postal (coord. structure)',
  'Code commune (coord. structure)', 'Libellé commune (coord. structure)', 'Code pays (coord. structure)', 'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)', 'Téléphone 2 (coord. structure)', 'Télécopie (coord. structure)', 'Adresse e-mail (coord. structure)',
  'Code Département (structure)', 'Libellé Département (structure)', 'Ancien identifiant de la structure', "Autorité d'enregistrement",
  "Code secteur d'activité", "Libellé secteur d'activité", 'Code section tableau pharmaciens', 'Libellé section tableau pharmaciens',
  'Code rôle', 'Libellé rôle', 'Code genre activité', 'Libellé genre activité',
];

function registerLine(pro: Professional, act: Activity): string[] {
  const s = act.structure;
  const doctorTitle = (pro.profession[0] === '10' || pro.profession[0] === '21' || pro.profession[0] === '40') && !pro.student;
  const liberal = act.mode === 'L';
  const pharmacistSection = pro.profession[0] === '21' ? (liberal ? ['A', 'Pharmacien titulaire d\'officine'] : ['H', 'Pharmacien des établissements de santé']) : ['', ''];
  const authority = pro.profession[0] === '10' ? 'CNOM/CNOM/CNOM' : pro.profession[0] === '21' ? 'CNOP/CNOP/CNOP' : pro.profession[0] === '50' ? 'CNOSF/CNOSF/CNOSF' : pro.profession[0] === '60' ? 'ONI/ONI/ONI' : pro.profession[0] === '70' ? 'CNOMK/CNOMK/CNOMK' : 'ARS/ARS/ARS';
  return [
    '8', pro.rpps, `8${pro.rpps}`, doctorTitle ? 'DR' : '', doctorTitle ? 'Docteur' : '', pro.sex === 'M' ? 'M' : 'MME', pro.sex === 'M' ? 'Monsieur' : 'Madame',
    pro.surname, pro.given, pro.profession[0], pro.profession[1], pro.student ? 'E' : 'C', pro.student ? 'Etudiant' : 'Civil',
    pro.specialty ? 'S' : '', pro.specialty ? 'Spécialité ordinale' : '', pro.specialty?.[0] ?? '', pro.specialty?.[1] ?? '',
    act.mode, liberal ? 'Libéral' : 'Salarié', s.siret, s.siret.slice(0, 9), s.finessSite, s.finessEj, s.techId, s.name, '',
    '', '', s.street[0], '', s.street[1], s.street[2], s.street[3], '', `${s.postcode} ${s.town}`, s.postcode, s.commune, s.town, '', '',
    s.phone, '', '', '', s.dept, s.deptLabel, s.finessSite === '' ? '' : `1${s.finessSite}`, authority, s.sector[0], s.sector[1],
    pharmacistSection[0] as string, pharmacistSection[1] as string, liberal ? 'FON-01' : 'FON-05', liberal ? 'Titulaire de cabinet' : 'Salarié',
    'GENR01', 'Activité standard de soin ou de pharmacien',
  ];
}

function liberalPractice(rng: Pcg32, near: Structure, profession: readonly [string, string]): Structure {
  const siren = withKey(`${rng.chance(0.5) ? '4' : '8'}${digits(rng, 7)}`);
  return {
    ...near, finessSite: '', finessEj: '', siret: withKey(siren + digits(rng, 4)), techId: `R${digits(rng, 14)}`,
    name: profession[0] === '10' ? 'CABINET MEDICAL' : profession[0] === '21' ? `PHARMACIE ${rng.pick(['DU CENTRE', 'DE LA GARE', 'DE L ILL', 'DES VOSGES', 'SAINT-JEAN'])}` : '',
    street: [String(rng.range(1, 90)), 'R', 'Rue', rng.pick(['PRINCIPALE', 'DES JARDINS', 'DU MOULIN', 'DE LA PAIX', 'DES VIGNES'])],
    sector: ['SA07', 'Cabinet individuel'], phone: `03${digits(rng, 8)}`,
  };
}

// ---------------------------------------------------------------- the generator

export function generateAlsaceE(options: GenerateAlsaceEOptions): { written: Record<string, number> } {
  const { seed, outDir } = options;
  const staff = options.staff ?? 1500;
  const namesakeScale = options.namesakeScale ?? 1;
  mkdirSync(outDir, { recursive: true });
  const written: Record<string, number> = {};
  const records: Array<{ sourceId: string; key: string; personId: string | null }> = [];
  const record = (sourceId: string, key: string, personId: string | null): void => {
    records.push({ sourceId, key, personId });
  };

  const structures = buildStructures(streamFor(seed, 'structures'));
  const people = makePeople(streamFor(seed, 'people'), staff);
  plantNames(streamFor(seed, 'homonyms'), people);
  const matriculeGaps = assignMatricules(streamFor(seed, 'matricules'), people);
  const usedRpps = new Set<string>();
  const rppsRng = streamFor(seed, 'rpps-numbers');
  const newRpps = (): string => {
    for (;;) {
      const rpps = withKey(`10${digits(rppsRng, 8)}`);
      if (!usedRpps.has(rpps)) {
        usedRpps.add(rpps);
        return rpps;
      }
    }
  };
  assignRegister(streamFor(seed, 'register-lag'), people, newRpps);
  const byHrId = [...people].sort((a, b) => a.hrId.localeCompare(b.hrId));
  const siteOf = (p: Person): Structure => SITES[p.service.site];

  // ---------------- HR (SIRH): ISO-8859-1, `;`, LF, DD/MM/YYYY
  {
    const rng = streamFor(seed, 'hr');
    const header = ['MATRICULE', 'SEXE', 'NOM_PATRONYMIQUE', 'NOM_MARITAL', 'PRENOMS', 'PRENOM_USUEL', 'DATE_NAISSANCE', 'COMMUNE_NAISSANCE', 'NUM_RPPS', 'CODE_EMPLOI', 'LIBELLE_EMPLOI', 'STATUT', 'CODE_SERVICE', 'LIBELLE_SERVICE', 'FINESS_GEO', 'DATE_ENTREE', 'DATE_SORTIE', 'POSITION'];
    const lines = [header.join(';')];
    const birthplaces: Record<Origin, readonly string[]> = {
      top: ['STRASBOURG', 'MULHOUSE', 'COLMAR', 'SELESTAT', 'ALTKIRCH', 'ERSTEIN', 'HAGUENAU', 'OBERNAI'], als: ['STRASBOURG', 'MULHOUSE', 'COLMAR', 'SELESTAT', 'ALTKIRCH', 'BENFELD', 'SAVERNE', 'METZ', 'SARREGUEMINES', 'GUEBWILLER'],
      uml: ['STRASBOURG', 'MULHOUSE', 'FRIBOURG-EN-BRISGAU (ALLEMAGNE)', 'KEHL (ALLEMAGNE)', 'BALE (SUISSE)'], fr: ['NANCY', 'PARIS 14E', 'LYON 3E', 'EPINAL', 'BESANCON', 'DIJON', 'REIMS', 'STRASBOURG'],
      tr: ['STRASBOURG', 'MULHOUSE', 'KAYSERI (TURQUIE)', 'KONYA (TURQUIE)'], mg: ['STRASBOURG', 'MULHOUSE', 'ORAN (ALGERIE)', 'OUJDA (MAROC)', 'COLMAR'], it: ['METZ', 'THIONVILLE', 'MULHOUSE'], pt: ['STRASBOURG', 'BRAGA (PORTUGAL)', 'COLMAR'], pl: ['FORBACH', 'FREYMING-MERLEBACH', 'METZ'],
    };
    const typo = (name: string): string => {
      const r = rng.next();
      if (/TT/.test(name) && r < 0.3) return name.replace('TT', 'T');
      if (/IE|EI/.test(name) && r < 0.45) return name.replace(/IE|EI/, (m) => (m === 'IE' ? 'EI' : 'IE'));
      const letters = [...name];
      const i = 1 + rng.int(Math.max(1, letters.length - 2));
      if (r < 0.6) letters.splice(i, 1);
      else if (r < 0.8) letters.splice(i, 0, letters[i] as string);
      else [letters[i - 1], letters[i]] = [letters[i] as string, letters[i - 1] as string];
      const out = letters.join('');
      return out === name ? `${name}E` : out;
    };
    for (const p of byHrId) {
      let birthName = p.birthName;
      let marital = p.marital ?? '';
      if (rng.chance(0.02) && usageName(p).length > 3) {
        if (marital !== '') marital = typo(marital);
        else birthName = typo(birthName);
      }
      let rpps = '';
      if (p.rpps && rng.chance(p.job.rppsInHr)) {
        rpps = p.rpps;
        if (rng.chance(0.05)) {
          const i = 2 + rng.int(9);
          rpps = rpps.slice(0, i) + String((Number(rpps[i]) + 1 + rng.int(9)) % 10) + rpps.slice(i + 1);
        }
      }
      // Agents migrated from the pre-2000 payroll: PRENOM_USUEL never filled, the first civil name is the usual one.
      const legacy = yearOf(p.start) < 2000 && rng.chance(0.08);
      const statut = p.job.key === 'interne' ? 'INTERNE' : p.job.key === 'medecin' ? (p.jobLabel === 'PRATICIEN HOSPITALIER' ? 'PH TEMPS PLEIN' : p.jobLabel === 'PRATICIEN CONTRACTUEL' ? 'CONTRACTUEL' : 'PRATICIEN TEMPS PARTIEL') : p.end !== null && !p.departed ? 'CDD' : EXTRACT - p.start < YEAR ? 'STAGIAIRE' : rng.chance(0.9) ? 'TITULAIRE' : 'CDI';
      const position = p.departed ? rng.weighted([['RADIE', 6], ['FIN DE CONTRAT', 3], ['MUTATION', 2]] as const) : rng.chance(0.03) ? rng.pick(['DISPONIBILITE', 'CONGE PARENTAL']) : 'ACTIVITE';
      lines.push([
        p.hrId, p.sex === 'M' ? '1' : '2', birthName, marital, p.givenNames.join(' '), legacy ? '' : p.firstName,
        rng.chance(0.02) ? '' : dmy(p.birth), rng.pick(birthplaces[p.origin]), rpps, `E${String(V.JOBS.indexOf(p.job) * 10 + p.job.labels.indexOf(p.jobLabel)).padStart(3, '0')}`,
        p.jobLabel, statut, p.service.code, p.service.label, siteOf(p).finessSite, dmy(p.start), p.end === null ? '' : dmy(p.end), position,
      ].join(';'));
      record('rh', p.hrId, p.id);
    }
    writeFileSync(join(outDir, 'SIRH_AGENTS_20261130.csv'), encodeSingleByte(`${lines.join('\n')}\n`, 'iso-8859-1', 'SIRH'));
    written.rh = byHrId.length;
  }

  // ---------------- register extract: 56 columns, Windows-1252, LF, sorted by nom d'exercice
  const registerLines: Array<{ sortKey: readonly [string, string, string]; cells: string[] }> = [];
  const registerPeople = new Map<string, string | null>();
  const addPro = (pro: Professional, activities: Activity[], personId: string | null): void => {
    registerPeople.set(pro.rpps, personId);
    for (const act of activities) registerLines.push({ sortKey: [pro.surname, pro.given, pro.rpps], cells: registerLine(pro, act) });
  };
  const unrelatedDoctors: Professional[] = [];
  {
    const rng = streamFor(seed, 'register');
    const elsewhere = (regional: number): Structure => (rng.chance(regional) ? rng.pick(structures.grandEst) : rng.pick(structures.elsewhere));
    const activityElsewhere = (profession: readonly [string, string], regional: number): Activity => {
      const liberalShare: Record<string, number> = { '10': 0.45, '21': 0.5, '40': 0.9, '60': 0.22, '70': 0.75, '91': 0.85, '80': 0.95, '50': 0.2 };
      const near = elsewhere(regional);
      return rng.chance(liberalShare[profession[0]] ?? 0) ? { mode: 'L', structure: liberalPractice(rng, near, profession) } : { mode: 'S', structure: near };
    };
    const specialtyFor = (profession: readonly [string, string], student: boolean, preferred?: readonly [string, string]): readonly [string, string] | null =>
      profession[0] !== '10' || student ? null : (preferred ?? rng.pick(V.OTHER_SPECIALTIES));
    // Local professionals.
    for (const p of people) {
      if (!p.rpps || !p.job.register || p.registerState === 'absent') continue;
      const student = p.job.key === 'interne';
      const exerciseBirthName = p.marital !== null && rng.chance(['medecin', 'pharmacien', 'sagefemme'].includes(p.job.key) ? 0.4 : 0.1);
      const surname = translit(exerciseBirthName ? p.birthName : usageName(p), hasUmlaut(exerciseBirthName ? p.birthName : usageName(p)) ? p.spelling.register : 'ascii').toUpperCase();
      const usualIsSecond = p.givenNames[0] !== undefined && !p.firstName.startsWith(p.givenNames[0]);
      const given = usualIsSecond && rng.chance(0.25) ? (p.givenNames[0] as string) : p.firstName;
      p.registerName = `${surname} ${given}`;
      const pro: Professional = { rpps: p.rpps, sex: p.sex, surname, given, profession: p.job.register, student, specialty: specialtyFor(p.job.register, student, p.service.specialty) };
      const activities: Activity[] = [];
      if (p.registerState === 'listed') {
        activities.push({ mode: 'S', structure: siteOf(p) });
        if (p.job.key === 'medecin' && p.service.site !== 'ehpad' && rng.chance(0.1)) activities.push({ mode: 'S', structure: SITES[p.service.site === 'ried' ? 'sundgau' : 'ried'] });
        if (p.job.key === 'medecin' && rng.chance(0.12)) activities.push({ mode: 'L', structure: liberalPractice(rng, rng.pick(structures.grandEst), p.job.register) });
        else if (p.job.key === 'medecin' && rng.chance(0.06)) activities.push({ mode: 'S', structure: rng.pick(structures.grandEst) });
        if (p.departed && rng.chance(0.5)) activities.push(activityElsewhere(p.job.register, 0.7));
      } else {
        // stale-activity: only the previous employer (a CHU for internes, any structure or a practice otherwise).
        activities.push(student ? { mode: 'S', structure: rng.pick(structures.grandEst.filter((s) => s.sector[0] === 'SA01')) } : activityElsewhere(p.job.register, 0.75));
      }
      addPro(pro, activities, p.id);
    }
    // Namesakes of every local person (health professionals elsewhere with the same name).
    const lambda: Record<Origin, number> = { top: 9, uml: 4, als: 2.2, fr: 1.8, tr: 1, mg: 1, it: 0.9, pt: 0.9, pl: 0.8 };
    for (const p of people) {
      const regional = p.origin === 'top' || p.origin === 'als' || p.origin === 'uml' ? 0.75 : p.origin === 'fr' ? 0.35 : 0.5;
      const count = rng.poisson(lambda[p.origin] * namesakeScale);
      for (let k = 0; k < count; k += 1) {
        const sameGiven = rng.chance(0.6);
        const sex = sameGiven ? p.sex : rng.chance(0.5) ? 'F' : 'M';
        const given = sameGiven ? p.firstName : drawGiven(rng, p.origin, sex, rng.range(1955, 2000));
        const surname = translit(usageName(p), hasUmlaut(usageName(p)) ? rng.weighted([['ascii', 70], ['keep', 20], ['ue', 10]] as const) : 'ascii').toUpperCase();
        const profession = p.job.register && rng.chance(0.35) ? p.job.register : rng.weighted(V.REGISTER_PROFESSIONS);
        const pro: Professional = { rpps: newRpps(), sex, surname, given, profession, student: profession[0] === '10' && rng.chance(0.08), specialty: null };
        pro.specialty = specialtyFor(profession, pro.student);
        const activities = [activityElsewhere(profession, regional)];
        if (rng.chance(0.12)) activities.push(activityElsewhere(profession, regional));
        addPro(pro, activities, null);
      }
    }
    // Unrelated professionals of the region and elsewhere.
    const unrelated = Math.round(staff * 0.3);
    for (let k = 0; k < unrelated; k += 1) {
      const origin = rng.weighted(V.ORIGIN_WEIGHTS);
      const sex = rng.chance(0.6) ? 'F' : 'M';
      const profession = k < 10 ? (['10', 'Médecin'] as const) : rng.weighted(V.REGISTER_PROFESSIONS);
      const pro: Professional = {
        rpps: newRpps(), sex, surname: translit(drawSurname(rng, origin), 'ascii'), given: drawGiven(rng, origin, sex, rng.range(1955, 2000)), profession, student: false,
        specialty: k < 6 ? ['SM44', 'Radio-diagnostic et imagerie médicale'] : k < 10 ? ['SM03', 'Biologie médicale'] : null,
      };
      if (pro.specialty === null) pro.specialty = specialtyFor(profession, false);
      if (k < 10) unrelatedDoctors.push(pro);
      const activities = [activityElsewhere(profession, 0.5)];
      if (rng.chance(0.1)) activities.push(activityElsewhere(profession, 0.5));
      addPro(pro, activities, null);
    }
    const byName = (a: readonly string[], b: readonly string[]): number => {
      for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
      return 0;
    };
    registerLines.sort((a, b) => byName(a.sortKey, b.sortKey));
    const text = `${[REGISTER_HEADER, ...registerLines.map((l) => l.cells)].map((cells) => `${cells.join('|')}|`).join('\n')}\n`;
    writeFileSync(join(outDir, 'PS_LibreAcces_Personne_activite_202611300405.txt'), encodeSingleByte(text, 'windows-1252', 'register'));
    for (const [rpps, personId] of registerPeople) record('rpps', rpps, personId);
    written.rpps = registerPeople.size;
    written.rppsLines = registerLines.length;
  }

  // ---------------- Active Directory: PowerShell Export-Csv (UTF-8 BOM, `,`, every value quoted, CRLF)
  const adLoginOf = new Map<string, string>();
  {
    const rng = streamFor(seed, 'ad');
    const used = new Set<string>();
    const usedMail = new Set<string>();
    const usedCn = new Set<string>();
    const rows: string[][] = [];
    const unique = (base: string, max: number, taken: Set<string>): string => {
      let login = base.slice(0, max);
      for (let n = 2; taken.has(login); n += 1) login = base.slice(0, max - String(n).length) + String(n);
      taken.add(login);
      return login;
    };
    const loginFor = (style: 'pnom' | 'prenom.nom' | 'nom.prenom', given: string, surname: string): string => {
      const g = loginPart(given);
      const s = loginPart(surname);
      if (style === 'pnom') return unique((rng.chance(0.4) ? loginPart(initials(given)) : g.charAt(0)) + s.replace(/-/g, ''), 8, used);
      return unique(style === 'prenom.nom' ? `${g}.${s}` : `${s}.${g}`, 20, used);
    };
    const styleFor = (created: number): 'pnom' | 'prenom.nom' | 'nom.prenom' => (yearOf(created) < 2011 ? 'pnom' : yearOf(created) < 2019 ? 'prenom.nom' : 'nom.prenom');
    const stamp = (day: number, seconds: number): string => `${dmy(day)} ${hms(seconds)}`;
    const dnFor = (cn: string, ou: string): string => {
      let name = cn;
      for (let n = 2; usedCn.has(`${name}|${ou}`); n += 1) name = `${cn} ${n}`;
      usedCn.add(`${name}|${ou}`);
      return `CN=${name.replace(/,/g, '\\,')},${ou},DC=ghrs,DC=local`;
    };
    const push = (a: { sam: string; given: string | null; surname: string | null; display: string; mail: string | null; employeeId: string | null; department: string | null; title: string | null; description: string | null; enabled: boolean; lastLogon: string | null; created: string; ou: string }, personId: string | null): void => {
      rows.push([dnFor(a.display, a.ou), a.enabled ? 'True' : 'False', a.given, a.surname, a.display, a.sam, `${a.sam}@ghrs.local`, a.mail, a.employeeId, a.department, a.title, a.description, a.lastLogon, a.created].map((v) => v ?? '\u0000'));
      record('ad', a.sam, personId);
    };
    const ouOf = (site: SiteKey): string => `OU=Utilisateurs,OU=${site === 'ried' ? 'Ried' : site === 'sundgau' ? 'Sundgau' : 'EHPAD'},OU=GHRS`;
    const accountShare: Record<V.JobKey, number> = { medecin: 1, interne: 1, pharmacien: 1, sagefemme: 1, infirmier: 0.98, cadresante: 1, aidesoignant: 0.88, auxpuer: 0.9, ash: 0.55, kine: 1, manip: 1, preparateur: 1, techlabo: 1, ergo: 1, dieteticien: 1, psychologue: 1, admin: 1, technique: 0.6, animateur: 0.9 };
    for (const p of people) {
      if (!rng.chance(accountShare[p.job.key])) continue;
      if (p.departed && (p.end as number) < EXTRACT - 1.5 * YEAR && rng.chance(0.55)) continue; // deleted with the leavers' clean-up
      const created = Math.max(p.start - rng.range(0, 15), AD_MIGRATION + rng.range(0, 40));
      const onBirthName = p.marital !== null && rng.chance(0.3);
      const surnameTruth = onBirthName ? p.birthName : usageName(p);
      const surnameAscii = translit(surnameTruth, hasUmlaut(surnameTruth) ? p.spelling.ad : rng.chance(0.5) ? 'keep' : 'ascii');
      const usualIsSecond = p.givenNames[0] !== undefined && !p.firstName.startsWith(p.givenNames[0]);
      let given = usualIsSecond && rng.chance(0.3) ? (p.givenNames[0] as string) : p.firstName;
      if (given.includes('-') && rng.chance(0.2)) given = given.split('-')[0] as string;
      if (rng.chance(0.15)) given = stripAccents(given);
      const newStyle = yearOf(created) >= 2019 && rng.chance(0.6);
      const surname = newStyle ? titleCase(surnameAscii) : surnameAscii.toUpperCase();
      const mailable = rng.chance(p.job.key === 'ash' ? 0.5 : p.job.key === 'technique' ? 0.6 : 0.92);
      const mailFor = (): string | null => (mailable ? `${unique(`${loginPart(given)}.${loginPart(translit(surnameTruth, p.spelling.ad))}`, 64, usedMail)}@ghrs.fr` : null);
      const employeeId = rng.chance(yearOf(created) >= 2017 ? 0.72 : 0.22) ? (rng.chance(0.3) ? String(Number(p.hrId)) : p.hrId) : null;
      const department = rng.chance(0.9) ? p.service.label : drawService(rng, p.job).label;
      const title = p.jobLabel.charAt(0) + p.jobLabel.slice(1).toLowerCase();
      const enabled = !p.departed || rng.chance(0.3);
      let lastDay: number | null;
      if (!p.departed) lastDay = rng.chance(0.04) ? null : rng.chance(0.9) ? EXTRACT - rng.range(0, 14) : EXTRACT - rng.range(15, 120);
      else lastDay = Math.max(created, (p.end as number) - rng.range(0, 30));
      if (lastDay !== null && lastDay < created) lastDay = created;
      // Long-standing staff: an old `pnom` account kept beside the account made at the 2019 GHT migration.
      if (yearOf(created) < 2011 && !p.departed && rng.chance(0.09)) {
        const old = loginFor('pnom', given, surnameAscii);
        const oldEnabled = rng.chance(0.25);
        push({ sam: old, given, surname: surnameAscii.toUpperCase(), display: `${surnameAscii.toUpperCase()} ${given}`, mail: null, employeeId: null, department, title, description: 'Ancien compte', enabled: oldEnabled, lastLogon: stamp(dayOf('2019-03-01') + rng.range(0, 700), clock(rng)), created: stamp(created, clock(rng)), ou: oldEnabled ? ouOf(p.service.site) : 'OU=Comptes desactives,OU=GHRS' }, p.id);
        const migrated = dayOf('2019-03-11') + rng.range(0, 60);
        const sam = loginFor('nom.prenom', given, surnameAscii);
        adLoginOf.set(p.id, sam);
        push({ sam, given, surname, display: `${surnameAscii.toUpperCase()} ${given}`, mail: mailFor(), employeeId, department, title, description: null, enabled, lastLogon: lastDay === null ? null : stamp(lastDay, clock(rng)), created: stamp(migrated, clock(rng)), ou: ouOf(p.service.site) }, p.id);
        continue;
      }
      const sam = loginFor(styleFor(created), given, surnameAscii);
      adLoginOf.set(p.id, sam);
      push({ sam, given, surname, display: `${surnameAscii.toUpperCase()} ${given}`, mail: mailFor(), employeeId, department, title, description: null, enabled, lastLogon: lastDay === null ? null : stamp(lastDay, clock(rng)), created: stamp(created, clock(rng)), ou: enabled ? ouOf(p.service.site) : 'OU=Comptes desactives,OU=GHRS' }, p.id);
      // Information-systems staff: a second, administrator account.
      if (p.service.code === '1450' && !p.departed && rng.chance(0.6)) {
        push({ sam: unique(`adm.${sam}`, 20, used), given, surname, display: `ADM ${surnameAscii.toUpperCase()} ${given}`, mail: null, employeeId: null, department, title: 'Administrateur', description: 'Compte à privilèges', enabled: true, lastLogon: stamp(EXTRACT - rng.range(0, 10), clock(rng)), created: stamp(created + rng.range(30, 400), clock(rng)), ou: 'OU=Administrateurs,OU=GHRS' }, p.id);
      }
    }
    for (const [sam, description] of V.AD_GENERIC) {
      const service = sam.startsWith('svc_') || sam.startsWith('adm.');
      push({ sam: unique(sam, 20, used), given: null, surname: service ? null : titleCase(sam.split(/[._]/)[0] as string), display: description, mail: service ? null : `${sam}@ghrs.fr`, employeeId: null, department: null, title: null, description, enabled: true, lastLogon: stamp(EXTRACT - rng.range(0, 5), clock(rng)), created: stamp(AD_MIGRATION + rng.range(0, 5000), clock(rng)), ou: service ? 'OU=Comptes de service,OU=GHRS' : 'OU=Comptes generiques,OU=GHRS' }, null);
    }
    // Interims (`ext.`), and people purged from HR whose accounts were never cleaned up.
    for (let k = 0; k < Math.round(staff * 0.025); k += 1) {
      const origin = rng.weighted(V.ORIGIN_WEIGHTS);
      const sex = rng.chance(0.8) ? 'F' : 'M';
      const given = drawGiven(rng, origin, sex, rng.range(1965, 2000));
      const surname = translit(drawSurname(rng, origin), 'ascii');
      const created = EXTRACT - rng.range(5, 700);
      push({ sam: unique(`ext.${loginPart(given)}.${loginPart(surname)}`, 20, used), given, surname, display: `${surname} ${given}`, mail: null, employeeId: null, department: rng.pick(V.SERVICES.filter((s) => s.kind === 'clinical' || s.kind === 'ehpad')).label, title: rng.pick(['Intérimaire IDE', 'Intérimaire AS', 'Intérimaire IBODE']), description: `Intérim ${rng.pick(['Adecco Medical', 'Synergie', 'Appel Médical', 'Randstad'])}`, enabled: rng.chance(0.8), lastLogon: stamp(Math.min(EXTRACT, created + rng.range(0, 300)), clock(rng)), created: stamp(created, clock(rng)), ou: 'OU=Externes,OU=GHRS' }, null);
    }
    for (let k = 0; k < Math.round(staff * 0.025); k += 1) {
      const origin = rng.weighted(V.ORIGIN_WEIGHTS);
      const sex = rng.chance(0.7) ? 'F' : 'M';
      const given = drawGiven(rng, origin, sex, rng.range(1950, 1995));
      const surname = translit(drawSurname(rng, origin), rng.chance(0.6) ? 'ascii' : 'ue');
      const created = AD_MIGRATION + rng.range(0, 14 * 365);
      const enabled = rng.chance(0.4);
      const gap = matriculeGaps.length > 0 ? matriculeGaps[rng.int(matriculeGaps.length)] : undefined;
      push({ sam: loginFor(styleFor(created), given, surname), given, surname: surname.toUpperCase(), display: `${surname.toUpperCase()} ${given}`, mail: rng.chance(0.5) ? `${unique(`${loginPart(given)}.${loginPart(surname)}`, 64, usedMail)}@ghrs.fr` : null, employeeId: gap !== undefined && rng.chance(0.3) ? String(gap).padStart(6, '0') : null, department: rng.pick(V.SERVICES).label, title: null, description: null, enabled, lastLogon: rng.chance(0.1) ? null : stamp(Math.min(EXTRACT - 200, created + rng.range(100, 3000)), clock(rng)), created: stamp(created, clock(rng)), ou: enabled ? ouOf(rng.pick(['ried', 'sundgau'] as const)) : 'OU=Comptes desactives,OU=GHRS' }, null);
    }
    const header = ['DistinguishedName', 'Enabled', 'GivenName', 'Surname', 'DisplayName', 'SamAccountName', 'UserPrincipalName', 'EmailAddress', 'EmployeeID', 'Department', 'Title', 'Description', 'LastLogonDate', 'whenCreated'];
    // Export-Csv quotes every value; a $null property is written as nothing at all.
    const line = (cells: string[]): string => cells.map((v) => (v === '\u0000' ? '' : `"${v.replace(/"/g, '""')}"`)).join(',');
    writeFileSync(join(outDir, 'AD_Users_Export_20261130.csv'), utf8Bom(`${[line(header), ...rows.map(line)].join('\r\n')}\r\n`));
    written.ad = rows.length;
  }

  // ---------------- RIS/PACS users: DICOM person names `NOM^PRENOM^^DR`, YYYYMMDD, DICOM DT last login
  {
    const rng = streamFor(seed, 'ris');
    const header = ['ID_UTILISATEUR', 'NOM_DICOM', 'DATE_NAISSANCE', 'RPPS', 'PROFIL', 'SITE', 'ACTIF', 'DERNIERE_CONNEXION'];
    const rows: Array<{ order: number; cells: string[]; personId: string | null }> = [];
    const dicomGiven = (given: string): string => stripAccents(given).toUpperCase();
    const dicomDt = (day: number): string => compact(day) + hms(clock(rng)).replace(/:/g, '');
    for (const p of people) {
      const imaging = p.service.kind === 'imaging';
      const share = imaging ? (p.job.key === 'ash' || p.job.key === 'aidesoignant' ? 0.3 : 1) : p.job.key === 'medecin' ? 0.35 : p.job.key === 'interne' ? 0.25 : p.service.code === '1010' && p.job.key === 'infirmier' ? 0.4 : 0;
      if (!rng.chance(share)) continue;
      if (p.departed && (p.end as number) < EXTRACT - 3 * YEAR && rng.chance(0.5)) continue;
      const surname = translit(p.marital !== null && rng.chance(0.15) ? p.birthName : usageName(p), p.spelling.ris).toUpperCase();
      let given = dicomGiven(p.firstName);
      const usualIsSecond = p.givenNames[0] !== undefined && !p.firstName.startsWith(p.givenNames[0]);
      if (usualIsSecond && rng.chance(0.3)) given = dicomGiven(p.givenNames[0] as string);
      let name = `${surname}^${given}`;
      if (given.includes('-') && rng.chance(0.3)) name = `${surname}^${given.replace('-', '^')}`;
      else if (p.givenNames.length > 1 && rng.chance(0.1)) name = `${surname}^${given}^${dicomGiven(p.givenNames[1] as string)}`;
      if (isDoctor(p) && p.job.key === 'medecin' && rng.chance(0.5)) name += name.split('^').length === 2 ? '^^DR' : '^DR';
      const radiologist = p.job.key === 'medecin' && imaging;
      const rpps = p.rpps && (radiologist ? rng.chance(0.85) : p.job.key === 'medecin' && rng.chance(0.3)) ? p.rpps : '';
      const profil = radiologist ? 'RADIOLOGUE' : p.job.key === 'manip' ? 'MANIPULATEUR' : p.job.key === 'interne' ? 'INTERNE' : p.job.key === 'medecin' ? 'CLINICIEN' : p.job.key === 'admin' ? 'SECRETAIRE' : 'CONSULTATION';
      const active = !p.departed || rng.chance(0.35);
      const last = rng.chance(0.07) ? '' : dicomDt(p.departed ? Math.max(p.start, (p.end as number) - rng.range(0, 40)) : EXTRACT - rng.range(0, radiologist || p.job.key === 'manip' ? 4 : 60));
      rows.push({ order: p.start + rng.next(), cells: ['', name, rng.chance(0.1) ? '' : compact(p.birth), rpps, profil, p.service.site === 'sundgau' ? 'SUNDGAU' : 'RIED', active ? '1' : '0', last], personId: p.id });
    }
    // Teleradiology partners reading at night (in the register, not on staff) and technical accounts.
    for (const pro of unrelatedDoctors.slice(0, 6)) rows.push({ order: EXTRACT - rng.range(100, 2000), cells: ['', `${pro.surname}^${dicomGiven(pro.given)}^^DR`, rng.chance(0.5) ? '' : compact(dayOf(`${rng.range(1960, 1990)}-0${rng.range(1, 9)}-1${rng.range(0, 9)}`)), pro.rpps, 'TELERADIOLOGUE', 'RIED', '1', dicomDt(EXTRACT - rng.range(0, 3))], personId: null });
    for (const name of ['ADMIN^PACS', 'SERVICE^RIS', 'MODALITE^SCANNER', 'MODALITE^IRM', 'TEST^UTILISATEUR', 'FORMATION^MANIP']) rows.push({ order: AD_MIGRATION + rng.range(0, 3000), cells: ['', name, '', '', 'TECHNIQUE', 'RIED', '1', dicomDt(EXTRACT - rng.range(0, 30))], personId: null });
    rows.sort((a, b) => a.order - b.order);
    let id = 1000 + rng.int(20);
    for (const row of rows) {
      id += rng.range(1, 3);
      row.cells[0] = String(id);
      record('ris', String(id), row.personId);
    }
    writeFileSync(join(outDir, 'ris_utilisateurs.csv'), Buffer.from(`${[header, ...rows.map((r) => r.cells)].map((c) => c.join(';')).join('\r\n')}\r\n`, 'utf8'));
    written.ris = rows.length;
  }

  // ---------------- SIL (laboratory): one display-name column, trigram codes, YYYYMMDD birth dates
  {
    const rng = streamFor(seed, 'sil');
    const header = ['CODE_OPERATEUR', 'NOM_AFFICHE', 'DATE_NAISSANCE', 'RPPS', 'FONCTION', 'ACTIF', 'DERNIERE_CONNEXION'];
    const used = new Set<string>();
    const rows: string[][] = [];
    const codeFor = (given: string, surname: string): string => {
      const s = stripAccents(surname).toUpperCase().replace(/[^A-Z]/g, '');
      const g = stripAccents(given).toUpperCase().charAt(0);
      for (const candidate of [g + s.slice(0, 2), g + s.charAt(0) + s.charAt(2), g + s.charAt(0) + s.charAt(s.length - 1)]) {
        if (candidate.length === 3 && !used.has(candidate)) {
          used.add(candidate);
          return candidate;
        }
      }
      for (let n = 2; ; n += 1) {
        const candidate = `${g}${s.slice(0, 2)}${n}`;
        if (!used.has(candidate)) {
          used.add(candidate);
          return candidate;
        }
      }
    };
    const initial = (given: string): string => (given.includes('-') ? given.split('-').map((part) => part.charAt(0)).join('-') : `${given.charAt(0)}.`);
    const stamp = (day: number): string => `${dmy(day)} ${hms(clock(rng)).slice(0, 5)}`;
    for (const p of people) {
      const lab = p.service.kind === 'lab';
      const share = lab ? 1 : p.job.key === 'medecin' ? 0.6 : p.job.key === 'interne' ? 0.3 : p.job.key === 'sagefemme' ? 0.5 : p.job.key === 'infirmier' ? 0.15 : p.job.key === 'pharmacien' ? 0.5 : 0;
      if (!rng.chance(share)) continue;
      if (p.departed && rng.chance(0.4)) continue;
      const surnameTruth = p.marital !== null && rng.chance(0.15) ? p.birthName : usageName(p);
      const surnameUpper = translit(surnameTruth, hasUmlaut(surnameTruth) ? p.spelling.sil : rng.chance(0.6) ? 'keep' : 'ascii').toUpperCase();
      const usualIsSecond = p.givenNames[0] !== undefined && !p.firstName.startsWith(p.givenNames[0]);
      const given = usualIsSecond && rng.chance(0.3) ? (p.givenNames[0] as string) : p.firstName;
      const doctorTitle = p.job.key === 'medecin' || (p.job.key === 'pharmacien' && lab);
      let display: string;
      if (doctorTitle) {
        const surname = rng.chance(0.25) ? titleCase(surnameUpper) : surnameUpper;
        display = rng.weighted([[`Dr ${surname} ${given}`, 45], [`Dr ${given} ${surnameUpper}`, 30], [`Dr ${surnameUpper} ${initial(given)}`, 15], [`Dr ${initial(given)} ${surnameUpper}`, 10]] as const);
      } else {
        const civility = p.sex === 'F' ? 'Mme' : 'M.';
        display = rng.weighted([[`${civility} ${given} ${surnameUpper}`, 50], [`${civility} ${surnameUpper} ${given}`, 30], [`${civility} ${initial(given)} ${surnameUpper}`, 12], [`${surnameUpper} ${given}`, 8]] as const);
      }
      const rpps = p.rpps && (p.job.key === 'medecin' || p.job.key === 'pharmacien') && rng.chance(0.7) ? p.rpps : '';
      const fonction = lab ? (doctorTitle ? 'BIOLOGISTE' : p.job.key === 'techlabo' ? 'TECHNICIEN' : 'SECRETARIAT') : p.job.key === 'interne' ? 'INTERNE' : p.job.key === 'medecin' ? 'PRESCRIPTEUR' : p.job.key === 'pharmacien' ? 'PHARMACIEN' : 'SOIGNANT';
      const active = !p.departed || rng.chance(0.3);
      const code = codeFor(given, surnameTruth);
      rows.push([code, display, rng.chance(0.08) ? '' : compact(p.birth), rpps, fonction, active ? 'O' : 'N', rng.chance(0.05) ? '' : stamp(p.departed ? Math.max(p.start, (p.end as number) - rng.range(0, 60)) : EXTRACT - rng.range(0, lab ? 3 : 90))]);
      record('sil', code, p.id);
    }
    // Biologists of the partner private laboratory (on-call validation), interims, technical operators.
    for (const pro of unrelatedDoctors.slice(6, 10)) {
      const code = codeFor(pro.given, pro.surname);
      rows.push([code, `Dr ${pro.surname} ${pro.given}`, '', pro.rpps, 'BIOLOGISTE', 'O', stamp(EXTRACT - rng.range(0, 20))]);
      record('sil', code, null);
    }
    for (let k = 0; k < 3; k += 1) {
      const origin = rng.weighted(V.ORIGIN_WEIGHTS);
      const given = drawGiven(rng, origin, 'F', rng.range(1975, 2000));
      const surname = translit(drawSurname(rng, origin), 'ascii');
      const code = codeFor(given, surname);
      rows.push([code, `Mme ${given} ${surname} (intérim)`, '', '', 'TECHNICIEN', 'O', stamp(EXTRACT - rng.range(0, 60))]);
      record('sil', code, null);
    }
    for (const [code, display] of [['ADM', 'Administrateur SIL'], ['AUTO1', 'Automate Cobas 8000'], ['AUTO2', 'Automate Sysmex XN'], ['INTDPI', 'Interface DPI - HPRIM'], ['CQ', 'Contrôle qualité'], ['GARDE', 'Biologiste de garde']] as const) {
      rows.push([code, display, '', '', 'TECHNIQUE', 'O', stamp(EXTRACT - rng.range(0, 2))]);
      record('sil', code, null);
    }
    const text = [header, ...rows].map((cells) => cells.map((v) => quoteIfNeeded(v, ',')).join(',')).join('\n');
    writeFileSync(join(outDir, 'sil_operateurs.csv'), Buffer.from(`${text}\n`, 'utf8'));
    written.sil = rows.length;
  }

  // ---------------- access-control badges: Windows-1252, `;`, CRLF, DD.MM.YYYY, several cards per person
  {
    const rng = streamFor(seed, 'badges');
    const header = ['NUM_BADGE', 'TITULAIRE', 'MATRICULE', 'SOCIETE', 'PROFIL_ACCES', 'STATUT', 'DATE_EMISSION', 'DATE_FIN_VALIDITE', 'DERNIER_PASSAGE'];
    const usedUid = new Set<string>();
    const rows: string[][] = [];
    const uid = (): string => {
      for (;;) {
        const value = `04${Array.from({ length: 6 }, () => rng.int(256).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
        if (!usedUid.has(value)) {
          usedUid.add(value);
          return value;
        }
      }
    };
    const stamp = (day: number): string => `${dmy(day, '.')} ${hms(clock(rng)).slice(0, 5)}`;
    const profileOf = (p: Person): string =>
      p.service.code === '1130' ? 'Bloc opératoire — accès 24h/24' : p.service.kind === 'pharma' ? 'Pharmacie — stupéfiants' : p.service.kind === 'imaging' ? 'Imagerie — zone contrôlée' : p.service.site === 'ehpad' ? 'EHPAD — résidents' : p.job.key === 'medecin' || p.job.key === 'interne' ? 'Médical — tous bâtiments' : p.service.kind === 'admin' ? 'Administration' : p.service.kind === 'tech' ? 'Technique — locaux techniques' : 'Soignant — unités de soins';
    const card = (holder: string, matricule: string, company: string, profile: string, status: string, issued: number, last: number | null, personId: string | null, validUntil?: number): void => {
      const key = uid();
      // Staff and pool cards never expire (the system's `31.12.2099`); named outsiders' cards end with their contract.
      rows.push([key, holder, matricule, company, profile, status, dmy(issued, '.'), dmy(validUntil ?? dayOf('2099-12-31'), '.'), last === null ? '' : stamp(last)]);
      record('badges', key, personId);
    };
    for (const p of people) {
      if (!rng.chance(p.service.site === 'ehpad' ? 0.75 : 0.95)) continue;
      if (p.departed && (p.end as number) < EXTRACT - 3 * YEAR && rng.chance(0.5)) continue;
      const surname = translit(usageName(p), hasUmlaut(usageName(p)) ? p.spelling.badge : rng.chance(0.7) ? 'ascii' : 'keep').toUpperCase();
      const holder = rng.chance(0.7) ? `${surname} ${p.firstName}` : `${p.firstName} ${surname}`;
      // Cards since the 2012 system; the current one reissued after a loss (the lost card kept, `Perdue`/`Bloquée`) or a renewal.
      const firstIssue = Math.max(p.start, dayOf('2012-09-03') + rng.range(0, 60));
      const lastDay = p.departed ? (p.end as number) : EXTRACT;
      const lost = lastDay - firstIssue > 90 && rng.chance(0.065);
      const issued = lost || rng.chance(0.2) ? firstIssue + rng.range(30, Math.max(31, lastDay - firstIssue - 10)) : firstIssue;
      const matricule = issued >= dayOf('2021-01-01') || rng.chance(0.1) ? (rng.chance(0.8) ? p.hrId : String(Number(p.hrId))) : '';
      if (lost) card(holder, matricule, '', profileOf(p), rng.chance(0.8) ? 'Perdue' : 'Bloquée', firstIssue, Math.max(firstIssue, issued - rng.range(1, 10)), p.id);
      const status = !p.departed ? 'Active' : rng.weighted([['Restituée', 60], ['Active', 25], ['Expirée', 15]] as const);
      const last = p.departed ? Math.max(issued, lastDay - rng.range(0, 20)) : rng.chance(0.05) ? null : EXTRACT - rng.range(0, 20);
      card(holder, matricule, '', profileOf(p), status, Math.min(issued, EXTRACT - 1), last, p.id, status === 'Expirée' ? lastDay : undefined);
      if (!p.departed && rng.chance(0.02)) card(holder, matricule, '', 'Parking personnel', 'Active', EXTRACT - rng.range(10, 900), EXTRACT - rng.range(0, 10), p.id);
    }
    for (let k = 1; k <= 20; k += 1) card(`VISITEUR ${pad2(k)}`, '', '', 'Visiteur — accueil', rng.chance(0.85) ? 'Active' : 'Perdue', dayOf('2019-01-07') + rng.range(0, 1500), rng.chance(0.3) ? null : EXTRACT - rng.range(0, 200), null);
    for (const [company, prefix, count] of [['Onet Propreté', 'ONET', 8], ['Elior Restauration', 'ELIOR', 4], ['Dalkia', 'DALKIA', 3], ['Ambulances du Ried', 'AMBULANCES RIED', 4], ['SDIS 68', 'POMPIERS SDIS 68', 2]] as const) {
      for (let k = 1; k <= count; k += 1) card(`${prefix} ${pad2(k)}`, '', company, 'Prestataire — accès limité', 'Active', EXTRACT - rng.range(30, 2000), EXTRACT - rng.range(0, 40), null);
    }
    // Named contractors, interims, IFSI students, and agents purged from HR whose cards remain.
    for (let k = 0; k < Math.round(staff * 0.04); k += 1) {
      const origin = rng.weighted(V.ORIGIN_WEIGHTS);
      const sex = rng.chance(0.65) ? 'F' : 'M';
      const given = drawGiven(rng, origin, sex, rng.range(1960, 2004));
      const surname = translit(drawSurname(rng, origin), rng.chance(0.5) ? 'keep' : 'ascii').toUpperCase();
      const [company, profile] = rng.weighted([[['Synergie Intérim', 'Intérimaire — unités de soins'], 4], [['IFSI de Sélestat', 'Étudiant IFSI'], 3], [['L’Atelier du Ried', 'Prestataire — accès limité'], 1], [['', 'Soignant — unités de soins'], 3]] as const);
      const status = company === '' ? rng.weighted([['Active', 30], ['Expirée', 40], ['Restituée', 30]] as const) : rng.chance(0.8) ? 'Active' : 'Expirée';
      const issued = EXTRACT - rng.range(20, 2500);
      const validUntil = status === 'Active' ? EXTRACT + rng.range(5, 300) : Math.min(EXTRACT - 1, issued + rng.range(30, 365));
      const last = rng.chance(0.2) ? null : Math.min(validUntil, EXTRACT) - rng.range(0, 15);
      card(rng.chance(0.6) ? `${surname} ${given}` : `${given} ${surname}`, '', company, profile, status, issued, last !== null && last < issued ? issued : last, null, validUntil);
    }
    const text = [header, ...rows].map((cells) => cells.map((v) => quoteIfNeeded(v, ';')).join(';')).join('\r\n');
    writeFileSync(join(outDir, 'badges_export_20261130.csv'), encodeSingleByte(`${text}\r\n`, 'windows-1252', 'badges'));
    written.badges = rows.length;
  }

  // ---------------- sources.json and truth.json
  const enabledMap = (pairs: ReadonlyArray<readonly [string, boolean]>): Record<string, string> => Object.fromEntries(pairs.map(([code, on]) => [code, on ? 'true' : 'false']));
  const sources = {
    establishment: { name: 'Groupe hospitalier du Ried-Sundgau', finess: [SITES.ried.finessSite, SITES.sundgau.finessSite, SITES.ehpad.finessSite] },
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: 'PS_LibreAcces_Personne_activite_202611300405.txt', encoding: 'windows-1252' },
      {
        id: 'rh', kind: 'csv', role: 'hr', path: 'SIRH_AGENTS_20261130.csv', delimiter: ';', encoding: 'iso-8859-1', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE',
        fields: {
          hrId: { column: 'MATRICULE', normalize: 'strip-leading-zeros' }, lastName: 'NOM_MARITAL', birthName: 'NOM_PATRONYMIQUE', firstName: 'PRENOM_USUEL',
          sex: { column: 'SEXE', map: { '1': 'M', '2': 'F' } }, birthDate: 'DATE_NAISSANCE', rpps: 'NUM_RPPS', site: 'FINESS_GEO',
          enabled: { column: 'POSITION', map: enabledMap([['ACTIVITE', true], ['DISPONIBILITE', true], ['CONGE PARENTAL', true], ['RADIE', false], ['FIN DE CONTRAT', false], ['MUTATION', false]]) },
        },
      },
      {
        id: 'ad', kind: 'csv', role: 'directory', path: 'AD_Users_Export_20261130.csv', delimiter: ',', encoding: 'utf-8', key: 'SamAccountName',
        fields: {
          adId: 'SamAccountName', lastName: 'Surname', firstName: 'GivenName', email: 'EmailAddress', hrId: { column: 'EmployeeID', normalize: 'strip-leading-zeros' },
          enabled: { column: 'Enabled', map: enabledMap([['True', true], ['False', false]]) }, lastLogin: { column: 'LastLogonDate', dateFormat: 'DD/MM/YYYY' },
        },
      },
      {
        id: 'ris', kind: 'csv', role: 'application', path: 'ris_utilisateurs.csv', delimiter: ';', encoding: 'utf-8', dateFormat: 'YYYYMMDD', key: 'ID_UTILISATEUR',
        fields: { fullName: { column: 'NOM_DICOM', nameOrder: 'last-first' }, birthDate: 'DATE_NAISSANCE', rpps: 'RPPS', enabled: { column: 'ACTIF', map: enabledMap([['1', true], ['0', false]]) }, lastLogin: 'DERNIERE_CONNEXION' },
      },
      {
        id: 'sil', kind: 'csv', role: 'application', path: 'sil_operateurs.csv', delimiter: ',', encoding: 'utf-8', dateFormat: 'YYYYMMDD', key: 'CODE_OPERATEUR',
        fields: {
          fullName: { column: 'NOM_AFFICHE', nameOrder: 'auto' }, birthDate: 'DATE_NAISSANCE', rpps: 'RPPS', enabled: { column: 'ACTIF', map: enabledMap([['O', true], ['N', false]]) },
          lastLogin: { column: 'DERNIERE_CONNEXION', dateFormat: 'DD/MM/YYYY' },
        },
      },
      {
        id: 'badges', kind: 'csv', role: 'application', path: 'badges_export_20261130.csv', delimiter: ';', encoding: 'windows-1252', dateFormat: 'DD.MM.YYYY', key: 'NUM_BADGE', recordsPerPerson: 'several',
        fields: {
          fullName: { column: 'TITULAIRE', nameOrder: 'auto' }, hrId: { column: 'MATRICULE', normalize: 'strip-leading-zeros' }, lastLogin: 'DERNIER_PASSAGE',
          enabled: { column: 'STATUT', map: enabledMap([['Active', true], ['Bloquée', false], ['Perdue', false], ['Restituée', false], ['Expirée', false]]) },
        },
      },
    ],
  };
  writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`);
  const truth = {
    generator: 'e', seed, extractDate: EXTRACT_ISO,
    establishment: { name: 'Groupe hospitalier du Ried-Sundgau', finess: sources.establishment.finess, finessEj: EJ.finess, sites: (['ried', 'sundgau', 'ehpad'] as const).map((site) => ({ finess: SITES[site].finessSite, name: SITE_NAMES[site] })) },
    people: byHrId.map((p) => ({
      personId: p.id, rppsTrue: p.rpps, homonymGroup: p.homonymGroup, inRegister: p.rpps !== null && p.registerState !== 'absent', registerState: p.registerState,
      hrId: p.hrId, birthName: p.birthName, usageName: usageName(p), firstName: p.firstName, givenNames: p.givenNames, birthDate: isoOf(p.birth), sex: p.sex,
      profession: p.job.register?.[1] ?? p.jobLabel.charAt(0) + p.jobLabel.slice(1).toLowerCase(), job: p.jobLabel, service: p.service.label, site: SITES[p.service.site].finessSite,
      startDate: isoOf(p.start), endDate: p.end === null ? null : isoOf(p.end), departed: p.departed, registerName: p.registerName, adLogin: adLoginOf.get(p.id) ?? null,
    })),
    records,
  };
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
  written.people = people.length;
  written.records = records.length;
  return { written };
}
