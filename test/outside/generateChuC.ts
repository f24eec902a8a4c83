/**
 * Generator C: the CHU de Saint-Aubin-les-Marais (fictional, Maine-et-Loire), one EJ with three
 * hospital sites and an EHPAD. Written from a list of real-world conventions without reading the
 * matching engine; see README.md ("Generator C") for the conventions each file follows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMUNES, GIVEN_NAMES, STREETS, SURNAMES, tailSurname } from './chuCVocabulary';
import type { Commune, Origin, SurnameEntry } from './chuCVocabulary';

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32 streams, one per file, each seeded by FNV-1a of seed + label)

class Rng {
  private state: number;

  constructor(seed: number, label: string) {
    let hash = 0x811c9dc5;
    for (const ch of `${seed}/${label}`) {
      hash ^= ch.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    this.state = hash;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weightOf(item);
      if (r < 0) return item;
    }
    return this.pick(items);
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i += 1) s += String(this.int(0, 9));
    return s;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i += 1) s += '0123456789ABCDEF'[this.int(0, 15)];
    return s;
  }

  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (UTC days since 1970-01-01)

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const partsOf = (day: number): [number, number, number] => {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoDate = (day: number): string => {
  const [y, m, d] = partsOf(day);
  return `${y}-${pad(m)}-${pad(d)}`;
};
/** HR: D/M/YYYY, one-digit day and month. */
const hrDate = (day: number): string => {
  const [y, m, d] = partsOf(day);
  return `${d}/${m}/${y}`;
};
const frDate = (day: number): string => {
  const [y, m, d] = partsOf(day);
  return `${pad(d)}/${pad(m)}/${y}`;
};
const dottedDate = (day: number): string => {
  const [y, m, d] = partsOf(day);
  return `${pad(d)}.${pad(m)}.${y}`;
};
const compactDate = (day: number): string => {
  const [y, m, d] = partsOf(day);
  return `${y}${pad(m)}${pad(d)}`;
};
const generalizedTime = (day: number, seconds: number): string => {
  const t = new Date(day * DAY_MS + seconds * 1000).toISOString();
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}.0Z`;
};
/** Windows FILETIME: 100 ns ticks since 1601-01-01. */
const filetime = (day: number, seconds: number): string => ((BigInt(day * 86_400 + seconds) + 11_644_473_600n) * 10_000_000n).toString();

const EXTRACT_DATE = '2026-11-30';
const EXTRACT = dayOf(EXTRACT_DATE);

// ---------------------------------------------------------------------------------------------
// Identifiers

/** The digit that makes `body` + digit pass the Luhn check. */
function luhnKey(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return String(d);
  throw new Error(`no Luhn key for ${body}`);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const withKey = (body: string): string => `${body}${luhnKey(body)}`;

/** Draws until the value is new, and records it. */
function drawUnique(used: Set<string>, draw: () => string): string {
  for (;;) {
    const value = draw();
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const fold = (s: string): string => stripAccents(s).toUpperCase().trim();
const upperAscii = (s: string): string => stripAccents(s).toUpperCase();
/** `DE LA FONTAINE` → `De La Fontaine`, `N'DIAYE` → `N'Diaye`. */
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => `${sep}${ch.toUpperCase()}`);
/** Login / mail part: lower case, no accents, no spaces nor apostrophes, hyphens kept. */
const loginPart = (s: string): string =>
  stripAccents(s)
    .toLowerCase()
    .replace(/[\s']/g, '')
    .replace(/[^a-z-]/g, '');
const givenLoginPart = (s: string): string =>
  stripAccents(s)
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z-]/g, '');
/** `Jean-François` → `jf`, `Thi Mai` → `tm`, `Hélène` → `h`. */
const initialsOf = (given: string): string =>
  given
    .split(/[\s-]+/)
    .map((part) => stripAccents(part).charAt(0).toLowerCase())
    .join('');

/** Windows-1252 encoder (Latin-1 plus the 0x80–0x9F block); throws on a character it lacks. */
const CP1252_EXTRA = new Map<string, number>(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((ch, i) => [ch, 0x80 + i] as const).filter(([ch]) => ch.charCodeAt(0) > 0xff),
);
function encodeCp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const byte = CP1252_EXTRA.get(ch) ?? (code <= 0xff && (code < 0x80 || code > 0x9f) ? code : undefined);
    if (byte === undefined) throw new Error(`"${ch}" has no Windows-1252 byte`);
    out[i] = byte;
    i += 1;
  }
  return out.subarray(0, i);
}

/** A CSV field, quoted only when it has to be. */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// The establishment

interface Site {
  readonly finess: string;
  readonly name: string;
  readonly enseigne: string;
  readonly ou: string;
  readonly siret: string;
  readonly street: readonly [string, string, string, string];
}

const SIREN = withKey('26490012');
const FINESS_EJ = withKey('49000012');
const CHU_NAME = 'CHU de Saint-Aubin-les-Marais';
const SITES: readonly Site[] = [
  { finess: withKey('49000013'), name: 'Hôpital Jean-Bodin', enseigne: 'HOPITAL JEAN BODIN', ou: 'Jean-Bodin', siret: withKey(`${SIREN}0001`), street: ['4', 'R', 'Rue', 'Larrey'] },
  { finess: withKey('49000021'), name: 'Hôpital de la Roseraie', enseigne: 'HOPITAL DE LA ROSERAIE', ou: 'Roseraie', siret: withKey(`${SIREN}0002`), street: ['12', 'AV', 'Avenue', 'des Rosiers'] },
  { finess: withKey('49000025'), name: 'Hôpital Saint-Florent', enseigne: 'HOPITAL SAINT FLORENT', ou: 'Saint-Florent', siret: withKey(`${SIREN}0003`), street: ['1', 'R', 'Rue', 'du Prieuré'] },
  { finess: withKey('49000028'), name: 'EHPAD Les Tilleuls', enseigne: 'EHPAD LES TILLEULS', ou: 'EHPAD', siret: withKey(`${SIREN}0004`), street: ['27', 'CHE', 'Chemin', 'des Tilleuls'] },
];
const CHU_COMMUNE: Commune = { dept: '49', deptLabel: 'Maine-et-Loire', name: 'Saint-Aubin-les-Marais', postcode: '49150', insee: '49291' };

type Tag = 'care' | 'bloc' | 'lab' | 'pharma' | 'mat' | 'imaging' | 'rehab' | 'psy' | 'ehpad' | 'admin' | 'tech';

interface Service {
  readonly label: string;
  readonly site: number;
  readonly tag: Tag;
  readonly weight: number;
  /** The doctors' speciality (register savoir-faire, prescription software). */
  readonly speciality: readonly [string, string];
  /** Generic AD / SIL accounts of the service. */
  readonly short: string;
}

const GENERAL: readonly [string, string] = ['SM54', 'Médecine Générale'];
const SERVICES: readonly Service[] = [
  { label: 'Urgences adultes', site: 0, tag: 'care', weight: 6, speciality: ['SM57', "Médecine d'urgence"], short: 'urgences' },
  { label: 'SAMU-SMUR', site: 0, tag: 'care', weight: 2, speciality: ['SM57', "Médecine d'urgence"], short: 'samu' },
  { label: 'Réanimation médicale', site: 0, tag: 'care', weight: 4, speciality: ['SM60', 'Médecine intensive-réanimation'], short: 'rea' },
  { label: 'Cardiologie et maladies vasculaires — Unité Cœur', site: 0, tag: 'care', weight: 5, speciality: ['SM04', 'Cardiologie et maladies vasculaires'], short: 'cardio' },
  { label: 'Pneumologie', site: 0, tag: 'care', weight: 3, speciality: ['SM39', 'Pneumologie'], short: 'pneumo' },
  { label: 'Hépato-gastro-entérologie', site: 0, tag: 'care', weight: 3, speciality: ['SM24', 'Gastro-entérologie et hépatologie'], short: 'hge' },
  { label: 'Médecine interne', site: 0, tag: 'care', weight: 3, speciality: ['SM32', 'Médecine interne'], short: 'medint' },
  { label: 'Néphrologie-dialyse', site: 0, tag: 'care', weight: 3, speciality: ['SM34', 'Néphrologie'], short: 'nephro' },
  { label: 'Oncologie médicale', site: 0, tag: 'care', weight: 3, speciality: ['SM37', 'Oncologie médicale'], short: 'onco' },
  { label: 'Chirurgie orthopédique et traumatologique', site: 0, tag: 'care', weight: 3, speciality: ['SM12', 'Chirurgie orthopédique et traumatologie'], short: 'ortho' },
  { label: 'Chirurgie viscérale et digestive', site: 0, tag: 'care', weight: 3, speciality: ['SM15', 'Chirurgie viscérale et digestive'], short: 'visc' },
  { label: 'Bloc opératoire central', site: 0, tag: 'bloc', weight: 5, speciality: ['SM02', 'Anesthésie-réanimation'], short: 'bloc' },
  { label: 'Imagerie médicale', site: 0, tag: 'imaging', weight: 4, speciality: ['SM44', 'Radiodiagnostic et imagerie médicale'], short: 'radio' },
  { label: 'Laboratoire de biochimie', site: 0, tag: 'lab', weight: 2, speciality: ['SM66', 'Biologie médicale'], short: 'biochimie' },
  { label: "Laboratoire d'hématologie", site: 0, tag: 'lab', weight: 2, speciality: ['SM66', 'Biologie médicale'], short: 'hemato' },
  { label: 'Laboratoire de microbiologie', site: 0, tag: 'lab', weight: 2, speciality: ['SM66', 'Biologie médicale'], short: 'microbio' },
  { label: 'Pharmacie à usage intérieur', site: 0, tag: 'pharma', weight: 3, speciality: GENERAL, short: 'pui' },
  { label: 'Direction des ressources humaines', site: 0, tag: 'admin', weight: 3, speciality: GENERAL, short: 'drh' },
  { label: 'Direction des affaires financières', site: 0, tag: 'admin', weight: 2, speciality: GENERAL, short: 'daf' },
  { label: "Direction du système d'information", site: 0, tag: 'tech', weight: 2, speciality: GENERAL, short: 'dsi' },
  { label: 'Bureau des entrées', site: 0, tag: 'admin', weight: 2, speciality: GENERAL, short: 'entrees' },
  { label: 'Services techniques', site: 0, tag: 'tech', weight: 3, speciality: GENERAL, short: 'techniques' },
  { label: 'Maternité — Pôle Femme, Mère, Enfant', site: 1, tag: 'mat', weight: 4, speciality: ['SM20', 'Gynécologie-obstétrique'], short: 'maternite' },
  { label: 'Salle de naissance — Pôle Femme, Mère, Enfant', site: 1, tag: 'mat', weight: 3, speciality: ['SM20', 'Gynécologie-obstétrique'], short: 'naissance' },
  { label: 'Néonatologie — Pôle Femme, Mère, Enfant', site: 1, tag: 'mat', weight: 2, speciality: ['SM40', 'Pédiatrie'], short: 'neonat' },
  { label: 'Pédiatrie — Pôle Femme, Mère, Enfant', site: 1, tag: 'care', weight: 3, speciality: ['SM40', 'Pédiatrie'], short: 'pedia' },
  { label: 'Psychiatrie adulte', site: 1, tag: 'psy', weight: 4, speciality: ['SM42', 'Psychiatrie'], short: 'psy' },
  { label: "Psychiatrie de l'enfant et de l'adolescent", site: 1, tag: 'psy', weight: 2, speciality: ['SM43', "Psychiatrie de l'enfant et de l'adolescent"], short: 'pedopsy' },
  { label: 'Laboratoire de biologie de la reproduction', site: 1, tag: 'lab', weight: 1, speciality: ['SM66', 'Biologie médicale'], short: 'amp' },
  { label: 'Soins de suite et de réadaptation', site: 2, tag: 'rehab', weight: 4, speciality: ['SM30', 'Médecine physique et de réadaptation'], short: 'ssr' },
  { label: 'Court séjour gériatrique', site: 2, tag: 'care', weight: 3, speciality: ['SM26', 'Gériatrie'], short: 'geriatrie' },
  { label: 'Unité de soins de longue durée', site: 2, tag: 'care', weight: 3, speciality: ['SM26', 'Gériatrie'], short: 'usld' },
  { label: 'Plateau technique de rééducation', site: 2, tag: 'rehab', weight: 2, speciality: ['SM30', 'Médecine physique et de réadaptation'], short: 'reeduc' },
  { label: 'Blanchisserie et cuisine centrale', site: 2, tag: 'tech', weight: 2, speciality: GENERAL, short: 'logistique' },
  { label: 'EHPAD Les Tilleuls — hébergement', site: 3, tag: 'ehpad', weight: 4, speciality: ['SM26', 'Gériatrie'], short: 'ehpad' },
  { label: 'EHPAD Les Tilleuls — unité Alzheimer', site: 3, tag: 'ehpad', weight: 2, speciality: ['SM26', 'Gériatrie'], short: 'alzheimer' },
];

// ---------------------------------------------------------------------------------------------
// Jobs (EMPLOI) and the register profession behind them

type Group = 'doctor' | 'interne' | 'pharmacist' | 'midwife' | 'nurse' | 'paramedical' | 'aide' | 'other';

interface Profession {
  readonly code: string;
  readonly label: string;
}

interface Job {
  readonly label: string;
  readonly weight: number;
  readonly group: Group;
  readonly profession: Profession | null;
  /** Share of the job's holders who have an RPPS (RPPS+ for aides-soignants). */
  readonly registered: number;
  readonly femaleShare: number;
  readonly tags: readonly Tag[];
  /** Age span at the extract date. */
  readonly ages: readonly [number, number];
  readonly badgeProfile: string;
}

const MEDECIN: Profession = { code: '10', label: 'Médecin' };
const PHARMACIEN: Profession = { code: '21', label: 'Pharmacien' };
const SAGE_FEMME: Profession = { code: '50', label: 'Sage-Femme' };
const INFIRMIER: Profession = { code: '60', label: 'Infirmier' };
const CLINICAL: readonly Tag[] = ['care', 'bloc', 'mat', 'rehab', 'psy', 'ehpad'];
const DOCTOR_TAGS: readonly Tag[] = ['care', 'bloc', 'lab', 'imaging', 'mat', 'rehab', 'psy'];

const JOBS: readonly Job[] = [
  { label: 'Praticien hospitalier', weight: 5.5, group: 'doctor', profession: MEDECIN, registered: 1, femaleShare: 0.5, tags: [...DOCTOR_TAGS, 'ehpad'], ages: [32, 66], badgeProfile: 'Médecin' },
  { label: 'Professeur des universités-praticien hospitalier', weight: 0.8, group: 'doctor', profession: MEDECIN, registered: 1, femaleShare: 0.35, tags: DOCTOR_TAGS, ages: [42, 68], badgeProfile: 'Médecin' },
  { label: 'Chef de clinique des universités-assistant des hôpitaux', weight: 1, group: 'doctor', profession: MEDECIN, registered: 1, femaleShare: 0.55, tags: DOCTOR_TAGS, ages: [29, 36], badgeProfile: 'Médecin' },
  { label: 'Praticien contractuel', weight: 1.2, group: 'doctor', profession: MEDECIN, registered: 1, femaleShare: 0.5, tags: DOCTOR_TAGS, ages: [30, 64], badgeProfile: 'Médecin' },
  { label: 'Interne', weight: 5, group: 'interne', profession: MEDECIN, registered: 1, femaleShare: 0.6, tags: DOCTOR_TAGS, ages: [24, 31], badgeProfile: 'Interne' },
  { label: 'Pharmacien', weight: 0.6, group: 'pharmacist', profession: PHARMACIEN, registered: 1, femaleShare: 0.65, tags: ['pharma', 'lab'], ages: [30, 64], badgeProfile: 'Pharmacie' },
  { label: 'Interne en pharmacie', weight: 0.4, group: 'interne', profession: PHARMACIEN, registered: 1, femaleShare: 0.65, tags: ['pharma', 'lab'], ages: [24, 30], badgeProfile: 'Interne' },
  { label: 'Sage-femme', weight: 1.8, group: 'midwife', profession: SAGE_FEMME, registered: 1, femaleShare: 0.97, tags: ['mat'], ages: [24, 62], badgeProfile: 'Personnel soignant' },
  { label: "Infirmier(e) diplômé(e) d'Etat", weight: 24, group: 'nurse', profession: INFIRMIER, registered: 1, femaleShare: 0.86, tags: [...CLINICAL, 'imaging'], ages: [22, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Infirmier(e) de bloc opératoire', weight: 1.2, group: 'nurse', profession: INFIRMIER, registered: 1, femaleShare: 0.8, tags: ['bloc'], ages: [26, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Infirmier(e) anesthésiste', weight: 1, group: 'nurse', profession: INFIRMIER, registered: 1, femaleShare: 0.7, tags: ['bloc'], ages: [27, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Puériculteur(trice)', weight: 0.8, group: 'nurse', profession: INFIRMIER, registered: 1, femaleShare: 0.97, tags: ['mat'], ages: [24, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Cadre de santé', weight: 1.5, group: 'nurse', profession: INFIRMIER, registered: 1, femaleShare: 0.75, tags: [...CLINICAL, 'lab', 'imaging'], ages: [35, 64], badgeProfile: 'Encadrement' },
  { label: 'Masseur-kinésithérapeute', weight: 1.4, group: 'paramedical', profession: { code: '70', label: 'Masseur-Kinésithérapeute' }, registered: 1, femaleShare: 0.55, tags: ['rehab', 'care'], ages: [23, 63], badgeProfile: 'Rééducation' },
  { label: "Manipulateur(trice) d'électroradiologie médicale", weight: 2.2, group: 'paramedical', profession: { code: '98', label: 'Manipulateur ERM' }, registered: 1, femaleShare: 0.7, tags: ['imaging'], ages: [22, 63], badgeProfile: 'Médico-technique' },
  { label: 'Technicien(ne) de laboratoire médical', weight: 2.5, group: 'paramedical', profession: { code: '86', label: 'Technicien de laboratoire médical' }, registered: 1, femaleShare: 0.8, tags: ['lab'], ages: [22, 63], badgeProfile: 'Médico-technique' },
  { label: 'Préparateur(trice) en pharmacie hospitalière', weight: 1, group: 'paramedical', profession: { code: '38', label: 'Préparateur en pharmacie hospitalière' }, registered: 1, femaleShare: 0.85, tags: ['pharma'], ages: [22, 63], badgeProfile: 'Pharmacie' },
  { label: 'Ergothérapeute', weight: 0.5, group: 'paramedical', profession: { code: '94', label: 'Ergothérapeute' }, registered: 1, femaleShare: 0.85, tags: ['rehab', 'ehpad', 'psy'], ages: [23, 63], badgeProfile: 'Rééducation' },
  { label: 'Diététicien(ne)', weight: 0.4, group: 'paramedical', profession: { code: '95', label: 'Diététicien' }, registered: 1, femaleShare: 0.92, tags: ['care', 'rehab'], ages: [23, 63], badgeProfile: 'Rééducation' },
  { label: 'Orthophoniste', weight: 0.2, group: 'paramedical', profession: { code: '91', label: 'Orthophoniste' }, registered: 1, femaleShare: 0.95, tags: ['rehab', 'care'], ages: [24, 63], badgeProfile: 'Rééducation' },
  { label: 'Psychomotricien(ne)', weight: 0.3, group: 'paramedical', profession: { code: '96', label: 'Psychomotricien' }, registered: 1, femaleShare: 0.85, tags: ['psy', 'ehpad'], ages: [23, 63], badgeProfile: 'Rééducation' },
  { label: 'Aide-soignant(e)', weight: 20, group: 'aide', profession: { code: '35', label: 'Aide-soignant' }, registered: 0.25, femaleShare: 0.88, tags: [...CLINICAL, 'imaging'], ages: [19, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Auxiliaire de puériculture', weight: 1.5, group: 'aide', profession: { code: '37', label: 'Auxiliaire de puériculture' }, registered: 0.2, femaleShare: 0.97, tags: ['mat'], ages: [19, 63], badgeProfile: 'Personnel soignant' },
  { label: 'Agent des services hospitaliers qualifié', weight: 8, group: 'other', profession: null, registered: 0, femaleShare: 0.75, tags: CLINICAL, ages: [19, 64], badgeProfile: 'Logistique' },
  { label: 'Adjoint administratif', weight: 5, group: 'other', profession: null, registered: 0, femaleShare: 0.85, tags: ['admin'], ages: [20, 64], badgeProfile: 'Administratif' },
  { label: 'Assistant(e) médico-administratif(ve)', weight: 4, group: 'other', profession: null, registered: 0, femaleShare: 0.95, tags: ['care', 'lab', 'imaging', 'mat', 'psy', 'rehab'], ages: [20, 64], badgeProfile: 'Administratif' },
  { label: "Attaché(e) d'administration hospitalière", weight: 0.6, group: 'other', profession: null, registered: 0, femaleShare: 0.6, tags: ['admin'], ages: [26, 64], badgeProfile: 'Administratif' },
  { label: 'Technicien(ne) hospitalier', weight: 1.2, group: 'other', profession: null, registered: 0, femaleShare: 0.3, tags: ['tech'], ages: [21, 64], badgeProfile: 'Technique' },
  { label: 'Ingénieur hospitalier', weight: 0.5, group: 'other', profession: null, registered: 0, femaleShare: 0.3, tags: ['tech'], ages: [25, 64], badgeProfile: 'Technique' },
  { label: 'Ouvrier principal', weight: 2, group: 'other', profession: null, registered: 0, femaleShare: 0.15, tags: ['tech'], ages: [20, 64], badgeProfile: 'Technique' },
  { label: 'Brancardier', weight: 1.5, group: 'other', profession: null, registered: 0, femaleShare: 0.25, tags: ['care', 'bloc', 'imaging'], ages: [20, 64], badgeProfile: 'Logistique' },
  { label: 'Psychologue', weight: 0.6, group: 'other', profession: null, registered: 0, femaleShare: 0.85, tags: ['psy', 'care', 'ehpad'], ages: [25, 64], badgeProfile: 'Personnel soignant' },
  { label: "Directeur(trice) d'hôpital", weight: 0.2, group: 'other', profession: null, registered: 0, femaleShare: 0.5, tags: ['admin'], ages: [32, 64], badgeProfile: 'Direction' },
];

/** Professions drawn for professionals elsewhere in France. */
const ELSEWHERE_PROFESSIONS: ReadonlyArray<readonly [Profession, number]> = [
  [MEDECIN, 30],
  [INFIRMIER, 35],
  [PHARMACIEN, 8],
  [SAGE_FEMME, 3],
  [{ code: '70', label: 'Masseur-Kinésithérapeute' }, 10],
  [{ code: '40', label: 'Chirurgien-Dentiste' }, 5],
  [{ code: '35', label: 'Aide-soignant' }, 5],
  [{ code: '98', label: 'Manipulateur ERM' }, 2],
  [{ code: '91', label: 'Orthophoniste' }, 2],
];

// ---------------------------------------------------------------------------------------------
// People

type RegisterState = 'listed' | 'stale-activity' | 'absent' | 'none';
type Sex = 'M' | 'F';

interface Person {
  readonly personId: string;
  readonly hrId: string;
  readonly origin: Origin;
  readonly surnameWeight: number;
  readonly sex: Sex;
  readonly birthName: string;
  readonly usageName: string;
  readonly married: boolean;
  readonly givenNames: readonly string[];
  readonly birthDay: number;
  readonly startDay: number;
  readonly endDay: number | null;
  readonly job: Job;
  readonly service: Service;
  rpps: string | null;
  registerState: RegisterState;
  /** The nom d'exercice (the birth name for some married women). */
  registerName: string;
  homonymGroup: string | null;
}

const firstNameOf = (p: Person): string => p.givenNames[0] ?? '';
const isDeparted = (p: Person): boolean => p.endDay !== null;
const isPrescriber = (p: Person): boolean => ['doctor', 'interne', 'pharmacist', 'midwife'].includes(p.job.group);

function drawGiven(rng: Rng, origin: Origin, sex: Sex): string {
  const pool = origin !== 'fr' && rng.chance(0.55) ? GIVEN_NAMES[origin][sex] : GIVEN_NAMES.fr[sex];
  return rng.weighted(pool, ([, w]) => w)[0];
}

function drawGivenNames(rng: Rng, origin: Origin, sex: Sex, first?: string): string[] {
  const names = [first ?? drawGiven(rng, origin, sex)];
  const count = rng.weighted([1, 2, 3], (n) => (n === 1 ? 3 : n === 2 ? 5 : 2));
  while (names.length < count) {
    const next = rng.chance(0.12) ? (sex === 'F' ? 'Marie' : 'Jean') : drawGiven(rng, 'fr', sex);
    if (!names.includes(next)) names.push(next);
  }
  return names;
}

interface Draft {
  surname: SurnameEntry;
  sex: Sex;
  givenNames: string[];
  birthDay: number;
  job: Job;
  service: Service;
}

/** Seven people in ten carry a rare surname; the others one of the listed ones, by frequency. */
function drawSurname(rng: Rng): SurnameEntry {
  if (rng.chance(0.7)) return { name: tailSurname(() => rng.next()), weight: 0.3, origin: 'fr' };
  return rng.weighted(SURNAMES, (s) => s.weight);
}

function drawJob(rng: Rng): Job {
  return rng.weighted(JOBS, (j) => j.weight);
}

function drawService(rng: Rng, job: Job): Service {
  return rng.weighted(
    SERVICES.filter((s) => job.tags.includes(s.tag)),
    (s) => s.weight,
  );
}

function drawBirthDay(rng: Rng, job: Job): number {
  const age = rng.int(job.ages[0], job.ages[1]);
  return EXTRACT - age * 365 - rng.int(0, 364);
}

function drawDraft(rng: Rng): Draft {
  const surname = drawSurname(rng);
  const job = drawJob(rng);
  const sex: Sex = rng.chance(job.femaleShare) ? 'F' : 'M';
  return { surname, sex, givenNames: drawGivenNames(rng, surname.origin, sex), birthDay: drawBirthDay(rng, job), job, service: drawService(rng, job) };
}

const SHOWCASE: ReadonlyArray<readonly [string, Sex, string | undefined]> = [
  ["D'ALMEIDA", 'M', undefined],
  ["N'DIAYE", 'F', 'Aminata'],
  ['DE LA FONTAINE', 'F', 'Marie'],
  ['LE BRIS', 'M', undefined],
  ['DA SILVA FERREIRA', 'F', undefined],
  ['NGUYEN', 'F', 'Thi Mai'],
  ['BEN SALAH', 'M', 'Karim'],
  ['EL AMRANI', 'F', undefined],
];

const INTERNE_SEMESTERS = ['2025-11-03', '2026-05-04', '2026-11-02'].map(dayOf);

function buildStaff(seed: number, staff: number): Person[] {
  const rng = new Rng(seed, 'staff');
  const drafts: Draft[] = [];
  /** Homonyms and twins keep their name: nobody among them takes a married name. */
  const single = new Set<Draft>();
  const special = staff >= 100 ? 8 + SHOWCASE.length : 0;
  for (let i = 0; i < staff - special; i += 1) drafts.push(drawDraft(rng));
  if (special) {
    // Names every export must cope with: particles, apostrophes, compound and foreign surnames.
    for (const [name, sex, given] of SHOWCASE) {
      const surname = SURNAMES.find((s) => s.name === name) ?? { name, weight: 1, origin: 'fr' as const };
      const draft = drawDraft(rng);
      const showcase = { ...draft, surname, sex, givenNames: drawGivenNames(rng, surname.origin, sex, given) };
      drafts.push(showcase);
      single.add(showcase);
    }
    // Real homonyms inside HR: same surname and given name, other birth date and service.
    for (let h = 0; h < 4; h += 1) {
      const model = drafts[rng.int(0, drafts.length - 1)] as Draft;
      const job = drawJob(rng);
      const homonym = { ...model, givenNames: drawGivenNames(rng, model.surname.origin, model.sex, model.givenNames[0]), job, birthDay: drawBirthDay(rng, job), service: drawService(rng, job) };
      drafts.push(homonym);
      single.add(model).add(homonym);
    }
    // Twins: one pair of sisters, one brother and sister; same surname and birth date.
    for (const sexes of [['F', 'F'], ['M', 'F']] as const) {
      const first = drawDraft(rng);
      const twin = drawDraft(rng);
      const birthDay = EXTRACT - rng.int(28, 45) * 365 - rng.int(0, 364);
      let given = drawGivenNames(rng, first.surname.origin, sexes[1]);
      while (given[0] === first.givenNames[0]) given = drawGivenNames(rng, first.surname.origin, sexes[1]);
      const elder = { ...first, sex: sexes[0], givenNames: drawGivenNames(rng, first.surname.origin, sexes[0]), birthDay };
      const younger = { ...twin, surname: first.surname, sex: sexes[1], givenNames: given, birthDay };
      drafts.push(elder, younger);
      single.add(elder).add(younger);
    }
  }
  // Shuffle so that the special people are spread through the file (Fisher–Yates).
  for (let i = drafts.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [drafts[i], drafts[j]] = [drafts[j] as Draft, drafts[i] as Draft];
  }

  const matricules = new Set<string>();
  return drafts.map((d, index) => {
    const hrId = drawUnique(matricules, () => pad(rng.int(1_000, 260_000), 7));
    const age = (EXTRACT - d.birthDay) / 365.25;
    const married = !single.has(d) && d.sex === 'F' && age > 27 && rng.chance(0.55);
    let usageName = d.surname.name;
    if (married) {
      let husband = drawSurname(rng).name;
      while (husband === d.surname.name) husband = drawSurname(rng).name;
      usageName = rng.chance(0.15) ? `${husband}-${d.surname.name}` : husband;
    }
    // Entry date: internes arrive at a semester; others any time since their 22nd birthday.
    let startDay: number;
    if (d.job.group === 'interne') startDay = rng.weighted(INTERNE_SEMESTERS, (s) => (s === INTERNE_SEMESTERS[2] ? 5 : s === INTERNE_SEMESTERS[1] ? 3 : 2));
    else if (rng.chance(0.07)) startDay = EXTRACT - rng.int(5, 200);
    else startDay = rng.int(Math.max(d.birthDay + 22 * 365, dayOf('1988-01-01')), EXTRACT - 200);
    const departed = rng.chance(0.06) && startDay < EXTRACT - 120;
    const endDay = departed ? rng.int(Math.max(startDay + 60, EXTRACT - 700), EXTRACT - 3) : null;
    const registered = d.job.profession !== null && rng.chance(d.job.registered);
    const prescriberLike = ['doctor', 'pharmacist', 'midwife'].includes(d.job.group);
    const registerName = married && prescriberLike && rng.chance(0.6) ? d.surname.name : married && rng.chance(0.15) ? d.surname.name : usageName;
    return {
      personId: `C-${pad(index + 1, 5)}`,
      hrId,
      origin: d.surname.origin,
      surnameWeight: d.surname.weight,
      sex: d.sex,
      birthName: d.surname.name,
      usageName,
      married,
      givenNames: d.givenNames,
      birthDay: d.birthDay,
      startDay,
      endDay,
      job: d.job,
      service: d.service,
      rpps: registered ? 'pending' : null,
      registerState: registered ? 'listed' : 'none',
      registerName,
      homonymGroup: null,
    };
  });
}

function assignHomonymGroups(people: Person[]): void {
  const byName = new Map<string, Person[]>();
  for (const p of people) {
    const key = `${fold(p.usageName)}|${fold(firstNameOf(p))}`;
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  let n = 0;
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    n += 1;
    for (const p of group) p.homonymGroup = `HC-${pad(n, 3)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The register (Annuaire Santé extract, 56 columns)

const REGISTER_HEADER = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Code civilité d'exercice",
  "Libellé civilité d'exercice",
  'Code civilité',
  'Libellé civilité',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Libellé profession',
  'Code catégorie professionnelle',
  'Libellé catégorie professionnelle',
  'Code type savoir-faire',
  'Libellé type savoir-faire',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Code mode exercice',
  'Libellé mode exercice',
  'Numéro SIRET site',
  'Numéro SIREN site',
  'Numéro FINESS site',
  'Numéro FINESS établissement juridique',
  'Identifiant technique de la structure',
  'Raison sociale site',
  'Enseigne commerciale site',
  'Complément destinataire (coord. structure)',
  'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)',
  'Indice répétition voie (coord. structure)',
  'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)',
  'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)',
  'Code postal (coord. structure)',
  'Code commune (coord. structure)',
  'Libellé commune (coord. structure)',
  'Code pays (coord. structure)',
  'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)',
  'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)',
  'Code Département (structure)',
  'Libellé Département (structure)',
  'Ancien identifiant de la structure',
  'Autorité d\u2019enregistrement',
  "Code secteur d'activité",
  "Libellé secteur d'activité",
  'Code section tableau pharmaciens',
  'Libellé section tableau pharmaciens',
  'Code rôle',
  'Libellé rôle',
  'Code genre activité',
  'Libellé genre activité',
].map((h) => h.replace('\u2019', "'"));

