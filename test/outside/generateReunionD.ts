/**
 * Generator D — CHU de Bourbon-Sud (La Réunion, fictional): one EJ, two FINESS géographiques
 * (Saint-Pierre, Saint-Joseph). Written by a team that had not read the engine: very concentrated
 * surnames (PAYET ≈ 5 %), real homonyms inside HR, civil-status married surnames ("HOARAU épouse
 * PAYET"), mainland doctors on short contracts with register lag, remplaçants and interims outside
 * HR. RNG: xoshiro128** seeded through FNV-1a + splitmix32, one stream per concern.
 * Files: register extract (UTF-8, CRLF), HR (ISO-8859-1, DD-MM-YYYY), AD as csvde CSV
 * (Windows-1252), DPI (Windows-1252), pharmacy (UTF-8 BOM, tab), badges (UTF-8, decimal serials).
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  genericAccounts,
  givenNames,
  jobs,
  mainlandSurnames,
  middleNames,
  otherStructures,
  reunionSurnames,
  services,
  specialties,
  type JobDef,
  type Origin,
  type Structure,
} from './reunionDVocabulary';

// ---------------------------------------------------------------- randomness

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    let x = fnv1a(`D|${seed}|${stream}`);
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }

  private u32(): number {
    const rotl = (v: number, k: number): number => ((v << k) | (v >>> (32 - k))) >>> 0;
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c = (this.c ^ this.a) >>> 0;
    this.d = (this.d ^ this.b) >>> 0;
    this.b = (this.b ^ this.c) >>> 0;
    this.a = (this.a ^ this.d) >>> 0;
    this.c = (this.c ^ t) >>> 0;
    this.d = rotl(this.d, 11);
    return result;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  uint32(): number {
    return this.u32();
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let r = this.float() * total;
    for (const item of items) {
      r -= weightOf(item);
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (this.float() + this.float() + this.float() - 1.5) * 2));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k += 1;
      p *= this.float();
    }
    return k;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

// ---------------------------------------------------------------- small helpers

const EXTRACT_DATE = '2026-11-30';
const DAY = 86_400_000;

function isoFromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function msOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}
function addDays(iso: string, days: number): string {
  return isoFromMs(msOf(iso) + days * DAY);
}
function randomDate(rng: Rng, from: string, to: string): string {
  const a = msOf(from);
  const b = msOf(to);
  return isoFromMs(a + Math.floor(rng.float() * ((b - a) / DAY + 1)) * DAY);
}
function dmy(iso: string, sep: string): string {
  return `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
}
function compact(iso: string): string {
  return iso.replaceAll('-', '');
}
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function time(rng: Rng, withSeconds: boolean): string {
  const t = `${pad(rng.int(6, 22), 2)}:${pad(rng.int(0, 59), 2)}`;
  return withSeconds ? `${t}:${pad(rng.int(0, 59), 2)}` : t;
}

function luhnKey(payload: string): string {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = Number(payload[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Lower case, no accents; keeps letters, digits and hyphens (spaces and apostrophes removed). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
function upperNoAccent(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}
function foldKey(text: string): string {
  return upperNoAccent(text).replace(/[^A-Z]/g, '');
}
/** "AH-SING" → "Ah-Sing", "LE CORRE" → "Le Corre". */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => `${sep}${letter.toUpperCase()}`);
}
function initials(given: string): string {
  return given
    .split('-')
    .map((part) => fold(part).slice(0, 1))
    .join('');
}

const cp1252Extra: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, Š: 0x8a, '‹': 0x8b,
  Œ: 0x8c, Ž: 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  š: 0x9a, '›': 0x9b, œ: 0x9c, ž: 0x9e, Ÿ: 0x9f,
};
function encodeCp1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    const mapped = cp1252Extra[ch];
    if (mapped !== undefined) bytes[i] = mapped;
    else if (code <= 0x7f || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else throw new Error(`generator D: ${JSON.stringify(ch)} has no Windows-1252 byte`);
  }
  return bytes;
}
function encodeLatin1(text: string): Buffer {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`generator D: ${JSON.stringify(text[i])} has no ISO-8859-1 byte`);
  }
  return Buffer.from(text, 'latin1');
}

// ---------------------------------------------------------------- the population

type Sex = 'M' | 'F';
type RegisterState = 'listed' | 'stale-activity' | 'absent' | 'none';
type ServiceDef = readonly [string, string, number, string];

interface Person {
  personId: string;
  origin: Origin;
  sex: Sex;
  birthName: string;
  usageName: string;
  married: boolean;
  givenNames: string[];
  birthDate: string;
  job: JobDef;
  statut: string;
  service: ServiceDef;
  site: number;
  startDate: string;
  endDate: string | null;
  departed: boolean;
  renfort: boolean;
  rpps: string | null;
  registerState: RegisterState;
  registerName: string | null;
  hrId: string;
  privatePractice: boolean;
  homonymGroup: string | null;
}

/** Somebody outside HR: a remplaçant doctor, an agency interim or an agent purged from HR. */
interface Outsider {
  kind: 'remplacant' | 'interim' | 'purged';
  sex: Sex;
  surname: string;
  given: string;
  birthDate: string;
  rpps: string | null;
  job: JobDef;
}

interface TruthRecord {
  sourceId: string;
  key: string;
  personId: string | null;
}

interface Site {
  finess: string;
  name: string;
  registerName: string;
  siret: string;
  ou: string;
  cp: string;
  commune: string;
  communeCode: string;
}

const jobByEmploi = (emploi: string): JobDef => {
  const job = jobs.find((j) => j.emploi === emploi);
  if (job === undefined) throw new Error(`generator D: no job ${emploi}`);
  return job;
};

const reunionWeightTotal = reunionSurnames.reduce((sum, [, w]) => sum + w, 0);
const MAINLAND_SHARE = 0.25;

/** Share of the local population bearing a surname (for the register namesakes). */
function surnameShare(surname: string): number {
  const entry = reunionSurnames.find(([name]) => name === surname);
  if (entry !== undefined) return ((1 - MAINLAND_SHARE) * entry[1]) / reunionWeightTotal;
  return MAINLAND_SHARE / mainlandSurnames.length;
}

function drawSurname(rng: Rng, origin: Origin | null): readonly [string, Origin] {
  if (origin === 'mainland') return [rng.pick(mainlandSurnames), 'mainland'];
  const pool = origin === null ? reunionSurnames : reunionSurnames.filter(([, , o]) => o === origin);
  const [name, , o] = rng.weighted(pool, ([, w]) => w);
  return [name, o];
}

function drawGiven(rng: Rng, origin: Origin, sex: Sex): string {
  // Tamil, Chinese and Malagasy families often give French Creole names too.
  const pools = origin !== 'mainland' && origin !== 'creole' && origin !== 'gujarati' && rng.chance(0.35) ? givenNames.creole : givenNames[origin];
  return rng.pick(sex === 'F' ? pools.female : pools.male);
}

function drawGivenNames(rng: Rng, origin: Origin, sex: Sex): string[] {
  const first = drawGiven(rng, origin, sex);
  const names = [first];
  const extra = rng.chance(0.8) ? (rng.chance(0.4) ? 2 : 1) : 0;
  const pool = sex === 'F' ? middleNames.female : middleNames.male;
  for (let i = 0; i < extra; i += 1) {
    const name = rng.pick(pool);
    if (!names.includes(name) && !first.includes(name)) names.push(name);
  }
  return names;
}

function makeFiness(rng: Rng, prefix: string): string {
  let body = prefix;
  while (body.length < 8) body += String(rng.int(0, 9));
  return body + luhnKey(body);
}

function makeRppsFactory(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      let body = '10';
      for (let i = 0; i < 8; i += 1) body += String(rng.int(0, 9));
      const rpps = body + luhnKey(body);
      if (!used.has(rpps)) {
        used.add(rpps);
        return rpps;
      }
    }
  };
}