interface RegisterProfessional {
  readonly rpps: string;
  readonly sex: Sex;
  readonly name: string;
  readonly given: string;
  readonly profession: Profession;
  readonly student: boolean;
  readonly speciality: readonly [string, string] | null;
}

interface Structure {
  readonly mode: 'S' | 'L';
  readonly siret: string;
  readonly finessSite: string;
  readonly finessEj: string;
  readonly raisonSociale: string;
  readonly enseigne: string;
  readonly street: readonly [string, string, string, string];
  readonly commune: Commune;
  readonly sector: readonly [string, string];
}

const PUBLIC_HOSPITAL: readonly [string, string] = ['SA01', 'Etablissement public de santé'];
const PRIVATE_CLINIC: readonly [string, string] = ['SA07', 'Etablissement privé lucratif'];
const PRACTICE: readonly [string, string] = ['SA33', 'Cabinet individuel'];

const chuStructures: readonly Structure[] = SITES.map((site) => ({
  mode: 'S',
  siret: site.siret,
  finessSite: site.finess,
  finessEj: FINESS_EJ,
  raisonSociale: CHU_NAME.toUpperCase(),
  enseigne: site.enseigne,
  street: site.street,
  commune: CHU_COMMUNE,
  sector: site.finess === SITES[3]?.finess ? (['SA17', 'Etablissement pour personnes âgées'] as const) : PUBLIC_HOSPITAL,
}));

function otherHospitals(rng: Rng): Structure[] {
  const used = new Set([...SITES.map((s) => s.finess), FINESS_EJ]);
  return COMMUNES.flatMap((commune) => {
    const count = commune.dept === '49' || commune.dept === '72' ? 2 : 1;
    return Array.from({ length: count }, (_, i) => {
      const isClinic = i === 1;
      const finess = drawUnique(used, () => withKey(`${commune.dept}00${rng.digits(4)}`));
      const ej = drawUnique(used, () => withKey(`${commune.dept}00${rng.digits(4)}`));
      const siren = withKey(isClinic ? `3${rng.digits(7)}` : `26${commune.dept}${rng.digits(4)}`);
      const name = isClinic ? `CLINIQUE ${upperAscii(rng.pick(['SAINT-JOSEPH', 'DU PARC', 'DE LA LOIRE', 'SAINTE-MARIE', 'BON SECOURS']))}` : `CENTRE HOSPITALIER DE ${upperAscii(commune.name)}`;
      const [code, type, street] = rng.pick(STREETS);
      return {
        mode: 'S',
        siret: withKey(`${siren}0001`),
        finessSite: finess,
        finessEj: ej,
        raisonSociale: name,
        enseigne: isClinic ? name : '',
        street: [String(rng.int(1, 120)), code, type, street],
        commune,
        sector: isClinic ? PRIVATE_CLINIC : PUBLIC_HOSPITAL,
      } satisfies Structure;
    });
  });
}