// ---------------------------------------------------------------- register rows

interface RegisterEntity {
  rpps: string;
  sex: Sex;
  surname: string;
  given: string;
  profCode: string;
  profLabel: string;
  student: boolean;
  personId: string | null;
  activities: Structure[];
}

const professionLabels: Record<string, string> = {
  '10': 'Médecin', '21': 'Pharmacien', '35': 'Aide-soignant', '38': 'Préparateur en pharmacie hospitalière', '50': 'Sage-Femme',
  '60': 'Infirmier', '70': 'Masseur-Kinésithérapeute', '86': 'Technicien de laboratoire médical', '98': 'Manipulateur ERM',
  '40': 'Chirurgien-Dentiste', '91': 'Orthophoniste',
};
const registerProfessionWeights: ReadonlyArray<readonly [string, number]> = [
  ['10', 30], ['60', 35], ['21', 6], ['50', 4], ['70', 8], ['40', 4], ['35', 6], ['98', 2], ['91', 2], ['86', 2], ['38', 1],
];
const authorities: Record<string, string> = { '10': 'CNOM', '21': 'CNOP', '50': 'CNOSF', '60': 'CNOI', '70': 'CNOMK', '40': 'CNOCD' };
const streets = ['Rue de la République', 'Avenue des Indes', 'Chemin des Barrières', 'Rue du Père Favron', 'Boulevard Hubert-Delisle', 'Rue Marius-et-Ary-Leblond', 'Allée des Flamboyants', 'Rue Juliette-Dodu'];

function registerRows(rng: Rng, entity: RegisterEntity): string[] {
  const rows: string[] = [];
  for (const s of entity.activities) {
    const doctor = entity.profCode === '10';
    const liberal = s.finessSite === null;
    const specialty = doctor && !entity.student ? rng.pick(specialties) : null;
    const civEx = doctor || (entity.profCode === '21' && rng.chance(0.5)) || entity.profCode === '40' ? ['DR', 'Docteur'] : ['', ''];
    const siren = liberal ? '' : pad(fnv1a(s.name) % 1_000_000_000, 9);
    const siret = liberal ? (rng.chance(0.6) ? pad(rng.int(100000000, 999999999), 9) + pad(rng.int(10, 99999), 5) : '') : siren + pad((fnv1a(s.name + s.commune) % 90000) + 10000, 5);
    const phonePrefix = s.reunion ? (s.dept === '976' ? '0269' : '0262') : `0${rng.int(1, 5)}${rng.int(10, 99)}`;
    const pharmaSection = entity.profCode === '21' ? (liberal ? ['A', 'Pharmaciens titulaires d\'officine'] : ['H', 'Pharmaciens des établissements de santé']) : ['', ''];
    const fields = [
      '8', entity.rpps, `8${entity.rpps}`, civEx[0], civEx[1], entity.sex === 'M' ? 'M' : 'MME', entity.sex === 'M' ? 'Monsieur' : 'Madame',
      entity.surname, entity.given, entity.profCode, entity.profLabel, entity.student ? 'E' : 'C', entity.student ? 'Etudiant' : 'Civil',
      specialty === null ? '' : 'S', specialty === null ? '' : 'Spécialité ordinale', specialty === null ? '' : specialty[0], specialty === null ? '' : specialty[1],
      liberal ? 'L' : 'S', liberal ? 'Libéral, indépendant, artisan, commerçant' : 'Salarié', siret, siren, s.finessSite ?? '', s.finessEj ?? '',
      liberal ? `R1${pad(fnv1a(entity.rpps + s.commune) % 100_000_000, 8)}` : `F${s.finessSite ?? ''}`,
      liberal ? `CABINET DU ${civEx[0] === 'DR' ? 'DR ' : ''}${entity.surname}` : s.name, '', '', '',
      String(rng.int(1, 180)), '', 'R', 'Rue', rng.pick(streets).replace(/^\S+ /, ''), '', `${s.cp} ${upperNoAccent(s.commune)}`, s.cp, s.communeCode, s.commune,
      '', '', rng.chance(0.7) ? `${phonePrefix}${pad(rng.int(0, 999999), 6)}` : '', '', '', '', s.dept, s.deptLabel, '',
      authorities[entity.profCode] ?? 'ARS', s.sector[0], s.sector[1], pharmaSection[0], pharmaSection[1], '', '', 'GENR01', 'Activité standard de soin ou de pharmacien',
    ];
    if (fields.length !== 56) throw new Error(`generator D: register row with ${fields.length} columns`);
    rows.push(`${fields.join('|')}|`);
  }
  return rows;
}

const REGISTER_HEADER = [
  "Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Code civilité d'exercice", "Libellé civilité d'exercice",
  'Code civilité', 'Libellé civilité', "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Libellé profession',
  'Code catégorie professionnelle', 'Libellé catégorie professionnelle', 'Code type savoir-faire', 'Libellé type savoir-faire',
  'Code savoir-faire', 'Libellé savoir-faire', 'Code mode exercice', 'Libellé mode exercice', 'Numéro SIRET site', 'Numéro SIREN site',
  'Numéro FINESS site', 'Numéro FINESS établissement juridique', 'Identifiant technique de la structure', 'Raison sociale site',
  'Enseigne commerciale site', 'Complément destinataire (coord. structure)', 'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)', 'Indice répétition voie (coord. structure)', 'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)', 'Libellé Voie (coord. structure)', 'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)', 'Code postal (coord. structure)', 'Code commune (coord. structure)', 'Libellé commune (coord. structure)',
  'Code pays (coord. structure)', 'Libellé pays (coord. structure)', 'Téléphone (coord. structure)', 'Téléphone 2 (coord. structure)',
  'Télécopie (coord. structure)', 'Adresse e-mail (coord. structure)', 'Code Département (structure)', 'Libellé Département (structure)',
  'Ancien identifiant de la structure', "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité",
  'Code section tableau pharmaciens', 'Libellé section tableau pharmaciens', 'Code rôle', 'Libellé rôle', 'Code genre activité', 'Libellé genre activité',
];

// ---------------------------------------------------------------- the generator