function privatePractice(rng: Rng, professional: RegisterProfessional, nearby: boolean): Structure {
  const commune = nearby ? rng.pick(COMMUNES.slice(0, 6)) : rng.pick(COMMUNES);
  const [code, type, street] = rng.pick(STREETS);
  const title = professional.profession.code === MEDECIN.code ? 'DR ' : '';
  return {
    mode: 'L',
    siret: rng.chance(0.7) ? withKey(`${withKey(`8${rng.digits(7)}`)}0001`) : '',
    finessSite: '',
    finessEj: '',
    raisonSociale: `CABINET ${title}${professional.name}`,
    enseigne: '',
    street: [String(rng.int(1, 80)), code, type, street],
    commune,
    sector: PRACTICE,
  };
}

function registerRow(p: RegisterProfessional, s: Structure, rng: Rng): string {
  const isDoctor = p.profession.code === MEDECIN.code;
  const civilityDr = (isDoctor || p.profession.code === '40') && !p.student;
  const isPharmacist = p.profession.code === PHARMACIEN.code;
  const cells = [
    '8',
    p.rpps,
    `8${p.rpps}`,
    civilityDr ? 'DR' : '',
    civilityDr ? 'Docteur' : '',
    p.sex === 'M' ? 'M' : 'MME',
    p.sex === 'M' ? 'Monsieur' : 'Madame',
    p.name,
    p.given,
    p.profession.code,
    p.profession.label,
    p.student ? 'E' : 'C',
    p.student ? 'Etudiant' : 'Civil',
    p.speciality ? 'S' : '',
    p.speciality ? 'Spécialité ordinale' : '',
    p.speciality?.[0] ?? '',
    p.speciality?.[1] ?? '',
    s.mode,
    s.mode === 'S' ? 'Salarié' : 'Libéral,indépendant,artisan,commerçant',
    s.siret,
    s.siret.slice(0, 9),
    s.finessSite,
    s.finessEj,
    s.finessSite ? `F${s.finessSite}` : `R${p.rpps.slice(2)}`,
    s.raisonSociale,
    s.enseigne,
    '',
    '',
    s.street[0],
    '',
    s.street[1],
    s.street[2],
    s.street[3],
    '',
    s.mode === 'S' ? `${s.commune.postcode} ${upperAscii(s.commune.name)} CEDEX` : '',
    s.commune.postcode,
    s.commune.insee,
    upperAscii(s.commune.name),
    '',
    '',
    s.mode === 'S' ? `02${s.commune.dept.slice(0, 1)}${rng.digits(7)}` : rng.chance(0.5) ? `06${rng.digits(8)}` : '',
    '',
    '',
    '',
    s.commune.dept,
    s.commune.deptLabel,
    s.finessSite ? `1${s.finessSite}` : '',
    s.finessSite ? 'ARS/FINESS/RPPS' : 'RPPS',
    s.sector[0],
    s.sector[1],
    isPharmacist && s.mode === 'S' ? 'H' : isPharmacist ? 'A' : '',
    isPharmacist && s.mode === 'S' ? 'Pharmaciens des établissements de santé' : isPharmacist ? "Pharmaciens titulaires d'officine" : '',
    '',
    '',
    'GENR01',
    'Activité standard de soin ou de pharmacien',
  ];
  return `${cells.join('|')}|`;
}

// ---------------------------------------------------------------------------------------------
// The generator

export interface GenerateChuCOptions {
  seed: number;
  outDir: string;
  staff?: number;
  namesakeScale?: number;
}

interface TruthRecord {
  sourceId: string;
  key: string;
  personId: string | null;
}

/** Someone not on the HR export who shows up in the applications (interim, purged, partner). */
interface Outsider {
  readonly sex: Sex;
  readonly surname: string;
  readonly given: string;
  readonly profession: Profession | null;
  readonly rpps: string | null;
}