export function generateReunionD(options: { seed: number; outDir: string; staff?: number; namesakeScale?: number }): { written: Record<string, number> } {
  const { seed, outDir } = options;
  const staff = options.staff ?? 1800;
  const namesakeScale = options.namesakeScale ?? 1;
  if (!Number.isInteger(staff) || staff < 20) throw new Error('generator D: staff must be an integer ≥ 20');
  if (!(namesakeScale >= 0)) throw new Error('generator D: namesakeScale must be ≥ 0');

  // --- establishment
  const rngEst = new Rng(seed, 'establishment');
  const finessEj = makeFiness(rngEst, '97040');
  const sites: Site[] = [
    { finess: makeFiness(rngEst, '97041'), name: 'CHU de Bourbon-Sud - site de Saint-Pierre', registerName: 'CHU DE BOURBON-SUD SITE DE SAINT-PIERRE', siret: '', ou: 'Saint-Pierre', cp: '97410', commune: 'Saint-Pierre', communeCode: '97416' },
    { finess: makeFiness(rngEst, '97042'), name: 'CHU de Bourbon-Sud - site de Saint-Joseph', registerName: 'CHU DE BOURBON-SUD SITE DE SAINT-JOSEPH', siret: '', ou: 'Saint-Joseph', cp: '97480', commune: 'Saint-Joseph', communeCode: '97412' },
  ];
  const siteStructures: Structure[] = sites.map((s) => ({
    name: s.registerName, finessSite: s.finess, finessEj, cp: s.cp, commune: s.commune, communeCode: s.communeCode, dept: '974', deptLabel: 'La Réunion',
    sector: ['SA01', 'Etablissement public de santé'], reunion: true,
  }));
  const structures: Structure[] = otherStructures.map((s, i) => {
    const prefix = s.dept === '974' ? `9704${3 + (i % 7)}` : s.dept === '976' ? '97600' : `${s.dept.padStart(2, '0')}00${i % 10}`;
    const finessSite = s.hasFiness ? makeFiness(rngEst, prefix) : null;
    const finessEj2 = s.hasFiness ? makeFiness(rngEst, prefix) : null;
    return { name: s.name, finessSite, finessEj: finessEj2, cp: s.cp, commune: s.commune, communeCode: s.communeCode, dept: s.dept, deptLabel: s.deptLabel, sector: s.sector, reunion: s.reunion };
  });
  const reunionStructures = structures.filter((s) => s.reunion);
  const mainlandStructures = structures.filter((s) => !s.reunion);
  const hospitalsElsewhere = (reunion: boolean): Structure[] => (reunion ? reunionStructures : mainlandStructures).filter((s) => s.finessSite !== null);

  // --- people
  const rngPeople = new Rng(seed, 'people');
  const newRpps = makeRppsFactory(new Rng(seed, 'rpps'));
  const usedHrIds = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < staff; i += 1) {
    const r = rngPeople;
    const job = r.weighted(jobs, (j) => j.weight);
    const mainland = r.chance(job.medical ? 0.55 : 0.2);
    const [birthName, origin] = drawSurname(r, mainland ? 'mainland' : null);
    const sex: Sex = r.chance(job.emploi === 'Sage-femme' ? 0.95 : job.medical ? 0.5 : job.emploi === 'Technicien hospitalier' ? 0.2 : 0.78) ? 'F' : 'M';
    const birthDate = job.emploi === 'Interne' ? randomDate(r, '1994-01-01', '2001-06-30') : randomDate(r, job.medical ? '1960-01-01' : '1961-06-01', job.medical ? '1996-12-31' : '2005-06-30');
    const age = (msOf(EXTRACT_DATE) - msOf(birthDate)) / (365.25 * DAY);
    const married = sex === 'F' && age >= 26 && r.chance(0.55);
    const usageName = married ? drawSurname(r, origin === 'mainland' ? (r.chance(0.5) ? 'mainland' : null) : r.chance(0.8) ? origin : null)[0] : birthName;
    const renfort = job.emploi === 'Praticien contractuel' && mainland && r.chance(0.85);
    const serviceChoices = services.filter(([, label]) => {
      if (job.emploi === 'Sage-femme') return label === 'Maternité' || label === 'Néonatologie';
      if (job.emploi === 'Pharmacien' || job.emploi === 'Préparateur en pharmacie hospitalière') return label === 'Pharmacie à usage intérieur';
      if (job.emploi === 'Technicien de laboratoire') return label === 'Laboratoire de biologie';
      if (job.emploi === 'Manipulateur en électroradiologie') return label === 'Imagerie médicale';
      if (job.emploi === 'Adjoint administratif') return true;
      if (job.emploi === 'Technicien hospitalier') return label === 'Services techniques';
      return !['Direction des ressources humaines', 'Bureau des entrées', 'Services techniques', 'Accueil administratif', 'Pharmacie à usage intérieur', 'Laboratoire de biologie'].includes(label);
    });
    const service = r.pick(serviceChoices);
    const site = service[2];
    // Dates of service.
    const adultFrom = addDays(birthDate, Math.round(365.25 * (job.medical ? 27 : 20)));
    let startDate: string;
    let endDate: string | null = null;
    if (renfort) {
      startDate = randomDate(r, '2026-03-01', '2026-11-23');
      endDate = addDays(startDate, r.int(60, 200));
    } else if (job.emploi === 'Interne') {
      startDate = r.pick(['2026-11-02', '2026-11-02', '2026-05-04', '2025-11-03']);
      endDate = '2027-05-02';
    } else {
      const from = adultFrom > '1988-01-01' ? adultFrom : '1988-01-01';
      startDate = from >= '2026-11-20' ? '2026-11-20' : r.chance(0.1) ? randomDate(r, from > '2026-05-01' ? from : '2026-05-01', '2026-11-20') : randomDate(r, from, '2026-11-20');
      if (job.emploi === 'Praticien contractuel' || job.emploi === 'Assistant spécialiste' || (r.chance(0.08) && job.statut.includes('Contractuel'))) {
        endDate = randomDate(r, '2026-12-31', '2028-06-30');
      }
    }
    let departed = endDate !== null && endDate < EXTRACT_DATE;
    if (!departed && r.chance(0.07) && startDate < '2026-01-01') {
      endDate = randomDate(r, startDate > '2023-06-01' ? addDays(startDate, 30) : '2023-06-01', '2026-11-20');
      departed = true;
    }
    const statut = renfort ? 'CDD' : r.pick(job.statut);
    const registered = job.regCode !== null && r.chance(job.registeredShare);
    let registerState: RegisterState = 'none';
    if (registered) {
      const days = (msOf(EXTRACT_DATE) - msOf(startDate)) / DAY;
      if (job.emploi === 'Interne') registerState = startDate === '2026-11-02' ? (r.chance(0.6) ? 'absent' : 'stale-activity') : 'listed';
      else if (days <= 61) registerState = r.chance(renfort ? 0.6 : 0.5) ? 'absent' : r.chance(0.6) ? 'stale-activity' : 'listed';
      else if (days <= 213) registerState = r.chance(renfort ? 0.65 : 0.35) ? 'stale-activity' : 'listed';
      else registerState = 'listed';
    }
    const underBirthName = married && r.chance(job.medical || job.emploi === 'Sage-femme' ? 0.5 : 0.15);
    let hrId: string;
    do hrId = pad(startDate < '2000-01-01' ? r.int(10000, 99999) : r.int(100000, 989999), 8);
    while (usedHrIds.has(hrId));
    usedHrIds.add(hrId);
    people.push({
      personId: `D-${pad(i + 1, 5)}`, origin, sex, birthName, usageName, married, givenNames: drawGivenNames(r, origin, sex), birthDate, job, statut, service, site,
      startDate, endDate, departed, renfort, rpps: registered ? '' : null, registerState, registerName: registered ? (underBirthName ? birthName : usageName) : null, hrId,
      privatePractice: job.medical && job.emploi !== 'Interne' && !renfort && registerState === 'listed' && r.chance(0.15), homonymGroup: null,
    });
  }

  // Homonyms: chance collisions are redrawn (the island has more given names than our lists), then
  // real homonym groups are planted: a Creole name given to a second (or third) person of the same sex.
  const rngHom = new Rng(seed, 'homonyms');
  const nameKey = (p: Person): string => `${foldKey(p.usageName)}|${foldKey(p.givenNames[0] as string)}`;
  const taken = new Set<string>();
  const allOrigins: Origin[] = ['creole', 'mainland', 'tamil', 'chinese', 'gujarati', 'malagasy'];
  for (const p of people) {
    for (let attempt = 0; taken.has(nameKey(p)) && attempt < 60; attempt += 1) {
      const first = drawGiven(rngHom, attempt < 20 ? p.origin : rngHom.pick(allOrigins), p.sex);
      p.givenNames = [first, ...p.givenNames.slice(1).filter((g) => g !== first)];
    }
    taken.add(nameKey(p));
  }
  const planted = Math.max(2, Math.round(staff * 0.016));
  const creoles = people.filter((p) => p.origin !== 'mainland');
  const touched = new Set<Person>();
  const models: Person[] = [];
  for (let k = 0; k < planted && creoles.length > 2; k += 1) {
    const frequent = creoles.filter((p) => ['PAYET', 'HOARAU', 'GRONDIN', 'HOAREAU'].includes(p.usageName));
    const model = models.length > 0 && rngHom.chance(0.2) ? rngHom.pick(models) : rngHom.pick(frequent.length > 0 && rngHom.chance(0.5) ? frequent : creoles);
    const copies = creoles.filter((p) => p !== model && p.sex === model.sex && !touched.has(p) && !models.includes(p));
    if (copies.length === 0) continue;
    const copy = rngHom.pick(copies);
    touched.add(copy);
    if (!models.includes(model)) models.push(model);
    const underBirthName = copy.registerName !== null && copy.married && copy.registerName === copy.birthName && copy.birthName !== copy.usageName;
    if (copy.married) copy.usageName = model.usageName;
    else {
      copy.birthName = model.usageName;
      copy.usageName = model.usageName;
    }
    if (copy.registerName !== null) copy.registerName = underBirthName ? copy.birthName : copy.usageName;
    copy.givenNames[0] = model.givenNames[0] as string;
    copy.givenNames = copy.givenNames.filter((g, i) => i === 0 || g !== model.givenNames[0]);
    if (rngHom.chance(0.3)) copy.birthDate = `${model.birthDate.slice(0, 4)}${copy.birthDate.slice(4)}`.replace(/-02-29$/, '-02-28');
  }
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const key = `${foldKey(p.usageName)}|${foldKey(p.givenNames[0] as string)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  let groupNo = 0;
  for (const members of [...groups.values()]) {
    if (members.length < 2) continue;
    groupNo += 1;
    for (const p of members) p.homonymGroup = `HD-${pad(groupNo, 3)}`;
  }
  for (const p of people) if (p.rpps !== null) p.rpps = newRpps();

  // Outsiders: remplaçants (doctors), agency interims (nurses, aides-soignants), purged agents.
  const rngOut = new Rng(seed, 'outsiders');
  const outsiders: Outsider[] = [];
  const outsiderCounts: ReadonlyArray<readonly [Outsider['kind'], number]> = [
    ['remplacant', Math.round(staff * 0.04)], ['interim', Math.round(staff * 0.035)], ['purged', Math.round(staff * 0.03)],
  ];
  for (const [kind, count] of outsiderCounts) {
    for (let i = 0; i < count; i += 1) {
      const job = kind === 'remplacant' ? jobByEmploi('Praticien contractuel') : kind === 'interim' ? jobByEmploi(rngOut.chance(0.7) ? 'Infirmier en soins généraux' : 'Aide-soignant') : rngOut.weighted(jobs, (j) => j.weight);
      const [surname, origin] = drawSurname(rngOut, rngOut.chance(kind === 'remplacant' ? 0.7 : 0.2) ? 'mainland' : null);
      const sex: Sex = rngOut.chance(0.6) ? 'F' : 'M';
      const registered = job.regCode !== null && (kind !== 'interim' || job.regCode !== '35' || rngOut.chance(0.5));
      outsiders.push({ kind, sex, surname, given: drawGiven(rngOut, origin, sex), birthDate: randomDate(rngOut, '1960-01-01', '1999-12-31'), rpps: registered && kind !== 'purged' ? newRpps() : null, job });
    }
  }

  const records: TruthRecord[] = [];
  const written: Record<string, number> = {};
  mkdirSync(outDir, { recursive: true });

  // ------------------------------------------------------------ rpps
  const rngReg = new Rng(seed, 'register');
  const entities: RegisterEntity[] = [];
  for (const p of people) {
    if (p.rpps === null || p.registerState === 'absent' || p.job.regCode === null) continue;
    const activities: Structure[] = [];
    const mainland = p.origin === 'mainland';
    if (p.registerState === 'listed') {
      activities.push(siteStructures[p.site] as Structure);
      if (p.privatePractice) activities.push(rngReg.pick((mainland && rngReg.chance(0.3) ? mainlandStructures : reunionStructures).filter((s) => s.finessSite === null)));
      if (p.departed && rngReg.chance(0.5)) activities.push(rngReg.pick(hospitalsElsewhere(rngReg.chance(mainland ? 0.3 : 0.85))));
    } else {
      // stale-activity: the register still shows only the previous employer.
      activities.push(rngReg.pick(hospitalsElsewhere(p.renfort ? false : rngReg.chance(mainland ? 0.25 : 0.85))));
    }
    entities.push({
      rpps: p.rpps, sex: p.sex, surname: upperNoAccent(p.registerName ?? p.usageName), given: p.givenNames[0] as string, profCode: p.job.regCode,
      profLabel: professionLabels[p.job.regCode] ?? p.job.regLabel, student: p.job.emploi === 'Interne', personId: p.personId, activities,
    });
  }
  const randomProfession = (): string => rngReg.weighted(registerProfessionWeights, ([, w]) => w)[0];
  const elsewhere = (reunion: boolean): Structure => rngReg.pick(reunion ? reunionStructures : mainlandStructures);
  for (const o of outsiders) {
    if (o.rpps === null || o.job.regCode === null) continue;
    const reunion = rngReg.chance(o.kind === 'remplacant' ? 0.25 : 0.8);
    entities.push({
      rpps: o.rpps, sex: o.sex, surname: upperNoAccent(o.surname), given: o.given, profCode: o.job.regCode, profLabel: professionLabels[o.job.regCode] ?? o.job.regLabel,
      student: false, personId: null, activities: [elsewhere(reunion)],
    });
  }
  // Namesakes of local people: many for the concentrated surnames.
  for (const p of people) {
    const mean = namesakeScale * (1.3 + 110 * surnameShare(p.usageName));
    const count = rngReg.poisson(mean);
    const mainland = p.origin === 'mainland';
    for (let k = 0; k < count; k += 1) {
      const sex: Sex = rngReg.chance(0.85) ? p.sex : p.sex === 'F' ? 'M' : 'F';
      const sameGiven = sex === p.sex && rngReg.chance(0.75);
      const profCode = p.job.regCode !== null && rngReg.chance(0.35) ? p.job.regCode : randomProfession();
      const surname = p.married && rngReg.chance(0.2) ? p.birthName : p.usageName;
      const activities = [elsewhere(rngReg.chance(mainland ? 0.2 : 0.85))];
      if (rngReg.chance(0.1)) activities.push(elsewhere(rngReg.chance(mainland ? 0.2 : 0.85)));
      entities.push({
        rpps: newRpps(), sex, surname: upperNoAccent(surname), given: sameGiven ? (p.givenNames[0] as string) : drawGiven(rngReg, p.origin, sex), profCode,
        profLabel: professionLabels[profCode] ?? '', student: profCode === '10' && rngReg.chance(0.08), personId: null, activities,
      });
    }
  }
  // Unrelated professionals of the island and of the mainland.
  const unrelated = Math.round(0.4 * staff * namesakeScale);
  for (let k = 0; k < unrelated; k += 1) {
    const reunion = rngReg.chance(0.6);
    const [surname, origin] = drawSurname(rngReg, reunion ? null : 'mainland');
    const sex: Sex = rngReg.chance(0.6) ? 'F' : 'M';
    const profCode = randomProfession();
    entities.push({
      rpps: newRpps(), sex, surname: upperNoAccent(surname), given: drawGiven(rngReg, origin, sex), profCode, profLabel: professionLabels[profCode] ?? '',
      student: false, personId: null, activities: [elsewhere(reunion)],
    });
  }
  rngReg.shuffle(entities);
  const registerLines = [`${REGISTER_HEADER.join('|')}|`];
  for (const e of entities) {
    registerLines.push(...registerRows(rngReg, e));
    records.push({ sourceId: 'rpps', key: e.rpps, personId: e.personId });
  }
  writeFileSync(join(outDir, 'Extraction_RPPS_974_20261130.txt'), Buffer.from(`${registerLines.join('\r\n')}\r\n`, 'utf8'));
  written.rpps = entities.length;

  // ------------------------------------------------------------ rh (HR)
  const rngHr = new Rng(seed, 'hr');
  const hrHeader = 'MATRICULE;NOM_USAGE;NOM_NAISSANCE;PRENOMS;CIVILITE;DATE_NAISS;GRADE;EMPLOI;STATUT;UF;SERVICE;SITE;DATE_ENTREE;DATE_SORTIE;RPPS';
  const hrLines = [hrHeader];
  const typo = (name: string): string => {
    if (name === 'HOARAU') return 'HOAREAU';
    if (name === 'HOAREAU') return 'HOARAU';
    if (name === 'TECHER') return 'TÉCHER';
    if (name === 'RIVIERE') return 'RIVIÈRE';
    const at = rngHr.int(1, Math.max(1, name.length - 2));
    const letter = name[at] ?? '';
    if (!/[A-Z]/.test(letter)) return `${name}E`;
    return rngHr.chance(0.5) ? name.slice(0, at) + letter + name.slice(at) : name.slice(0, at) + name.slice(at + 1);
  };
  const hrSorted = [...people].sort((a, b) => (a.hrId < b.hrId ? -1 : 1));
  for (const p of hrSorted) {
    const usage = rngHr.chance(0.02) ? typo(p.usageName) : p.usageName;
    const birth = p.married || rngHr.chance(0.5) ? p.birthName : '';
    const prenoms = p.givenNames.join(rngHr.chance(0.3) ? ', ' : ' ');
    const civilite = p.sex === 'M' ? 'MR' : !p.married && (p.startDate < '2012-01-01' ? rngHr.chance(0.6) : rngHr.chance(0.1)) ? 'MLLE' : 'MME';
    const birthDate = rngHr.chance(0.03) ? '' : dmy(p.birthDate, '-');
    let rpps = '';
    if (p.rpps !== null && rngHr.chance(p.job.medical ? 0.55 : 0.3)) {
      rpps = p.rpps;
      if (rngHr.chance(0.04)) rpps = rpps.slice(0, 10) + String((Number(rpps[10]) + rngHr.int(1, 9)) % 10);
    }
    hrLines.push([
      p.hrId, usage, birth, prenoms, civilite, birthDate, p.job.grade, p.job.emploi, p.statut, p.service[0], p.service[1], sites[p.site]?.finess ?? '',
      dmy(p.startDate, '-'), p.endDate === null ? '' : dmy(p.endDate, '-'), rpps,
    ].join(';'));
    records.push({ sourceId: 'rh', key: p.hrId, personId: p.personId });
  }
  writeFileSync(join(outDir, 'EXPORT_RH_AGENTS_20261130.csv'), encodeLatin1(`${hrLines.join('\r\n')}\r\n`));
  written.rh = people.length;

  // ------------------------------------------------------------ ad (csvde)
  const rngAd = new Rng(seed, 'ad');
  const usedLogins = new Set<string>();
  const usedMails = new Set<string>();
  const usedCn = new Set<string>();
  const claimLogin = (base: string): string => {
    const stem = base.slice(0, 20).replace(/[.-]+$/, '');
    if (!usedLogins.has(stem)) {
      usedLogins.add(stem);
      return stem;
    }
    for (let n = 2; ; n += 1) {
      const suffix = String(n);
      const candidate = stem.slice(0, 20 - suffix.length).replace(/[.-]+$/, '') + suffix;
      if (!usedLogins.has(candidate)) {
        usedLogins.add(candidate);
        return candidate;
      }
    }
  };
  const claimMail = (local: string): string => {
    let candidate = local;
    for (let n = 2; usedMails.has(candidate); n += 1) candidate = `${local}${n}`;
    usedMails.add(candidate);
    return `${candidate}@chu-bourbon-sud.re`;
  };
  const csvQuote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const dnOf = (cn: string, ous: readonly string[]): string => {
    let rdn = cn.replaceAll(',', '\\,');
    const container = ous.map((ou) => `OU=${ou}`).join(',');
    for (let n = 2; usedCn.has(`${rdn}|${container}`); n += 1) rdn = `${cn.replaceAll(',', '\\,')} (${n})`;
    usedCn.add(`${rdn}|${container}`);
    return `CN=${rdn},${container},DC=chu-bourbon-sud,DC=local`;
  };
  const whenCreated = (iso: string): string => `${compact(iso < '2004-03-01' ? '2004-03-01' : iso)}${time(rngAd, true).replaceAll(':', '')}.0Z`;
  const adHeader = 'DN,objectClass,sAMAccountName,givenName,sn,displayName,mail,employeeID,department,userAccountControl,whenCreated';
  const adLines = [adHeader];
  const pushAd = (fields: { dn: string; login: string; given: string; sn: string; display: string; mail: string; employeeId: string; department: string; uac: string; created: string }, personId: string | null): void => {
    adLines.push([
      `"${fields.dn.replaceAll('"', '""')}"`, 'user', fields.login, csvQuote(fields.given), csvQuote(fields.sn), csvQuote(fields.display), fields.mail,
      fields.employeeId, csvQuote(fields.department), fields.uac, fields.created,
    ].join(','));
    records.push({ sourceId: 'ad', key: fields.login, personId });
  };
  const mainLogin = new Map<string, string>();
  const loginSurname = (surname: string): string => {
    const f = fold(surname);
    return f.includes('-') && reunionSurnames.some(([n, , o]) => n === surname && o === 'chinese') && rngAd.chance(0.3) ? f.replaceAll('-', '') : f;
  };
  const adOrder = [...people].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.personId < b.personId ? -1 : 1));
  for (const p of adOrder) {
    if (!rngAd.chance(p.departed ? 0.8 : 0.97)) continue;
    const first = p.givenNames[0] as string;
    const snIsBirth = p.married && rngAd.chance(0.3);
    const snName = snIsBirth ? p.birthName : p.usageName;
    const sName = loginSurname(snName);
    const gName = fold(first);
    const admin = p.job.regCode === null && p.job.emploi !== 'Agent des services hospitaliers';
    const ouKind = p.job.medical ? 'Medecins' : admin ? 'Administratifs' : 'Soignants';
    const ous = [ouKind, sites[p.site]?.ou ?? 'Saint-Pierre', 'CHU'];
    const isCompound = first.includes('-');
    let base: string;
    if (p.site === 1 && admin) base = `${sName}.${initials(first)}`;
    else if (p.startDate < '2012-01-01' && rngAd.chance(0.2)) base = `${initials(first)}.${sName}`;
    else if (isCompound && rngAd.chance(0.4)) base = `${initials(first)}.${sName}`;
    else base = `${gName}.${sName}`;
    // Duplicate: an old p.nom account kept beside the current one.
    if (p.startDate < '2015-01-01' && rngAd.chance(0.08)) {
      const oldLogin = claimLogin(`${gName.slice(0, 1)}.${fold(p.birthName)}`);
      const sn = p.birthName;
      pushAd({
        dn: dnOf(`${sn}, ${first}`, ['Anciens comptes', 'CHU']), login: oldLogin, given: first, sn, display: `${sn} ${first}`, mail: '', employeeId: '',
        department: p.service[3], uac: rngAd.chance(0.75) ? '514' : '512', created: whenCreated(p.startDate),
      }, p.personId);
    }
    const login = claimLogin(base);
    mainLogin.set(p.personId, login);
    const givenShown = isCompound && rngAd.chance(0.2) ? (first.split('-')[0] as string) : first;
    const snShown = rngAd.chance(0.15) ? titleCase(snName) : snName;
    const mail = p.job.emploi === 'Agent des services hospitaliers' && rngAd.chance(0.5) ? '' : claimMail(`${gName}.${fold(p.usageName)}`);
    const employeeId = rngAd.chance(0.35) ? (rngAd.chance(1 / 3) ? String(Number(p.hrId)) : p.hrId) : '';
    const uac = p.departed ? (rngAd.chance(0.35) ? '512' : '514') : '512';
    pushAd({
      dn: dnOf(`${snShown}, ${givenShown}`, ous), login, given: givenShown, sn: snShown, display: `${snShown} ${givenShown}`, mail, employeeId,
      department: p.service[3], uac, created: whenCreated(addDays(p.startDate, -rngAd.int(0, 10))),
    }, p.personId);
  }
  const outsiderLogin = new Map<Outsider, string>();
  for (const o of outsiders) {
    const sName = fold(o.surname);
    const gName = fold(o.given);
    if (o.kind === 'remplacant' && !rngAd.chance(0.85)) continue;
    const login = claimLogin(o.kind === 'interim' ? `ext.${sName}.${gName}` : `${gName}.${sName}`);
    outsiderLogin.set(o, login);
    const ous = o.kind === 'remplacant' ? ['Remplacants', 'Externes'] : o.kind === 'interim' ? ['Interimaires', 'Externes'] : [rngAd.chance(0.5) ? 'Soignants' : 'Administratifs', rngAd.chance(0.7) ? 'Saint-Pierre' : 'Saint-Joseph', 'CHU'];
    const uac = o.kind === 'purged' ? (rngAd.chance(0.4) ? '512' : '514') : rngAd.chance(0.85) ? '512' : '514';
    pushAd({
      dn: dnOf(`${o.surname}, ${o.given}`, ous), login, given: o.given, sn: o.surname, display: `${o.surname} ${o.given}`,
      mail: o.kind === 'interim' ? '' : claimMail(`${gName}.${sName}`), employeeId: '', department: o.kind === 'interim' ? 'Intérim' : o.kind === 'remplacant' ? 'Remplaçants médicaux' : 'Pôle Médecine',
      uac, created: whenCreated(o.kind === 'purged' ? randomDate(rngAd, '2006-01-01', '2019-12-31') : randomDate(rngAd, '2024-01-01', '2026-11-25')),
    }, null);
  }
  for (const name of genericAccounts) {
    const login = claimLogin(name);
    const service = name.startsWith('svc_');
    pushAd({
      dn: dnOf(name, [service ? 'Comptes de service' : 'Comptes generiques', 'CHU']), login, given: '', sn: '', display: name, mail: service ? '' : claimMail(name),
      employeeId: '', department: service ? 'DSI' : 'Comptes partagés', uac: service ? '66048' : rngAd.chance(0.9) ? '512' : '514', created: whenCreated(randomDate(rngAd, '2008-01-01', '2025-12-31')),
    }, null);
  }
  writeFileSync(join(outDir, 'export_ad_csvde.csv'), encodeCp1252(`${adLines.join('\r\n')}\r\n`));
  written.ad = adLines.length - 1;

  // ------------------------------------------------------------ dpi
  const rngDpi = new Rng(seed, 'dpi');
  const usedCodes = new Set<string>();
  const ownCode = (surname: string, given: string): string => {
    const stem = foldKey(surname).slice(0, 5) + foldKey(given).slice(0, 1);
    for (let n = 1; ; n += 1) {
      const code = `${stem}${pad(n, 2)}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  const claimCode = (code: string): string | null => {
    if (usedCodes.has(code)) return null;
    usedCodes.add(code);
    return code;
  };
  const profil = (job: JobDef): string =>
    ({
      'Praticien hospitalier': 'Médecin', 'Assistant spécialiste': 'Médecin', 'Praticien contractuel': 'Médecin', Interne: 'Interne', Pharmacien: 'Pharmacien',
      'Sage-femme': 'Sage-femme', 'Infirmier en soins généraux': 'Infirmier', 'Cadre de santé': 'Cadre de santé', 'Aide-soignant': 'Aide-soignant',
      'Manipulateur en électroradiologie': 'Manipulateur radio', 'Masseur-kinésithérapeute': 'Kinésithérapeute', 'Préparateur en pharmacie hospitalière': 'Préparateur',
      'Technicien de laboratoire': 'Technicien labo', 'Assistant médico-administratif': 'Secrétaire médicale',
    })[job.emploi] ?? 'Administratif';
  const dpiShare: Record<string, number> = {
    'Praticien hospitalier': 0.97, 'Assistant spécialiste': 0.97, 'Praticien contractuel': 0.95, Interne: 0.95, Pharmacien: 0.9, 'Sage-femme': 0.92,
    'Infirmier en soins généraux': 0.92, 'Cadre de santé': 0.9, 'Aide-soignant': 0.6, 'Manipulateur en électroradiologie': 0.7, 'Masseur-kinésithérapeute': 0.7,
    'Préparateur en pharmacie hospitalière': 0.5, 'Technicien de laboratoire': 0.4, 'Assistant médico-administratif': 0.9, 'Adjoint administratif': 0.3,
  };
  const chineseVariant = (surname: string, r: Rng): string =>
    reunionSurnames.some(([n, , o]) => n === surname && o === 'chinese') && r.chance(0.4) ? (r.chance(0.5) ? surname.replaceAll('-', ' ') : surname.replaceAll('-', '')) : surname;
  const lastLoginFor = (r: Rng, departed: boolean, endDate: string | null, startDate: string): string => {
    const until = departed && endDate !== null ? endDate : EXTRACT_DATE;
    const from = departed ? (addDays(until, -120) > startDate ? addDays(until, -120) : startDate) : addDays(EXTRACT_DATE, -20) > startDate ? addDays(EXTRACT_DATE, -20) : startDate;
    return randomDate(r, from, until);
  };
  const dpiLines = ['CODE_UTILISATEUR;NOM PRENOM;DATE_NAISSANCE;PROFIL;RPPS;SERVICE;DERNIERE_CONNEXION;ACTIF'];
  const dpiName = (surname: string, given: string, r: Rng): string => {
    const s = titleCase(chineseVariant(surname, r));
    const name = r.chance(0.1) ? `${given} ${s}` : `${s} ${given}`;
    return r.chance(0.02) ? name.replace(' ', '  ') : name;
  };
  for (const p of people) {
    if (!rngDpi.chance(dpiShare[p.job.emploi] ?? 0) || (p.departed && !rngDpi.chance(0.7))) continue;
    const login = mainLogin.get(p.personId);
    const code = (login !== undefined && rngDpi.chance(0.85) ? claimCode(login.toUpperCase()) : null) ?? ownCode(p.usageName, p.givenNames[0] as string);
    let rpps = '';
    if (p.rpps !== null && (p.job.medical || p.job.emploi === 'Sage-femme') && rngDpi.chance(0.75)) rpps = rngDpi.chance(0.2) ? `8${p.rpps}` : p.rpps;
    const never = rngDpi.chance(0.03);
    const lastLogin = never ? '' : `${dmy(lastLoginFor(rngDpi, p.departed, p.endDate, p.startDate), '/')} ${time(rngDpi, true)}`;
    dpiLines.push([
      code, dpiName(p.usageName, p.givenNames[0] as string, rngDpi), rngDpi.chance(0.05) ? '' : dmy(p.birthDate, '/'), profil(p.job), rpps, p.service[1], lastLogin,
      p.departed && rngDpi.chance(0.5) ? 'N' : 'O',
    ].join(';'));
    records.push({ sourceId: 'dpi', key: code, personId: p.personId });
  }
  let interimNo = 0;
  for (const o of outsiders) {
    if (o.kind === 'purged' ? !rngDpi.chance(0.3) : o.kind === 'interim' ? !rngDpi.chance(0.8) : !rngDpi.chance(0.9)) continue;
    const login = outsiderLogin.get(o);
    let code: string;
    if (o.kind === 'interim') {
      interimNo += 1;
      code = claimCode(`INT${pad(interimNo, 3)}`) ?? ownCode(o.surname, o.given);
    } else code = (login !== undefined ? claimCode(login.toUpperCase()) : null) ?? ownCode(o.surname, o.given);
    const rpps = o.rpps !== null && o.kind === 'remplacant' && rngDpi.chance(0.7) ? o.rpps : '';
    dpiLines.push([
      code, dpiName(o.surname, o.given, rngDpi), rngDpi.chance(0.3) ? '' : dmy(o.birthDate, '/'), o.kind === 'remplacant' ? 'Médecin' : profil(o.job), rpps,
      o.kind === 'remplacant' ? 'Urgences adultes' : rngDpi.pick(services)[1],
      `${dmy(o.kind === 'purged' ? randomDate(rngDpi, '2015-01-01', '2021-12-31') : randomDate(rngDpi, '2026-06-01', '2026-11-29'), '/')} ${time(rngDpi, true)}`,
      o.kind === 'purged' ? (rngDpi.chance(0.5) ? 'O' : 'N') : 'O',
    ].join(';'));
    records.push({ sourceId: 'dpi', key: code, personId: null });
  }
  const dpiGenerics: ReadonlyArray<readonly [string, string]> = [
    ['TEST01', 'Test Utilisateur'], ['TEST02', 'Test Médecin'], ['TEST_IDE', 'Test Infirmier'], ['FORMATION1', 'Formation Un'], ['FORMATION2', 'Formation Deux'],
    ['FORMATION3', 'Formation Trois'], ['ADMIN_DPI', 'Administrateur DPI'], ['URG_NUIT', 'Urgences Nuit'], ['INTERFACE_LABO', 'Interface Laboratoire'], ['PROTO01', 'Protocole Œdème'],
  ];
  for (const [code, name] of dpiGenerics) {
    if (claimCode(code) === null) continue;
    dpiLines.push([code, name, '', code.startsWith('ADMIN') ? 'Administrateur' : 'Test', '', '', rngDpi.chance(0.5) ? `${dmy(randomDate(rngDpi, '2022-01-01', '2026-11-29'), '/')} ${time(rngDpi, true)}` : '', 'O'].join(';'));
    records.push({ sourceId: 'dpi', key: code, personId: null });
  }
  writeFileSync(join(outDir, 'dpi_utilisateurs.csv'), encodeCp1252(`${dpiLines.join('\n')}\n`));
  written.dpi = dpiLines.length - 1;

  // ------------------------------------------------------------ pharma (PUI)
  const rngPh = new Rng(seed, 'pharma');
  const pharmaShare: Record<string, number> = {
    'Praticien hospitalier': 0.88, 'Assistant spécialiste': 0.85, 'Praticien contractuel': 0.8, Interne: 0.7, Pharmacien: 1, 'Préparateur en pharmacie hospitalière': 1,
    'Infirmier en soins généraux': 0.45, 'Sage-femme': 0.6, 'Cadre de santé': 0.5,
  };
  const fonction = (job: JobDef): string =>
    ({ Interne: 'INTERNE', Pharmacien: 'PHARMACIEN', 'Préparateur en pharmacie hospitalière': 'PREPARATEUR', 'Infirmier en soins généraux': 'INFIRMIER', 'Sage-femme': 'SAGE-FEMME', 'Cadre de santé': 'CADRE DE SANTE' })[job.emploi] ?? 'MEDECIN';
  interface PharmaRow { start: string; cells: (id: string) => string; personId: string | null }
  const pharmaRows: PharmaRow[] = [];
  for (const p of people) {
    if (!rngPh.chance(pharmaShare[p.job.emploi] ?? 0) || (p.departed && !rngPh.chance(0.6))) continue;
    let nom = upperNoAccent(chineseVariant(p.usageName, rngPh));
    if (p.married && p.birthName !== p.usageName && rngPh.chance(0.3)) {
      const birth = upperNoAccent(p.birthName);
      const usage = upperNoAccent(p.usageName);
      const form = rngPh.int(0, 2);
      nom = form === 0 ? `${birth} épouse ${usage}` : form === 1 ? `${birth} ép. ${usage}` : `${usage} née ${birth}`;
    }
    const prenom = rngPh.chance(0.3) ? upperNoAccent(p.givenNames[0] as string) : (p.givenNames[0] as string);
    const rpps = p.rpps !== null && (p.job.medical || p.job.emploi === 'Sage-femme') && rngPh.chance(0.6) ? p.rpps : '';
    const birth = rngPh.chance(0.04) ? '' : compact(p.birthDate);
    const etat = p.departed && rngPh.chance(0.7) ? 'I' : 'A';
    const last = rngPh.chance(0.05) ? '' : `${lastLoginFor(rngPh, p.departed, p.endDate, p.startDate)} ${time(rngPh, false)}`;
    const f = fonction(p.job);
    pharmaRows.push({ start: p.startDate, personId: p.personId, cells: (id) => [id, nom, prenom, birth, f, rpps, etat, last].join('\t') });
  }
  for (const o of outsiders) {
    if (o.kind === 'purged' || (o.kind === 'interim' && !rngPh.chance(0.3)) || (o.kind === 'remplacant' && !rngPh.chance(0.5))) continue;
    const nom = upperNoAccent(o.surname);
    const last = `${randomDate(rngPh, '2026-06-01', '2026-11-29')} ${time(rngPh, false)}`;
    const start = randomDate(rngPh, '2024-01-01', '2026-11-20');
    const rpps = o.rpps !== null && o.kind === 'remplacant' && rngPh.chance(0.6) ? o.rpps : '';
    pharmaRows.push({ start, personId: null, cells: (id) => [id, nom, o.given, rngPh.chance(0.5) ? '' : compact(o.birthDate), o.kind === 'remplacant' ? 'MEDECIN' : 'INFIRMIER', rpps, 'A', last].join('\t') });
  }
  for (const [nom, prenom, f] of [['ADMIN', 'PUI', 'ADMINISTRATEUR'], ['AUTOMATE', 'PYXIS', 'AUTOMATE'], ['ROBOT', 'CUEILLETTE', 'AUTOMATE'], ['TEST', 'PHARMA', 'TEST']] as const) {
    pharmaRows.push({ start: '2012-01-01', personId: null, cells: (id) => [id, nom, prenom, '', f, '', 'A', ''].join('\t') });
  }
  const pharmaLines = ['ID_UTIL\tNOM\tPRENOM\tDATE_NAIS\tFONCTION\tRPPS\tETAT\tDERNIER_ACCES'];
  let pharmaId = 1200;
  for (const row of pharmaRows.map((r, i) => ({ r, i })).sort((a, b) => (a.r.start < b.r.start ? -1 : a.r.start > b.r.start ? 1 : a.i - b.i))) {
    pharmaId += rngPh.int(1, 4);
    pharmaLines.push(row.r.cells(String(pharmaId)));
    records.push({ sourceId: 'pharma', key: String(pharmaId), personId: row.r.personId });
  }
  writeFileSync(join(outDir, 'pui_utilisateurs.txt'), Buffer.from(`\uFEFF${pharmaLines.join('\r\n')}\r\n`, 'utf8'));
  written.pharma = pharmaLines.length - 1;

  // ------------------------------------------------------------ badges
  const rngBadge = new Rng(seed, 'badges');
  const usedCards = new Set<string>();
  const newCard = (): string => {
    for (;;) {
      const card = pad(rngBadge.uint32(), 10);
      if (!usedCards.has(card)) {
        usedCards.add(card);
        return card;
      }
    }
  };
  const badgeLines = ['NUM_CARTE,TITULAIRE,CATEGORIE,STATUT,DATE_EMISSION,DERNIER_PASSAGE'];
  const pushBadge = (holder: string, category: string, status: string, issued: string, lastPass: string, personId: string | null): void => {
    const card = newCard();
    badgeLines.push([card, csvQuote(holder), csvQuote(category), status, issued, lastPass].join(','));
    records.push({ sourceId: 'badges', key: card, personId });
  };
  const passAt = (day: string): string => `${day} ${time(rngBadge, true)}`;
  for (const p of people) {
    if (!rngBadge.chance(p.departed ? 0.7 : 0.96)) continue;
    const holder = `${upperNoAccent(p.usageName)} ${rngBadge.chance(0.8) ? (p.givenNames[0] as string) : upperNoAccent(p.givenNames[0] as string)}`;
    const category = p.job.medical ? 'Personnel médical' : p.job.regCode !== null ? 'Personnel soignant' : 'Personnel non soignant';
    const issued0 = p.startDate < '2010-06-01' ? randomDate(rngBadge, '2010-06-01', '2014-12-31') : addDays(p.startDate, rngBadge.int(0, 5));
    if (rngBadge.chance(0.06) && issued0 < '2026-06-01') {
      const lostOn = randomDate(rngBadge, addDays(issued0, 30), '2026-11-15');
      pushBadge(holder, category, rngBadge.chance(0.8) ? 'Perdue' : 'Volée', issued0, passAt(addDays(lostOn, -rngBadge.int(0, 6))), p.personId);
      const issued = addDays(lostOn, rngBadge.int(0, 4));
      pushBadge(holder, category, p.departed ? 'Restituée' : 'Valide', issued, passAt(lastLoginFor(rngBadge, p.departed, p.endDate, issued)), p.personId);
    } else {
      const status = p.departed ? (rngBadge.chance(0.8) ? 'Restituée' : 'Valide') : rngBadge.chance(0.01) ? 'Suspendue' : 'Valide';
      pushBadge(holder, category, status, issued0, rngBadge.chance(0.02) ? '' : passAt(lastLoginFor(rngBadge, p.departed, p.endDate, issued0)), p.personId);
    }
  }
  for (const o of outsiders) {
    if (o.kind === 'purged' ? !rngBadge.chance(0.2) : !rngBadge.chance(0.6)) continue;
    const issued = o.kind === 'purged' ? randomDate(rngBadge, '2012-01-01', '2019-12-31') : randomDate(rngBadge, '2025-06-01', '2026-11-25');
    pushBadge(`${upperNoAccent(o.surname)} ${o.given}`, o.kind === 'interim' ? 'Intérimaire' : o.kind === 'remplacant' ? 'Personnel médical' : 'Personnel non soignant',
      o.kind === 'purged' ? (rngBadge.chance(0.5) ? 'Valide' : 'Restituée') : 'Valide', issued, passAt(o.kind === 'purged' ? addDays(issued, rngBadge.int(10, 900)) : randomDate(rngBadge, '2026-10-01', '2026-11-29')), null);
  }
  for (let v = 1; v <= Math.max(4, Math.round(staff / 120)); v += 1) {
    pushBadge(`VISITEUR ${pad(v, 2)}`, 'Visiteur', 'Valide', randomDate(rngBadge, '2020-01-01', '2026-01-01'), passAt(randomDate(rngBadge, '2026-09-01', '2026-11-29')), null);
  }
  for (const holder of ['PRESTATAIRE NETTOYAGE SUD', 'AMBULANCES DU SUD 01', 'AMBULANCES DU SUD 02', 'MAINTENANCE BIOMEDICALE', 'POMPIERS SDIS 974']) {
    pushBadge(holder, 'Prestataire', 'Valide', randomDate(rngBadge, '2018-01-01', '2026-01-01'), passAt(randomDate(rngBadge, '2026-09-01', '2026-11-29')), null);
  }
  writeFileSync(join(outDir, 'badges_controle_acces.csv'), Buffer.from(`${badgeLines.join('\n')}\n`, 'utf8'));
  written.badges = badgeLines.length - 1;

  // ------------------------------------------------------------ sources.json
  const sourcesJson = {
    establishment: { name: 'CHU de Bourbon-Sud', finess: sites.map((s) => s.finess) },
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: 'Extraction_RPPS_974_20261130.txt', encoding: 'utf-8' },
      {
        id: 'rh', kind: 'csv', role: 'hr', path: 'EXPORT_RH_AGENTS_20261130.csv', delimiter: ';', encoding: 'iso-8859-1', dateFormat: 'DD-MM-YYYY', key: 'MATRICULE',
        fields: {
          hrId: { column: 'MATRICULE', normalize: 'strip-leading-zeros' }, lastName: 'NOM_USAGE', birthName: 'NOM_NAISSANCE', firstName: 'PRENOMS',
          sex: { column: 'CIVILITE', map: { MR: 'M', MME: 'F', MLLE: 'F' } }, birthDate: 'DATE_NAISS', profession: 'EMPLOI', contractType: 'STATUT',
          service: 'SERVICE', site: 'SITE', startDate: 'DATE_ENTREE', endDate: 'DATE_SORTIE', rpps: 'RPPS',
        },
      },
      {
        id: 'ad', kind: 'csv', role: 'directory', path: 'export_ad_csvde.csv', delimiter: ',', encoding: 'windows-1252', key: 'sAMAccountName',
        fields: {
          adId: 'sAMAccountName', firstName: 'givenName', lastName: 'sn', email: 'mail', hrId: { column: 'employeeID', normalize: 'strip-leading-zeros' },
          service: 'department', enabled: { column: 'userAccountControl', map: { '512': '1', '514': '0', '66048': '1' } },
        },
      },
      {
        id: 'dpi', kind: 'csv', role: 'application', path: 'dpi_utilisateurs.csv', delimiter: ';', encoding: 'windows-1252', dateFormat: 'DD/MM/YYYY', key: 'CODE_UTILISATEUR',
        fields: {
          fullName: { column: 'NOM PRENOM', nameOrder: 'auto' }, birthDate: 'DATE_NAISSANCE', profession: 'PROFIL', rpps: 'RPPS', service: 'SERVICE',
          lastLogin: 'DERNIERE_CONNEXION', enabled: { column: 'ACTIF', map: { O: '1', N: '0' } },
        },
      },
      {
        id: 'pharma', kind: 'csv', role: 'application', path: 'pui_utilisateurs.txt', delimiter: '\t', encoding: 'utf-8', dateFormat: 'YYYYMMDD', key: 'ID_UTIL',
        fields: {
          lastName: 'NOM', firstName: 'PRENOM', birthDate: 'DATE_NAIS', profession: 'FONCTION', rpps: 'RPPS', enabled: { column: 'ETAT', map: { A: '1', I: '0' } },
          lastLogin: { column: 'DERNIER_ACCES', dateFormat: 'YYYY-MM-DD' },
        },
      },
      {
        id: 'badges', kind: 'csv', role: 'application', path: 'badges_controle_acces.csv', delimiter: ',', encoding: 'utf-8', dateFormat: 'YYYY-MM-DD', key: 'NUM_CARTE',
        recordsPerPerson: 'several',
        fields: {
          fullName: { column: 'TITULAIRE', nameOrder: 'last-first' },
          enabled: { column: 'STATUT', map: { Valide: '1', Suspendue: '0', Perdue: '0', 'Volée': '0', 'Restituée': '0' } }, lastLogin: 'DERNIER_PASSAGE',
        },
      },
    ],
  };
  writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sourcesJson, null, 2)}\n`);

  // ------------------------------------------------------------ truth.json
  const truth = {
    generator: 'd',
    seed,
    extractDate: EXTRACT_DATE,
    establishment: { name: 'CHU de Bourbon-Sud', finess: sites.map((s) => s.finess), finessEj, sites: sites.map((s) => ({ finess: s.finess, name: s.name })) },
    people: people.map((p) => ({
      personId: p.personId, rppsTrue: p.rpps, homonymGroup: p.homonymGroup, inRegister: p.registerState === 'listed' || p.registerState === 'stale-activity',
      registerState: p.registerState, hrId: p.hrId, birthName: p.birthName, usageName: p.usageName, firstName: p.givenNames[0] as string, givenNames: p.givenNames,
      birthDate: p.birthDate, sex: p.sex, profession: p.job.emploi, service: p.service[1], site: sites[p.site]?.finess ?? '', startDate: p.startDate,
      endDate: p.endDate, departed: p.departed, registerName: p.registerName, renfort: p.renfort,
    })),
    records,
  };
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
  return { written };
}