export function generateChuC(options: GenerateChuCOptions): { written: Record<string, number> } {
  const { seed, outDir, staff = 2000, namesakeScale = 1 } = options;
  mkdirSync(outDir, { recursive: true });
  const people = buildStaff(seed, staff);
  assignHomonymGroups(people);
  const records: TruthRecord[] = [];
  const written: Record<string, number> = {};
  const rppsInUse = new Set<string>();
  const rrng = new Rng(seed, 'rpps-numbers');
  const newRpps = (): string => drawUnique(rppsInUse, () => withKey(`10${rrng.digits(8)}`));
  for (const p of people) if (p.rpps !== null) p.rpps = newRpps();

  // ---- Register --------------------------------------------------------------------------
  const reg = new Rng(seed, 'register');
  const hospitals = otherHospitals(reg);
  const regionalHospitals = hospitals.filter((h) => ['49', '72', '53', '44'].includes(h.commune.dept));
  const registerLines: Array<{ rpps: string; order: number; line: string }> = [];
  const registerOwner = new Map<string, string | null>();
  const addToRegister = (professional: RegisterProfessional, structures: readonly Structure[], personId: string | null): void => {
    registerOwner.set(professional.rpps, personId);
    structures.forEach((s, order) => registerLines.push({ rpps: professional.rpps, order, line: registerRow(professional, s, reg) }));
  };
  const elsewhere = (professional: RegisterProfessional, nearby: boolean): Structure => {
    const salaried = professional.profession.code === INFIRMIER.code || professional.profession.code === '35' ? 0.8 : 0.55;
    return reg.chance(salaried) ? reg.pick(nearby ? regionalHospitals : hospitals) : privatePractice(reg, professional, nearby);
  };

  for (const p of people) {
    if (p.rpps === null || p.job.profession === null) continue;
    const professional: RegisterProfessional = {
      rpps: p.rpps,
      sex: p.sex,
      name: upperAscii(p.registerName),
      given: firstNameOf(p),
      profession: p.job.profession,
      student: p.job.group === 'interne',
      speciality: p.job.group === 'doctor' ? p.service.speciality : null,
    };
    const here = chuStructures[p.service.site] as Structure;
    const recent = EXTRACT - p.startDay;
    if (recent < 60 && reg.chance(p.job.group === 'interne' ? 0.5 : 0.55)) p.registerState = 'absent';
    else if (recent < 200 && reg.chance(p.job.group === 'interne' ? 0.45 : 0.35)) p.registerState = 'stale-activity';
    else p.registerState = 'listed';
    if (p.registerState === 'absent') continue;
    if (p.registerState === 'stale-activity') {
      addToRegister(professional, [elsewhere(professional, true)], p.personId);
      continue;
    }
    const structures: Structure[] = [here];
    // A second activity: private practice or another hospital (doctors mostly), or, for people who
    // left, the new employer beside the activity here that nobody closed.
    const second = isDeparted(p) ? 0.5 : p.job.group === 'doctor' ? 0.22 : p.job.group === 'pharmacist' || p.job.group === 'midwife' ? 0.12 : p.job.group === 'paramedical' || p.job.group === 'nurse' ? 0.05 : 0;
    if (reg.chance(second)) structures.push(elsewhere(professional, reg.chance(0.6)));
    // Someone working on two of the CHU's sites has one line per site.
    if (p.job.group === 'doctor' && reg.chance(0.06)) {
      const other = chuStructures[(p.service.site + 1) % 3] as Structure;
      if (other !== here) structures.splice(1, 0, other);
    }
    addToRegister(professional, structures, p.personId);
  }

  // Namesakes elsewhere in France: same used surname (and nom d'exercice) and given name.
  const nameRng = new Rng(seed, 'namesakes');
  const seenNames = new Set<string>();
  for (const p of people) {
    for (const surname of new Set([p.usageName, p.registerName])) {
      const key = `${fold(surname)}|${fold(firstNameOf(p))}`;
      if (seenNames.has(key)) continue;
      seenNames.add(key);
      // Expected namesakes grow with how common the surname is (MARTIN Nathalie: about 29).
      const weight = SURNAMES.find((s) => s.name === surname)?.weight ?? 0.3;
      const count = nameRng.poisson(namesakeScale * Math.min(30, 0.25 + weight / 3.5));
      for (let i = 0; i < count; i += 1) {
        const sameProfession = p.job.profession !== null && nameRng.chance(0.35);
        const profession = sameProfession && p.job.profession ? p.job.profession : nameRng.weighted(ELSEWHERE_PROFESSIONS, ([, w]) => w)[0];
        const professional: RegisterProfessional = {
          rpps: newRpps(),
          sex: p.sex,
          name: upperAscii(surname),
          given: firstNameOf(p),
          profession,
          student: profession === MEDECIN && nameRng.chance(0.08),
          speciality: profession === MEDECIN ? nameRng.pick(SERVICES).speciality : null,
        };
        const nearby = nameRng.chance(0.2);
        const structures = [elsewhere(professional, nearby)];
        if (nameRng.chance(0.12)) structures.push(elsewhere(professional, nameRng.chance(0.5)));
        addToRegister(professional, structures, null);
      }
    }
  }

  // Unrelated professionals, and the pool the applications draw outsiders from.
  const outsiderRng = new Rng(seed, 'outsiders');
  const drawOutsider = (profession: Profession | null, registered: boolean): Outsider => {
    const surname = drawSurname(outsiderRng);
    const sex: Sex = outsiderRng.chance(0.7) ? 'F' : 'M';
    return { sex, surname: surname.name, given: drawGiven(outsiderRng, surname.origin, sex), profession, rpps: registered ? newRpps() : null };
  };
  const registerOutsider = (o: Outsider, nearby: boolean): RegisterProfessional | null => {
    if (o.rpps === null || o.profession === null) return null;
    const professional: RegisterProfessional = {
      rpps: o.rpps,
      sex: o.sex,
      name: upperAscii(o.surname),
      given: o.given,
      profession: o.profession,
      student: false,
      speciality: o.profession === MEDECIN ? outsiderRng.pick(SERVICES).speciality : null,
    };
    addToRegister(professional, [elsewhere(professional, nearby)], null);
    return professional;
  };
  const unrelated = Math.round(staff * 0.5);
  const externalDoctors: RegisterProfessional[] = [];
  for (let i = 0; i < unrelated; i += 1) {
    const profession = outsiderRng.weighted(ELSEWHERE_PROFESSIONS, ([, w]) => w)[0];
    const o = drawOutsider(profession, true);
    const professional = registerOutsider(o, outsiderRng.chance(0.25));
    if (professional && profession === MEDECIN && externalDoctors.length < Math.round(staff * 0.04)) externalDoctors.push(professional);
  }
  // Interim staff (agencies): registered elsewhere, seen in AD, badges and prescriptions.
  const interims: Outsider[] = [];
  for (let i = 0; i < Math.max(5, Math.round(staff * 0.02)); i += 1) {
    const o = drawOutsider(outsiderRng.chance(0.25) ? MEDECIN : INFIRMIER, true);
    registerOutsider(o, true);
    interims.push(o);
  }
  // People purged from HR long ago, some still in AD and the badge system.
  const purged: Outsider[] = Array.from({ length: Math.max(5, Math.round(staff * 0.03)) }, () => drawOutsider(null, false));

  registerLines.sort((a, b) => (a.rpps < b.rpps ? -1 : a.rpps > b.rpps ? 1 : a.order - b.order));
  const registerFile = 'PS_LibreAcces_Personne_activite_CHU.txt';
  writeFileSync(join(outDir, registerFile), `${[`${REGISTER_HEADER.join('|')}|`, ...registerLines.map((l) => l.line)].join('\n')}\n`, 'utf8');
  written[registerFile] = registerLines.length;
  for (const [rpps, personId] of [...registerOwner.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) records.push({ sourceId: 'rpps', key: rpps, personId });

  // ---- HR --------------------------------------------------------------------------------
  const hr = new Rng(seed, 'hr');
  const typo = (name: string): string => {
    const letters = [...name];
    const positions = letters.map((ch, i) => (/\p{L}/u.test(ch) && i > 0 ? i : -1)).filter((i) => i > 0 && i < letters.length - 1);
    if (positions.length < 3) return name;
    const at = hr.pick(positions);
    const kind = hr.int(0, 2);
    if (kind === 0) letters.splice(at, 1);
    else if (kind === 1) letters.splice(at, 0, letters[at] as string);
    else if (/\p{L}/u.test(letters[at + 1] ?? '') && letters[at] !== letters[at + 1]) [letters[at], letters[at + 1]] = [letters[at + 1] as string, letters[at] as string];
    else letters.splice(at, 1);
    return letters.join('');
  };
  const statusOf = (p: Person): string =>
    p.job.group === 'interne' ? 'Interne' : p.job.group === 'doctor' ? (p.job.label.startsWith('Praticien hospitalier') || p.job.label.startsWith('Professeur') ? 'Praticien titulaire' : 'Praticien contractuel') : hr.chance(0.78) ? 'Titulaire' : hr.pick(['Stagiaire', 'Contractuel CDI', 'Contractuel CDD']);
  const hrHeader = ['MATRICULE', 'NOM_NAISSANCE', 'NOM_USAGE', 'PRENOM', 'PRENOMS_EC', 'SEXE', 'DATE_NAISSANCE', 'DATE_ENTREE', 'DATE_SORTIE', 'STATUT', 'EMPLOI', 'SERVICE', 'SITE_FINESS', 'RPPS'];
  const hrRows = [...people]
    .sort((a, b) => (a.hrId < b.hrId ? -1 : 1))
    .map((p) => {
      let birthName = p.birthName;
      let usageName = p.usageName;
      if (hr.chance(0.02)) {
        if (p.usageName === p.birthName) birthName = usageName = typo(p.birthName);
        else if (hr.chance(0.5)) usageName = typo(p.usageName);
        else birthName = typo(p.birthName);
      }
      let rpps = '';
      if (p.rpps !== null) {
        const share = p.job.group === 'interne' ? 0.1 : p.job.group === 'doctor' || p.job.group === 'pharmacist' ? 0.72 : p.job.group === 'midwife' ? 0.6 : p.job.group === 'aide' ? 0.3 : 0.45;
        if (hr.chance(share)) {
          rpps = p.rpps;
          if (hr.chance(0.05)) rpps = `${rpps.slice(0, 10)}${(Number(rpps[10]) + hr.int(1, 9)) % 10}`;
        }
      }
      const cells = [
        p.hrId,
        birthName,
        usageName,
        firstNameOf(p),
        p.givenNames.join(' '),
        p.sex === 'M' ? 'H' : 'F',
        hr.chance(0.015) ? '' : hrDate(p.birthDay),
        hrDate(p.startDay),
        p.endDay === null ? '' : hrDate(p.endDay),
        statusOf(p),
        p.job.label,
        p.service.label,
        (SITES[p.service.site] as Site).finess,
        rpps,
      ];
      return cells.map((c) => csvField(c, ',')).join(',');
    });
  const hrFile = 'sirh_agents.csv';
  writeFileSync(join(outDir, hrFile), `${[hrHeader.join(','), ...hrRows].join('\n')}\n`, 'utf8');
  written[hrFile] = hrRows.length;
  for (const p of [...people].sort((a, b) => (a.hrId < b.hrId ? -1 : 1))) records.push({ sourceId: 'rh', key: p.hrId, personId: p.personId });

  // ---- Active Directory (ldapsearch -LLL / slapcat style LDIF) ------------------------------
  const ad = new Rng(seed, 'ad');
  const logins = new Set<string>();
  const mails = new Set<string>();
  const dns = new Set<string>();
  const uniqueLogin = (base: string): string => {
    const trimmed = base.slice(0, 20);
    if (!logins.has(trimmed)) {
      logins.add(trimmed);
      return trimmed;
    }
    for (let n = 2; ; n += 1) {
      const candidate = `${base.slice(0, 20 - String(n).length)}${n}`;
      if (!logins.has(candidate)) {
        logins.add(candidate);
        return candidate;
      }
    }
  };
  const uniqueMail = (local: string): string => {
    let candidate = local;
    for (let n = 2; mails.has(candidate); n += 1) candidate = `${local}${n}`;
    mails.add(candidate);
    return `${candidate}@chu-saint-aubin.fr`;
  };
  const ldifLine = (name: string, value: string): string => {
    // RFC 2849 SAFE-STRING: ASCII without NUL, CR, LF; not starting with space, ':' or '<'; no trailing space.
    const codes = [...value].map((ch) => ch.codePointAt(0) ?? 0);
    const safe = codes.every((c) => c > 0 && c < 0x80 && c !== 0x0a && c !== 0x0d) && !/^[ :<]/.test(value) && !value.endsWith(' ');
    const line = safe || value === '' ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
    if (line.length <= 76) return line;
    const parts = [line.slice(0, 76)];
    for (let i = 76; i < line.length; i += 75) parts.push(` ${line.slice(i, i + 75)}`);
    return parts.join('\n');
  };
  const entries: string[] = [];
  const BASE = 'dc=chu-saint-aubin,dc=fr';
  entries.push([ldifLine('dn', BASE), 'objectClass: top', 'objectClass: domain', 'dc: chu-saint-aubin'].join('\n'));
  for (const ou of ['Utilisateurs', 'Comptes generiques', 'Prestataires']) entries.push([ldifLine('dn', `ou=${ou},${BASE}`), 'objectClass: top', 'objectClass: organizationalUnit', ldifLine('ou', ou)].join('\n'));
  for (const site of SITES) entries.push([ldifLine('dn', `ou=${site.ou},ou=Utilisateurs,${BASE}`), 'objectClass: top', 'objectClass: organizationalUnit', ldifLine('ou', site.ou)].join('\n'));

  interface Account {
    login: string;
    cnStyle: boolean;
    ou: string;
    sn: string;
    given: string;
    mail: string | null;
    employeeId: string | null;
    uac: 512 | 514 | 66048;
    created: number;
    lastLogon: number | null;
    department: string | null;
    title: string | null;
  }
  const adRecords: Array<{ account: Account; personId: string | null }> = [];
  const writeAccount = (a: Account): void => {
    const display = a.sn ? `${a.sn.toUpperCase()} ${a.given}`.trim() : a.login;
    let cn = display;
    let dn: string;
    if (a.cnStyle) {
      for (let n = 2; dns.has(`${cn}|${a.ou}`); n += 1) cn = `${display} ${n}`;
      dns.add(`${cn}|${a.ou}`);
      dn = `CN=${cn.replace(/([,+"\\<>;=])/g, '\\$1')},${a.ou.replace(/ou=/g, 'OU=').replace(/dc=/g, 'DC=')}`;
    } else dn = `uid=${a.login},${a.ou}`;
    const lines = [ldifLine('dn', dn), 'objectClass: top', 'objectClass: person', 'objectClass: organizationalPerson', 'objectClass: user'];
    if (!a.cnStyle) lines.push(ldifLine('uid', a.login));
    lines.push(ldifLine('cn', cn));
    if (a.sn) lines.push(ldifLine('sn', a.sn));
    if (a.given) lines.push(ldifLine('givenName', a.given));
    lines.push(ldifLine('displayName', display));
    lines.push(ldifLine('sAMAccountName', a.login));
    if (a.mail) lines.push(ldifLine('mail', a.mail));
    if (a.employeeId) lines.push(ldifLine('employeeID', a.employeeId));
    if (a.title) lines.push(ldifLine('title', a.title));
    if (a.department) lines.push(ldifLine('department', a.department));
    lines.push(`userAccountControl: ${a.uac}`);
    lines.push(`whenCreated: ${generalizedTime(a.created, ad.int(25_000, 60_000))}`);
    if (a.lastLogon !== null) lines.push(`lastLogonTimestamp: ${filetime(a.lastLogon, ad.int(21_000, 75_000))}`);
    entries.push(lines.join('\n'));
  };

  for (const p of [...people].sort((a, b) => a.startDay - b.startDay || (a.hrId < b.hrId ? -1 : 1))) {
    const departed = isDeparted(p);
    if (!ad.chance(departed ? 0.8 : p.job.group === 'interne' ? 0.97 : 0.9)) continue;
    const created = Math.max(p.startDay - ad.int(0, 10), dayOf('2009-03-01') + ad.int(0, 400));
    const oldStyle = created < dayOf('2015-01-01');
    const given = firstNameOf(p);
    // Married women: the account may predate the marriage (login and maybe sn keep the birth name).
    const loginSurname = p.married && ad.chance(0.3) ? p.birthName : p.usageName;
    const sn = loginSurname === p.birthName && p.married ? (ad.chance(0.5) ? p.birthName : p.usageName) : ad.chance(p.married ? 0.1 : 0) ? p.birthName : p.usageName;
    const shortGiven = /[\s-]/.test(given) && ad.chance(0.35);
    const newLogin = `${shortGiven ? initialsOf(given) : givenLoginPart(given)}.${loginPart(loginSurname)}`;
    const oldLogin = `${/[\s-]/.test(given) && ad.chance(0.5) ? initialsOf(given) : initialsOf(given).charAt(0)}.${loginPart(loginSurname)}`;
    const ou = `ou=${(SITES[p.service.site] as Site).ou},ou=Utilisateurs,${BASE}`;
    const lastActive = departed ? (p.endDay as number) - ad.int(0, 20) : EXTRACT - ad.int(0, ad.chance(0.9) ? 14 : 120);
    const idValue = ad.chance(0.5) ? (ad.chance(0.5) ? p.hrId : String(Number(p.hrId))) : null;
    const mail = uniqueMail(`${givenLoginPart(given)}.${loginPart(sn)}`);
    const enabled = departed ? ad.chance(0.4) : ad.chance(0.98);
    const duplicate = !departed && oldStyle && ad.chance(0.07);
    if (duplicate) {
      // An old `p.nom` account nobody closed, and the `prenom.nom` account made at a migration.
      const oldAccount: Account = { login: uniqueLogin(oldLogin), cnStyle: true, ou, sn, given, mail: null, employeeId: null, uac: ad.chance(0.6) ? 514 : 512, created, lastLogon: ad.chance(0.8) ? created + ad.int(30, 1500) : null, department: p.service.label, title: null };
      const migrated = dayOf('2019-06-01') + ad.int(0, 900);
      const newAccount: Account = { login: uniqueLogin(newLogin), cnStyle: false, ou, sn, given, mail, employeeId: idValue, uac: 512, created: migrated, lastLogon: lastActive, department: p.service.label, title: p.job.label };
      adRecords.push({ account: oldAccount, personId: p.personId }, { account: newAccount, personId: p.personId });
      continue;
    }
    const account: Account = {
      login: uniqueLogin(oldStyle ? oldLogin : newLogin),
      cnStyle: oldStyle,
      ou,
      sn,
      given,
      mail: ad.chance(0.96) ? mail : null,
      employeeId: idValue,
      uac: enabled ? 512 : 514,
      created,
      lastLogon: ad.chance(0.97) ? lastActive : null,
      department: ad.chance(0.9) ? p.service.label : null,
      title: ad.chance(0.7) ? p.job.label : null,
    };
    adRecords.push({ account, personId: p.personId });
  }
  const genericOu = `ou=Comptes generiques,${BASE}`;
  const generic = [
    ...SERVICES.filter((s) => ['care', 'mat', 'imaging', 'psy'].includes(s.tag) && ad.chance(0.6)).map((s) => `secretariat.${s.short}`),
    'secretariat.cardio',
    'ide.nuit.urgences',
    'ide.jour.rea',
    'accueil.maternite',
    'cadre.garde',
    'svc_backup',
    'svc_sql',
    'svc_pacs',
    'svc_scan',
    'test01',
    'test02',
    'formation01',
    'formation02',
    'formation03',
  ];
  for (const login of [...new Set(generic)]) {
    if (logins.has(login)) continue;
    logins.add(login);
    const service = login.startsWith('svc_') || login.startsWith('test') || login.startsWith('formation');
    adRecords.push({
      account: { login, cnStyle: ad.chance(0.5), ou: genericOu, sn: '', given: '', mail: service ? null : uniqueMail(login), employeeId: null, uac: service ? 66048 : 512, created: dayOf('2012-01-01') + ad.int(0, 4000), lastLogon: ad.chance(0.9) ? EXTRACT - ad.int(0, 60) : null, department: null, title: null },
      personId: null,
    });
  }
  const prestaOu = `ou=Prestataires,${BASE}`;
  for (const o of interims) {
    adRecords.push({
      account: { login: uniqueLogin(`int.${givenLoginPart(o.given)}.${loginPart(o.surname)}`), cnStyle: false, ou: prestaOu, sn: o.surname, given: o.given, mail: null, employeeId: null, uac: ad.chance(0.7) ? 512 : 514, created: EXTRACT - ad.int(10, 700), lastLogon: EXTRACT - ad.int(0, 300), department: null, title: o.profession === MEDECIN ? 'Médecin intérimaire' : 'IDE intérimaire' },
      personId: null,
    });
  }
  for (const o of purged) {
    const created = dayOf('2010-01-01') + ad.int(0, 3000);
    const site = ad.pick(SITES);
    adRecords.push({
      account: { login: uniqueLogin(`${initialsOf(o.given).charAt(0)}.${loginPart(o.surname)}`), cnStyle: true, ou: `ou=${site.ou},ou=Utilisateurs,${BASE}`, sn: o.surname, given: o.given, mail: ad.chance(0.5) ? uniqueMail(`${givenLoginPart(o.given)}.${loginPart(o.surname)}`) : null, employeeId: ad.chance(0.3) ? pad(ad.int(260_001, 299_999), 7) : null, uac: ad.chance(0.35) ? 512 : 514, created, lastLogon: ad.chance(0.8) ? created + ad.int(100, 2500) : null, department: null, title: null },
      personId: null,
    });
  }
  for (const { account, personId } of adRecords) {
    writeAccount(account);
    records.push({ sourceId: 'ad', key: account.login, personId });
  }
  const adFile = 'ad_chu.ldf';
  writeFileSync(join(outDir, adFile), `${entries.join('\n\n')}\n`, 'utf8');
  written[adFile] = adRecords.length;

  // ---- Badges (Windows-1252, ;) -------------------------------------------------------------
  const bd = new Rng(seed, 'badges');
  const uids = new Set<string>();
  const newUid = (): string => drawUnique(uids, () => bd.hex(8));
  const holderName = (surname: string, given: string): string => (bd.chance(0.08) ? `${titleCase(surname)} ${given}` : `${given} ${titleCase(surname)}`);
  const badgeRows: Array<{ uid: string; cells: string[]; personId: string | null }> = [];
  const badgeCells = (uid: string, holder: string, service: string, profile: string, status: string, end: number | null, last: number | null): string[] => [uid, holder, service, profile, status, end === null ? '' : frDate(end), last === null ? '' : frDate(last)];
  for (const p of people) {
    const departed = isDeparted(p);
    if (!bd.chance(departed ? 0.7 : 0.9)) continue;
    const holder = holderName(p.usageName, firstNameOf(p));
    const renewal = EXTRACT + bd.int(30, 5 * 365);
    const end = departed ? (bd.chance(0.7) ? (p.endDay as number) : renewal) : p.job.group === 'interne' ? dayOf('2027-05-02') : renewal;
    const last = departed ? (p.endDay as number) - bd.int(0, 10) : EXTRACT - bd.int(0, 20);
    const status = departed ? (end <= EXTRACT ? 'INACTIF' : 'ACTIF') : 'ACTIF';
    const uid = newUid();
    badgeRows.push({ uid, cells: badgeCells(uid, holder, p.service.label, p.job.badgeProfile, status, end, last), personId: p.personId });
    if (bd.chance(0.04)) {
      // A lost badge, replaced: the old card stays in the base, blocked.
      const uid = newUid();
      const blocked = Math.max(p.startDay + 20, EXTRACT - bd.int(30, 900));
      badgeRows.push({ uid, cells: badgeCells(uid, holder, p.service.label, p.job.badgeProfile, 'PERDU', blocked, blocked - bd.int(1, 15)), personId: p.personId });
    }
  }
  const visitorNumbers = new Set<number>();
  while (visitorNumbers.size < 25) visitorNumbers.add(bd.int(1, 60));
  for (const n of [...visitorNumbers].sort((a, b) => a - b)) {
    const uid = newUid();
    badgeRows.push({ uid, cells: badgeCells(uid, `VISITEUR ${pad(n, 3)}`, 'Accueil principal', 'Visiteur', 'ACTIF', EXTRACT + 365, bd.chance(0.6) ? EXTRACT - bd.int(0, 90) : null), personId: null });
  }
  const temporary: Array<readonly [string, string, string]> = [
    ['PRESTATAIRE NETTOYAGE', 'Services techniques', 'Prestataire'],
    ['PRESTATAIRE NETTOYAGE', 'Blanchisserie et cuisine centrale', 'Prestataire'],
    ['PRESTATAIRE NETTOYAGE', 'Bloc opératoire central', 'Prestataire'],
    ['PRESTATAIRE MAINTENANCE ASCENSEURS', 'Services techniques', 'Prestataire'],
    ['AMBULANCES PRIVÉES', 'Urgences adultes', 'Prestataire'],
    ['SDIS 49 — POMPIERS', 'Urgences adultes', 'Secours'],
    ['ÉTUDIANT IFSI 01', 'Institut de formation en soins infirmiers', 'Etudiant'],
    ['ÉTUDIANT IFSI 02', 'Institut de formation en soins infirmiers', 'Etudiant'],
    ['ÉTUDIANT IFSI 03', 'Institut de formation en soins infirmiers', 'Etudiant'],
    ['CLÉ DE SECOURS BLOC', 'Bloc opératoire central', 'Technique'],
    ['REMPLAÇANT NUIT', 'Cardiologie et maladies vasculaires — Unité Cœur', 'Temporaire'],
  ];
  for (const [holder, service, profile] of temporary) {
    const uid = newUid();
    badgeRows.push({ uid, cells: badgeCells(uid, holder, service, profile, 'ACTIF', EXTRACT + bd.int(30, 700), EXTRACT - bd.int(0, 30)), personId: null });
  }
  for (const o of [...interims, ...purged.slice(0, Math.ceil(purged.length / 2))]) {
    const uid = newUid();
    const isInterim = interims.includes(o);
    badgeRows.push({ uid, cells: badgeCells(uid, holderName(o.surname, o.given), isInterim ? bd.pick(SERVICES.filter((s) => s.tag === 'care')).label : bd.pick(SERVICES).label, isInterim ? 'Intérimaire' : 'Personnel soignant', isInterim || bd.chance(0.3) ? 'ACTIF' : 'INACTIF', EXTRACT + (isInterim ? bd.int(1, 60) : -bd.int(200, 2000)), EXTRACT - bd.int(isInterim ? 0 : 200, isInterim ? 30 : 2000)), personId: null });
  }
  badgeRows.sort((a, b) => (a.uid < b.uid ? -1 : 1));
  const badgeFile = 'controle_acces.csv';
  const badgeText = `${['N_BADGE;TITULAIRE;SERVICE;PROFIL;STATUT;DATE_FIN_VALIDITE;DERNIER_PASSAGE', ...badgeRows.map((r) => r.cells.map((c) => csvField(c, ';')).join(';'))].join('\r\n')}\r\n`;
  writeFileSync(join(outDir, badgeFile), encodeCp1252(badgeText));
  written[badgeFile] = badgeRows.length;
  for (const r of badgeRows) records.push({ sourceId: 'badges', key: r.uid, personId: r.personId });

  // ---- Laboratory information system (UTF-8, ;) ----------------------------------------------
  const sl = new Rng(seed, 'sil');
  const codes = new Set<string>();
  const silCode = (surname: string, given: string): string => {
    const letters = upperAscii(surname).replace(/[^A-Z]/g, '');
    const initial = upperAscii(given).charAt(0);
    const base = `${letters.slice(0, 7)}${initial}`;
    if (!codes.has(base)) {
      codes.add(base);
      return base;
    }
    for (let n = 2; ; n += 1) {
      const candidate = `${letters.slice(0, 8 - 1 - String(n).length)}${initial}${n}`;
      if (!codes.has(candidate)) {
        codes.add(candidate);
        return candidate;
      }
    }
  };
  const silRows: Array<{ code: string; cells: string[]; personId: string | null }> = [];
  for (const p of [...people].sort((a, b) => a.startDay - b.startDay || (a.hrId < b.hrId ? -1 : 1))) {
    const inLab = p.service.tag === 'lab';
    const share = inLab ? 0.95 : p.job.group === 'doctor' ? 0.3 : p.job.group === 'interne' ? 0.3 : p.job.group === 'midwife' ? 0.2 : p.job.group === 'nurse' ? 0.12 : 0;
    if (!sl.chance(isDeparted(p) ? share * 0.6 : share)) continue;
    const surname = p.married && sl.chance(p.registerName === p.birthName ? 0.5 : 0.1) ? p.birthName : p.usageName;
    const given = firstNameOf(p);
    const code = silCode(surname, given);
    const doctorLike = ['doctor', 'interne', 'pharmacist'].includes(p.job.group);
    const profile = p.job.group === 'doctor' || p.job.group === 'pharmacist' ? (inLab ? 'BIOLOGISTE' : 'PRESCRIPTEUR') : p.job.group === 'interne' ? 'INTERNE' : p.job.group === 'paramedical' ? 'TECHNICIEN' : p.job.group === 'other' ? 'SECRETARIAT' : 'CONSULTATION';
    const rpps = doctorLike && p.rpps !== null && sl.chance(0.8) ? p.rpps : '';
    const last = isDeparted(p) ? (p.endDay as number) - sl.int(0, 15) : EXTRACT - sl.int(0, 45);
    silRows.push({
      code,
      cells: [code, upperAscii(surname), sl.chance(0.5) ? `${upperAscii(given).charAt(0)}.` : given, sl.chance(0.03) ? '' : dottedDate(p.birthDay), profile, rpps, isDeparted(p) && sl.chance(0.5) ? 'N' : 'O', dottedDate(last)],
      personId: p.personId,
    });
  }
  for (const [code, nom, prenom, profile] of [
    ['ADMIN', 'ADMINISTRATEUR', '', 'ADMIN'],
    ['ADMINSIL', 'ADMINISTRATEUR SIL', '', 'ADMIN'],
    ['AUTOMATE', 'AUTOMATE', 'COBAS', 'INTERFACE'],
    ['INTERFAC', 'INTERFACE DPI', '', 'INTERFACE'],
    ['FORMAT01', 'FORMATION', 'Utilisateur 1', 'TECHNICIEN'],
    ['FORMAT02', 'FORMATION', 'Utilisateur 2', 'TECHNICIEN'],
    ['TESTBIO', 'TEST', 'Biologiste', 'BIOLOGISTE'],
    ['ASTREINT', 'ASTREINTE', 'Biologie', 'BIOLOGISTE'],
  ] as const) {
    codes.add(code);
    silRows.push({ code, cells: [code, nom, prenom, '', profile, '', 'O', dottedDate(EXTRACT - sl.int(0, 30))], personId: null });
  }
  // Partner-lab biologists and interim technicians, never on the CHU's payroll.
  for (const doctor of externalDoctors.slice(0, 6)) {
    const code = silCode(doctor.name, doctor.given);
    silRows.push({ code, cells: [code, doctor.name, sl.chance(0.5) ? `${upperAscii(doctor.given).charAt(0)}.` : doctor.given, '', 'BIOLOGISTE', doctor.rpps, 'O', dottedDate(EXTRACT - sl.int(0, 200))], personId: null });
  }
  const silFile = 'sil_utilisateurs.csv';
  const silText = `${['CODE_UTIL;NOM;PRENOM;DATE_NAISSANCE;PROFIL;RPPS;ACTIF;DERNIERE_CONNEXION', ...silRows.map((r) => r.cells.map((c) => csvField(c, ';')).join(';'))].join('\n')}\n`;
  writeFileSync(join(outDir, silFile), silText, 'utf8');
  written[silFile] = silRows.length;
  for (const r of silRows) records.push({ sourceId: 'sil', key: r.code, personId: r.personId });

  // ---- Prescription software (UTF-8 with BOM, |) ----------------------------------------------
  const pr = new Rng(seed, 'prescription');
  const prescRows: Array<{ id: string; cells: string[]; personId: string | null }> = [];
  let nextId = 1000;
  const prescId = (): string => {
    nextId += pr.chance(0.8) ? 1 : pr.int(2, 30);
    return String(nextId);
  };
  const lastFirst = (surname: string, given: string): string => `${upperAscii(surname)} ${upperAscii(given).replace(/-/g, ' ')}`;
  const rppsForm = (rpps: string): string => (pr.chance(0.15) ? `8${rpps}` : rpps);
  const candidates = people.filter(isPrescriber).sort((a, b) => a.startDay - b.startDay || (a.hrId < b.hrId ? -1 : 1));
  const prescribers: Array<{ start: number; make: () => void }> = [];
  for (const p of candidates) {
    if (!pr.chance(isDeparted(p) ? 0.8 : 0.95)) continue;
    prescribers.push({
      start: p.startDay,
      make: () => {
        const id = prescId();
        // Prescriptions are signed with the nom d'exercice.
        const surname = p.registerState !== 'absent' ? p.registerName : p.usageName;
        const given = pr.chance(0.05) && p.givenNames[1] ? `${firstNameOf(p)} ${p.givenNames[1]}` : firstNameOf(p);
        const present = p.rpps !== null && pr.chance(p.registerState === 'absent' ? 0.4 : p.job.group === 'interne' ? 0.7 : 0.92);
        const rpps = present && p.rpps !== null ? rppsForm(p.rpps) : '';
        const birth = pr.chance(0.08) ? '' : pr.chance(0.012) ? '00000000' : compactDate(p.birthDay);
        const speciality = p.job.group === 'pharmacist' ? 'Pharmacie hospitalière' : p.job.label === 'Interne en pharmacie' ? 'Interne en pharmacie' : p.job.group === 'midwife' ? 'Maïeutique' : p.job.group === 'interne' ? `Interne — ${p.service.speciality[1]}` : p.service.speciality[1];
        prescRows.push({ id, cells: [id, lastFirst(surname, given), rpps, birth, speciality, isDeparted(p) && pr.chance(0.6) ? 'N' : 'O'], personId: p.personId });
      },
    });
  }
  // External prescribers (rétrocession, city doctors) and interim doctors: in the register, not in HR.
  // Some carry the very name of a local doctor (the register's namesakes).
  const localDoctorNames = new Set(people.filter((p) => p.job.profession === MEDECIN).map((p) => `${upperAscii(p.registerName)}|${firstNameOf(p)}`));
  const namesakeDoctors: RegisterProfessional[] = [];
  for (const line of registerLines) {
    const cells = line.line.split('|');
    if (cells[9] !== MEDECIN.code || registerOwner.get(line.rpps) !== null || !localDoctorNames.has(`${cells[7]}|${cells[8]}`)) continue;
    if (namesakeDoctors.some((d) => d.rpps === line.rpps)) continue;
    namesakeDoctors.push({ rpps: line.rpps, sex: cells[5] === 'M' ? 'M' : 'F', name: cells[7] as string, given: cells[8] as string, profession: MEDECIN, student: false, speciality: [cells[15] ?? '', cells[16] ?? ''] });
  }
  const externals = [...externalDoctors, ...namesakeDoctors.filter(() => pr.chance(0.25)).slice(0, Math.max(3, Math.round(staff * 0.005)))];
  for (const d of externals) {
    prescribers.push({
      start: EXTRACT - pr.int(10, 3000),
      make: () => {
        const id = prescId();
        prescRows.push({ id, cells: [id, lastFirst(d.name, d.given), rppsForm(d.rpps), '', d.speciality?.[1] || 'Médecine Générale', 'O'], personId: null });
      },
    });
  }
  for (const o of interims.filter((i) => i.profession === MEDECIN)) {
    prescribers.push({
      start: EXTRACT - pr.int(10, 500),
      make: () => {
        const id = prescId();
        prescRows.push({ id, cells: [id, lastFirst(o.surname, o.given), o.rpps ?? '', '', 'Médecin intérimaire', 'O'], personId: null });
      },
    });
  }
  for (const label of ['PROTOCOLE CHIMIOTHERAPIE', 'MEDECIN DE GARDE URGENCES', 'PRESCRIPTEUR EXTERIEUR', 'TEST PHARMACIE']) {
    prescribers.push({
      start: dayOf('2014-01-01') + pr.int(0, 3000),
      make: () => {
        const id = prescId();
        prescRows.push({ id, cells: [id, label, '', '', '', 'O'], personId: null });
      },
    });
  }
  prescribers.sort((a, b) => a.start - b.start);
  for (const p of prescribers) p.make();
  const prescFile = 'prescripteurs.csv';
  const prescText = `\ufeff${['ID_PRESCRIPTEUR|NOM_PRENOM|RPPS|DATE_NAISSANCE|SPECIALITE|ACTIF', ...prescRows.map((r) => r.cells.map((c) => csvField(c, '|')).join('|'))].join('\n')}\n`;
  writeFileSync(join(outDir, prescFile), prescText, 'utf8');
  written[prescFile] = prescRows.length;
  for (const r of prescRows) records.push({ sourceId: 'presc', key: r.id, personId: r.personId });

  // ---- sources.json ----------------------------------------------------------------------
  const establishment = { name: CHU_NAME, finess: SITES.map((s) => s.finess) };
  const enabledMap = { O: '1', N: '0' };
  const sources = {
    establishment,
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: registerFile, encoding: 'utf-8' },
      {
        id: 'rh',
        kind: 'csv',
        role: 'hr',
        path: hrFile,
        delimiter: ',',
        encoding: 'utf-8',
        dateFormat: 'DD/MM/YYYY',
        key: 'MATRICULE',
        fields: {
          hrId: { column: 'MATRICULE', normalize: 'strip-leading-zeros' },
          birthName: 'NOM_NAISSANCE',
          lastName: 'NOM_USAGE',
          firstName: 'PRENOM',
          sex: { column: 'SEXE', map: { H: 'M', F: 'F' } },
          birthDate: 'DATE_NAISSANCE',
          startDate: 'DATE_ENTREE',
          endDate: 'DATE_SORTIE',
          profession: 'EMPLOI',
          service: 'SERVICE',
          site: 'SITE_FINESS',
          rpps: 'RPPS',
        },
      },
      {
        id: 'ad',
        kind: 'ldif',
        role: 'directory',
        path: adFile,
        encoding: 'utf-8',
        key: 'sAMAccountName',
        fields: { adId: 'sAMAccountName', lastName: 'sn', firstName: 'givenName', email: 'mail', hrId: { column: 'employeeID', normalize: 'strip-leading-zeros' }, service: 'department' },
      },
      {
        id: 'badges',
        kind: 'csv',
        role: 'application',
        path: badgeFile,
        delimiter: ';',
        encoding: 'windows-1252',
        dateFormat: 'DD/MM/YYYY',
        key: 'N_BADGE',
        // Declared by the lead engineer, as the badge office would: the badge base keeps lost cards beside their replacement.
        recordsPerPerson: 'several',
        fields: { fullName: { column: 'TITULAIRE', nameOrder: 'auto' }, service: 'SERVICE', lastLogin: 'DERNIER_PASSAGE', enabled: { column: 'STATUT', map: { ACTIF: '1', INACTIF: '0', PERDU: '0' } } },
      },
      {
        id: 'sil',
        kind: 'csv',
        role: 'application',
        path: silFile,
        delimiter: ';',
        encoding: 'utf-8',
        dateFormat: 'DD.MM.YYYY',
        key: 'CODE_UTIL',
        fields: { lastName: 'NOM', firstName: 'PRENOM', birthDate: 'DATE_NAISSANCE', rpps: 'RPPS', enabled: { column: 'ACTIF', map: enabledMap }, lastLogin: 'DERNIERE_CONNEXION' },
      },
      {
        id: 'presc',
        kind: 'csv',
        role: 'application',
        path: prescFile,
        delimiter: '|',
        encoding: 'utf-8',
        key: 'ID_PRESCRIPTEUR',
        fields: { fullName: { column: 'NOM_PRENOM', nameOrder: 'last-first' }, rpps: 'RPPS', birthDate: { column: 'DATE_NAISSANCE', dateFormat: 'YYYYMMDD' }, enabled: { column: 'ACTIF', map: enabledMap } },
      },
    ],
  };
  writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`, 'utf8');
  written['sources.json'] = sources.sources.length;

  // ---- truth.json ------------------------------------------------------------------------
  const truth = {
    generator: 'c',
    seed,
    extractDate: EXTRACT_DATE,
    establishment: { ...establishment, finessEj: FINESS_EJ, sites: SITES.map((s) => ({ finess: s.finess, name: s.name })) },
    people: people.map((p) => ({
      personId: p.personId,
      rppsTrue: p.rpps,
      homonymGroup: p.homonymGroup,
      inRegister: p.registerState === 'listed' || p.registerState === 'stale-activity',
      registerState: p.registerState,
      hrId: p.hrId,
      birthName: p.birthName,
      usageName: p.usageName,
      firstName: firstNameOf(p),
      givenNames: p.givenNames,
      registerName: p.rpps === null ? null : p.registerName,
      birthDate: isoDate(p.birthDay),
      sex: p.sex,
      profession: p.job.label,
      service: p.service.label,
      site: (SITES[p.service.site] as Site).finess,
      startDate: isoDate(p.startDay),
      departed: isDeparted(p),
      endDate: p.endDay === null ? null : isoDate(p.endDay),
    })),
    records,
  };
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`, 'utf8');
  written['truth.json'] = records.length;
  return { written };
}
