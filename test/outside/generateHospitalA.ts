/**
 * Team A's synthetic hospital: one site (one FINESS géographique), written as the exports a real
 * French hospital hands over — an HR extract in ISO-8859-1 with French dates, an Active Directory
 * dump written by `ldifde`, two application user lists and an Annuaire Santé register extract
 * holding the local professionals among thousands of namesakes elsewhere in France.
 * Written from conventions only, without reading the scoring engine. Deterministic from the seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { givenNamesA, surnamesByRankA, tailSurnamesA, type GivenNameA } from './namesA';

export interface HospitalAOptions {
  readonly seed: number;
  readonly outDir: string;
  /** Local staff (HR rows, departed included). Default 1,250. */
  readonly staff?: number;
  /** Mean namesakes per local person in the register (the head names get far more). Default 4. */
  readonly namesakesPerPerson?: number;
  /** Unrelated professionals elsewhere, as a share of staff. Default 1.5. */
  readonly registerFillerShare?: number;
}

export interface HospitalAResult {
  readonly files: string[];
  readonly counts: Record<string, number>;
}

const EXTRACT_DAY = Date.UTC(2026, 10, 30);
const DAY_MS = 86_400_000;
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000;

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
  "Ancien identifiant de la structure", "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité",
  'Code section tableau pharmaciens', 'Libellé section tableau pharmaciens', 'Code rôle', 'Libellé rôle', 'Code genre activité',
  'Libellé genre activité',
];

// ---------------------------------------------------------------- randomness (mulberry32)

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly rng: Rng) {}
  next(): number {
    return this.rng();
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)] as T;
  }
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let roll = this.rng() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll < 0) return item;
    }
    return items[items.length - 1] as T;
  }
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) out += String(this.int(0, 9));
    return out;
  }
}

// ---------------------------------------------------------------- identifiers

/** Luhn check digit for a string of digits (RPPS over 10 digits, FINESS over 8). */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

// ---------------------------------------------------------------- text helpers

function foldAscii(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/[’‘]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function upperAscii(text: string): string {
  return foldAscii(text).toUpperCase();
}

/** Latin-1 cannot hold œ or the typographic apostrophe: an ISO-8859-1 export folds them. */
function latin1Safe(text: string): string {
  return text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/[’‘]/g, "'");
}

function loginPart(text: string): string {
  return foldAscii(text).toLowerCase().replace(/[^a-z-]/g, '');
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function frenchDay(ms: number): string {
  const iso = isoDay(ms);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function compactDay(ms: number): string {
  return isoDay(ms).replace(/-/g, '');
}

/** One typing slip: a doubled, dropped or swapped letter, as a keyboard makes them. */
function typo(dice: Dice, word: string): string {
  if (word.length < 4) return word;
  const at = dice.int(1, word.length - 2);
  switch (dice.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

// ---------------------------------------------------------------- the hospital

interface ServiceA {
  readonly code: string;
  readonly label: string;
  readonly care: boolean;
}

const SERVICES: readonly ServiceA[] = [
  { code: '1010', label: 'Urgences - SAU', care: true },
  { code: '1020', label: 'SMUR', care: true },
  { code: '2010', label: 'Cardiologie', care: true },
  { code: '2020', label: 'Pneumologie', care: true },
  { code: '2030', label: 'Médecine polyvalente', care: true },
  { code: '2040', label: 'Gériatrie court séjour', care: true },
  { code: '2050', label: 'Gastro-entérologie', care: true },
  { code: '3010', label: 'Chirurgie viscérale', care: true },
  { code: '3020', label: 'Chirurgie orthopédique', care: true },
  { code: '3030', label: 'Bloc opératoire', care: true },
  { code: '3040', label: 'Anesthésie', care: true },
  { code: '4010', label: 'Gynécologie-obstétrique', care: true },
  { code: '4020', label: 'Pédiatrie - néonatalogie', care: true },
  { code: '5010', label: 'Réanimation polyvalente', care: true },
  { code: '6010', label: 'Imagerie médicale', care: true },
  { code: '6020', label: 'Laboratoire de biologie', care: true },
  { code: '6030', label: 'Pharmacie à usage intérieur', care: true },
  { code: '7010', label: 'EHPAD Les Tilleuls', care: true },
  { code: '7020', label: 'SSR', care: true },
  { code: '8010', label: 'Direction des ressources humaines', care: false },
  { code: '8020', label: 'Direction des finances', care: false },
  { code: '8030', label: 'Bureau des entrées', care: false },
  { code: '8040', label: 'Services techniques', care: false },
  { code: '8050', label: "Direction du système d'information", care: false },
  { code: '8060', label: 'Restauration', care: false },
  { code: '8070', label: 'Blanchisserie', care: false },
];

interface JobA {
  readonly label: string;
  readonly share: number;
  readonly femaleShare: number;
  /** TRE_G15 profession code when the job is in the national register. */
  readonly registerCode: string | null;
  readonly registerLabel: string;
  /** Share of the holders registered (RPPS+ reaches only part of the aides-soignants). */
  readonly registeredShare: number;
  /** Share of the registered whose RPPS the HR export knows. */
  readonly hrRppsShare: number;
  readonly services: readonly string[] | 'care' | 'admin';
  readonly ages: readonly [number, number];
  readonly doctor?: boolean;
  readonly intern?: boolean;
}

const JOBS: readonly JobA[] = [
  { label: 'Praticien hospitalier', share: 0.075, femaleShare: 0.5, registerCode: '10', registerLabel: 'Médecin', registeredShare: 1, hrRppsShare: 0.72, services: 'care', ages: [32, 66], doctor: true },
  { label: 'Praticien contractuel', share: 0.03, femaleShare: 0.55, registerCode: '10', registerLabel: 'Médecin', registeredShare: 1, hrRppsShare: 0.6, services: 'care', ages: [29, 60], doctor: true },
  { label: 'Interne', share: 0.035, femaleShare: 0.6, registerCode: '10', registerLabel: 'Médecin', registeredShare: 1, hrRppsShare: 0.3, services: 'care', ages: [24, 31], doctor: true, intern: true },
  { label: 'Pharmacien', share: 0.008, femaleShare: 0.65, registerCode: '21', registerLabel: 'Pharmacien', registeredShare: 1, hrRppsShare: 0.8, services: ['6030'], ages: [28, 64] },
  { label: 'Sage-femme', share: 0.015, femaleShare: 0.97, registerCode: '50', registerLabel: 'Sage-Femme', registeredShare: 1, hrRppsShare: 0.5, services: ['4010', '4020'], ages: [24, 62] },
  { label: 'Infirmier diplômé d’État', share: 0.27, femaleShare: 0.87, registerCode: '60', registerLabel: 'Infirmier', registeredShare: 1, hrRppsShare: 0.33, services: 'care', ages: [22, 63] },
  { label: 'IADE', share: 0.012, femaleShare: 0.6, registerCode: '60', registerLabel: 'Infirmier', registeredShare: 1, hrRppsShare: 0.4, services: ['3040', '3030', '1020'], ages: [28, 63] },
  { label: 'Cadre de santé', share: 0.015, femaleShare: 0.8, registerCode: '60', registerLabel: 'Infirmier', registeredShare: 1, hrRppsShare: 0.35, services: 'care', ages: [35, 64] },
  { label: 'Aide-soignant', share: 0.23, femaleShare: 0.88, registerCode: '35', registerLabel: 'Aide-soignant', registeredShare: 0.35, hrRppsShare: 0.25, services: 'care', ages: [19, 64] },
  { label: 'Auxiliaire de puériculture', share: 0.01, femaleShare: 0.98, registerCode: '37', registerLabel: 'Auxiliaire de puériculture', registeredShare: 0.4, hrRppsShare: 0.25, services: ['4020', '4010'], ages: [20, 62] },
  { label: 'Masseur-kinésithérapeute', share: 0.008, femaleShare: 0.55, registerCode: '70', registerLabel: 'Masseur-Kinésithérapeute', registeredShare: 1, hrRppsShare: 0.4, services: ['7020', '2040', '5010'], ages: [23, 62] },
  { label: 'Manipulateur en électroradiologie', share: 0.015, femaleShare: 0.7, registerCode: '98', registerLabel: 'Manipulateur ERM', registeredShare: 1, hrRppsShare: 0.35, services: ['6010'], ages: [22, 62] },
  { label: 'Préparateur en pharmacie hospitalière', share: 0.008, femaleShare: 0.85, registerCode: '38', registerLabel: 'Préparateur en pharmacie hospitalière', registeredShare: 1, hrRppsShare: 0.3, services: ['6030'], ages: [22, 62] },
  { label: 'Technicien de laboratoire', share: 0.014, femaleShare: 0.8, registerCode: '86', registerLabel: 'Technicien de laboratoire médical', registeredShare: 1, hrRppsShare: 0.3, services: ['6020'], ages: [22, 63] },
  { label: 'Diététicien', share: 0.004, femaleShare: 0.9, registerCode: '95', registerLabel: 'Diététicien', registeredShare: 1, hrRppsShare: 0.3, services: ['2030', '2050', '8060'], ages: [23, 60] },
  { label: 'Ergothérapeute', share: 0.003, femaleShare: 0.85, registerCode: '94', registerLabel: 'Ergothérapeute', registeredShare: 1, hrRppsShare: 0.3, services: ['7020'], ages: [23, 60] },
  { label: 'Agent des services hospitaliers', share: 0.08, femaleShare: 0.8, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: 'care', ages: [19, 64] },
  { label: 'Adjoint administratif', share: 0.07, femaleShare: 0.85, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: 'admin', ages: [20, 64] },
  { label: 'Secrétaire médicale', share: 0.03, femaleShare: 0.95, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: 'care', ages: [20, 64] },
  { label: 'Ouvrier principal', share: 0.03, femaleShare: 0.15, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: ['8040', '8060', '8070'], ages: [20, 64] },
  { label: 'Technicien supérieur hospitalier', share: 0.01, femaleShare: 0.3, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: ['8050', '8040'], ages: [23, 64] },
  { label: 'Attaché d’administration', share: 0.008, femaleShare: 0.6, registerCode: null, registerLabel: '', registeredShare: 0, hrRppsShare: 0, services: 'admin', ages: [27, 64] },
];

const SPECIALTIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['SM53', 'Spécialiste en Médecine Générale', ['1010', '1020', '2030', '2040', '7010', '7020']],
  ['SM04', 'Cardiologie et maladies vasculaires', ['2010']],
  ['SM40', 'Pneumologie', ['2020']],
  ['SM24', 'Gastro-entérologie et hépatologie', ['2050']],
  ['SM15', 'Chirurgie viscérale et digestive', ['3010']],
  ['SM14', 'Chirurgie orthopédique et traumatologie', ['3020']],
  ['SM02', 'Anesthésie-réanimation', ['3030', '3040', '5010']],
  ['SM20', 'Gynécologie-obstétrique', ['4010']],
  ['SM32', 'Pédiatrie', ['4020']],
  ['SM44', 'Radio-diagnostic', ['6010']],
  ['SM05', 'Biologie médicale', ['6020']],
  ['SM26', 'Gériatrie', ['2040', '7010', '7020']],
];

interface Place {
  readonly dept: string;
  readonly deptLabel: string;
  readonly city: string;
  readonly postcode: string;
  readonly insee: string;
}

const PLACES: readonly Place[] = [
  { dept: '21', deptLabel: "Côte-d'Or", city: 'DIJON', postcode: '21000', insee: '21231' },
  { dept: '21', deptLabel: "Côte-d'Or", city: 'BEAUNE', postcode: '21200', insee: '21054' },
  { dept: '71', deptLabel: 'Saône-et-Loire', city: 'CHALON-SUR-SAONE', postcode: '71100', insee: '71076' },
  { dept: '75', deptLabel: 'Paris', city: 'PARIS', postcode: '75013', insee: '75113' },
  { dept: '69', deptLabel: 'Rhône', city: 'LYON', postcode: '69003', insee: '69383' },
  { dept: '13', deptLabel: 'Bouches-du-Rhône', city: 'MARSEILLE', postcode: '13005', insee: '13205' },
  { dept: '59', deptLabel: 'Nord', city: 'LILLE', postcode: '59000', insee: '59350' },
  { dept: '33', deptLabel: 'Gironde', city: 'BORDEAUX', postcode: '33000', insee: '33063' },
  { dept: '31', deptLabel: 'Haute-Garonne', city: 'TOULOUSE', postcode: '31300', insee: '31555' },
  { dept: '44', deptLabel: 'Loire-Atlantique', city: 'NANTES', postcode: '44000', insee: '44109' },
  { dept: '67', deptLabel: 'Bas-Rhin', city: 'STRASBOURG', postcode: '67000', insee: '67482' },
  { dept: '25', deptLabel: 'Doubs', city: 'BESANCON', postcode: '25000', insee: '25056' },
  { dept: '58', deptLabel: 'Nièvre', city: 'NEVERS', postcode: '58000', insee: '58194' },
  { dept: '89', deptLabel: 'Yonne', city: 'AUXERRE', postcode: '89000', insee: '89024' },
  { dept: '974', deptLabel: 'La Réunion', city: 'SAINT-DENIS', postcode: '97400', insee: '97411' },
  { dept: '06', deptLabel: 'Alpes-Maritimes', city: 'NICE', postcode: '06000', insee: '06088' },
];

const STRUCTURE_KINDS = ['CENTRE HOSPITALIER', 'CHU', 'CLINIQUE', 'EHPAD', 'CENTRE DE SANTE', 'HOPITAL PRIVE'] as const;
const STREETS = ['de la République', 'Victor Hugo', 'Pasteur', 'du Général de Gaulle', 'Jean Jaurès', 'des Écoles', 'du Faubourg Raines'] as const;

const ESTABLISHMENT = {
  name: 'Centre hospitalier de Villeneuve-sur-Ouche',
  registerName: 'CENTRE HOSPITALIER DE VILLENEUVE-SUR-OUCHE',
  finessBody: '21000078',
  ejBody: '21078000',
  siren: '262100412',
  place: { dept: '21', deptLabel: "Côte-d'Or", city: 'VILLENEUVE-SUR-OUCHE', postcode: '21320', insee: '21675' } as Place,
  mailDomain: 'ch-villeneuve-ouche.fr',
  ghtMailDomain: 'ght-cotedor-sud.fr',
  adDomain: ['chvo', 'local'],
};

// ---------------------------------------------------------------- people

interface PersonA {
  readonly personId: string;
  readonly matricule: string;
  readonly sex: 'M' | 'F';
  birthName: string;
  usageName: string;
  firstName: string;
  readonly birthDay: number;
  readonly job: JobA;
  service: ServiceA;
  readonly start: number;
  readonly end: number | null;
  readonly contract: string;
  rpps: string | null;
  registerState: 'listed' | 'absent' | 'stale-activity' | 'none';
  registerUsesBirthName: boolean;
  specialty: readonly [string, string] | null;
  secondActivity: boolean;
  homonymGroup: string | null;
}

interface RecordTruth {
  readonly sourceId: string;
  readonly key: string;
  readonly personId: string | null;
}

function nameUsed(person: PersonA): string {
  return person.usageName || person.birthName;
}

function givenNameWeight(given: GivenNameA, birthYear: number): number {
  const gap = (birthYear - given.peak) / 11;
  return given.weight * Math.exp(-gap * gap) + 0.02;
}

function surnameWeight(rank: number): number {
  return 1 / Math.pow(rank + 1, 0.6);
}

/** The ranked head (MARTIN, BERNARD…) holds about a third of the staff, the long tail the rest. */
function drawSurname(dice: Dice): string {
  if (dice.chance(0.7)) return dice.pick(tailSurnamesA);
  const index = dice.weighted(surnamesByRankA.map((_, i) => i), surnameWeight);
  return surnamesByRankA[index] as string;
}

function drawGivenName(dice: Dice, sex: 'M' | 'F', birthYear: number): string {
  const pool = givenNamesA.filter((g) => g.sex === sex);
  return dice.weighted(pool, (g) => givenNameWeight(g, birthYear)).name;
}

function pickService(dice: Dice, job: JobA): ServiceA {
  if (job.services === 'care') return dice.pick(SERVICES.filter((s) => s.care && s.code !== '6030'));
  if (job.services === 'admin') return dice.pick(SERVICES.filter((s) => !s.care));
  const code = dice.pick(job.services);
  return SERVICES.find((s) => s.code === code) as ServiceA;
}

function makeRpps(dice: Dice, taken: Set<string>): string {
  for (;;) {
    const body = `10${dice.digits(8)}`;
    const rpps = body + luhnDigit(body);
    if (!taken.has(rpps)) {
      taken.add(rpps);
      return rpps;
    }
  }
}

function buildStaff(dice: Dice, count: number, rppsTaken: Set<string>): PersonA[] {
  const people: PersonA[] = [];
  const matricules = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const job = dice.weighted(JOBS, (j) => j.share);
    const sex: 'M' | 'F' = dice.chance(job.femaleShare) ? 'F' : 'M';
    const age = dice.int(job.ages[0], job.ages[1]);
    const birthYear = 2026 - age;
    const birthDay = Date.UTC(birthYear, 0, 1) + dice.int(0, 364) * DAY_MS;
    let birthName = drawSurname(dice);
    if (dice.chance(0.03)) birthName = `${birthName}-${drawSurname(dice)}`;
    const married = sex === 'F' ? age > 26 && dice.chance(0.55) : dice.chance(0.01);
    let usageName = married ? drawSurname(dice) : '';
    if (married && dice.chance(0.12)) usageName = `${usageName}-${birthName}`;
    if (usageName === birthName) usageName = '';
    const firstName = drawGivenName(dice, sex, birthYear);
    const earliestStart = Math.max(Date.UTC(birthYear + job.ages[0], 0, 1), Date.UTC(1988, 0, 1));
    const latestStart = EXTRACT_DAY - 10 * DAY_MS;
    // Recent arrivals are over-represented: turnover is high in care jobs.
    const recent = dice.chance(0.12);
    const start = recent
      ? latestStart - dice.int(0, 240) * DAY_MS
      : earliestStart + Math.floor(dice.next() * Math.max(1, latestStart - earliestStart) / DAY_MS) * DAY_MS;
    let end: number | null = null;
    let contract = job.intern ? 'Interne' : dice.weighted(['Titulaire', 'Stagiaire', 'CDI', 'CDD'], (c) => ({ Titulaire: 6, Stagiaire: 1, CDI: 1.5, CDD: 1.5 })[c] ?? 1);
    if (dice.chance(0.045)) end = EXTRACT_DAY - dice.int(5, 330) * DAY_MS;
    else if (contract === 'CDD' || job.intern) end = EXTRACT_DAY + dice.int(20, 300) * DAY_MS;
    if (end !== null && end < start) contract = 'CDD';
    let matricule: string;
    do matricule = String(dice.int(1200, 48000)).padStart(6, '0');
    while (matricules.has(matricule));
    matricules.add(matricule);
    const registered = job.registerCode !== null && dice.chance(job.registeredShare);
    const person: PersonA = {
      personId: `A-${String(i + 1).padStart(5, '0')}`,
      matricule,
      sex,
      birthName,
      usageName,
      firstName,
      birthDay,
      job,
      service: pickService(dice, job),
      start: end !== null && end < start ? end - 400 * DAY_MS : start,
      end,
      contract,
      rpps: registered ? makeRpps(dice, rppsTaken) : null,
      registerState: 'none',
      registerUsesBirthName: usageName !== '' && dice.chance(0.25),
      specialty: null,
      secondActivity: false,
      homonymGroup: null,
    };
    if (person.rpps) {
      const daysHere = (EXTRACT_DAY - person.start) / DAY_MS;
      if (daysHere < 80 && dice.chance(0.55)) person.registerState = 'absent';
      else if (daysHere < 240 && dice.chance(0.3)) person.registerState = 'stale-activity';
      else person.registerState = 'listed';
      if (job.doctor) {
        const fitting = SPECIALTIES.filter(([, , codes]) => codes.includes(person.service.code));
        const chosen = fitting.length > 0 ? dice.pick(fitting) : (SPECIALTIES[0] as (typeof SPECIALTIES)[number]);
        person.specialty = [chosen[0], chosen[1]];
        person.secondActivity = !job.intern && dice.chance(0.15);
      } else person.secondActivity = dice.chance(0.04);
    }
    people.push(person);
  }
  return people;
}

/** Real homonyms inside HR: another person given the same surname and given name. */
function forceHomonyms(dice: Dice, people: PersonA[], pairs: number): void {
  for (let made = 0; made < pairs; made += 1) {
    const model = dice.pick(people);
    const candidates = people.filter((p) => p !== model && p.sex === model.sex && p.service.code !== model.service.code && Math.abs(p.birthDay - model.birthDay) > 700 * DAY_MS);
    if (candidates.length === 0) continue;
    const twin = dice.pick(candidates);
    twin.birthName = model.birthName;
    twin.usageName = model.usageName === '' ? '' : dice.chance(0.5) ? model.usageName : '';
    if (twin.usageName === '' && model.usageName !== '') twin.birthName = model.usageName;
    twin.firstName = model.firstName;
  }
}

function tagHomonyms(people: PersonA[]): void {
  const groups = new Map<string, PersonA[]>();
  for (const p of people) {
    const key = `${upperAscii(nameUsed(p))}|${upperAscii(p.firstName)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  let next = 1;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const id = `HA-${String(next).padStart(3, '0')}`;
    next += 1;
    for (const m of members) m.homonymGroup = id;
  }
}

// ---------------------------------------------------------------- HR export (ISO-8859-1, French dates, sex 1/2)

function writeHr(dice: Dice, people: readonly PersonA[], truth: RecordTruth[]): Buffer {
  const header = 'MATRICULE;NOM_PATRONYMIQUE;NOM_USAGE;PRENOM;DATE_NAISSANCE;SEXE;CODE_UF;LIBELLE_UF;EMPLOI;STATUT;DATE_ENTREE;DATE_SORTIE;NUM_RPPS';
  const lines = [header];
  for (const p of people) {
    let birth = upperAscii(p.birthName);
    if (dice.chance(0.02)) birth = typo(dice, birth);
    let first = latin1Safe(p.firstName);
    if (dice.chance(0.08)) first = foldAscii(first); // typed on a keyboard without accents
    let rppsCell = '';
    if (p.rpps && dice.chance(p.job.hrRppsShare)) {
      rppsCell = p.rpps;
      if (dice.chance(0.05)) {
        const wrong = (Number(p.rpps[10]) + dice.int(1, 9)) % 10;
        rppsCell = p.rpps.slice(0, 10) + String(wrong);
      }
    }
    const birthCell = dice.chance(0.02) ? '' : frenchDay(p.birthDay);
    const cells = [
      p.matricule,
      birth,
      p.usageName ? upperAscii(p.usageName) : '',
      first,
      birthCell,
      p.sex === 'M' ? '1' : '2',
      p.service.code,
      latin1Safe(p.service.label),
      latin1Safe(p.job.label),
      p.contract,
      frenchDay(p.start),
      p.end === null ? '' : frenchDay(p.end),
      rppsCell,
    ];
    lines.push(cells.join(';'));
    truth.push({ sourceId: 'rh', key: p.matricule, personId: p.personId });
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

// ---------------------------------------------------------------- Active Directory (ldifde)

interface AdEntry {
  readonly dn: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
}

function needsBase64(value: string): boolean {
  return /[^\x20-\x7e]/.test(value) || value.startsWith(' ') || value.startsWith(':') || value.startsWith('<');
}

/** ldifde folds at 78 columns: the continuation lines start with one space. */
function foldLine(line: string): string[] {
  const width = 78;
  if (line.length <= width) return [line];
  const out = [line.slice(0, width)];
  for (let at = width; at < line.length; at += width - 1) out.push(` ${line.slice(at, at + width - 1)}`);
  return out;
}

function ldifLine(name: string, value: string): string[] {
  if (needsBase64(value)) return foldLine(`${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`);
  return foldLine(`${name}: ${value}`);
}

function escapeDnValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

function toFiletime(ms: number): string {
  return String(BigInt(ms + FILETIME_EPOCH_OFFSET_MS) * 10_000n);
}

function generalizedTime(ms: number): string {
  return `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
}

function ouFor(job: JobA | null): string {
  if (!job) return 'OU=Comptes generiques';
  if (job.doctor || job.label === 'Pharmacien') return 'OU=Medical,OU=Utilisateurs';
  if (job.registerCode) return 'OU=Soignants,OU=Utilisateurs';
  return 'OU=Administratif et technique,OU=Utilisateurs';
}

function baseDn(): string {
  return ESTABLISHMENT.adDomain.map((d) => `DC=${d}`).join(',');
}

function makeLogin(style: 'pnom' | 'prenom.nom', first: string, last: string, taken: Set<string>): string {
  const f = loginPart(first);
  const l = loginPart(last).replace(/-/g, '');
  let base = style === 'pnom' ? `${f.slice(0, 1)}${l}`.slice(0, 8) : `${f}.${l}`.slice(0, 20);
  if (base.endsWith('.') || base.endsWith('-')) base = base.slice(0, -1);
  let login = base;
  for (let n = 2; taken.has(login); n += 1) login = `${base.slice(0, style === 'pnom' ? 7 : 19)}${n}`;
  taken.add(login);
  return login;
}

interface AccountA {
  readonly login: string;
  readonly personId: string | null;
  readonly person: PersonA | null;
  readonly enabled: boolean;
}

function userEntry(
  dice: Dice,
  options: { login: string; sn: string; given: string; job: JobA | null; department: string; employeeId: string | null; mail: string | null; enabled: boolean; lastLogon: number | null; created: number; description?: string },
): AdEntry {
  const cn = options.sn ? `${options.sn}, ${options.given}` : options.login;
  const dn = `CN=${escapeDnValue(cn)},${ouFor(options.job)},${baseDn()}`;
  const attributes: Array<readonly [string, string]> = [
    ['changetype', 'add'],
    ['objectClass', 'top'],
    ['objectClass', 'person'],
    ['objectClass', 'organizationalPerson'],
    ['objectClass', 'user'],
    ['cn', cn],
  ];
  if (options.sn) attributes.push(['sn', options.sn]);
  if (options.given) attributes.push(['givenName', options.given]);
  attributes.push(['distinguishedName', dn]);
  attributes.push(['displayName', options.sn ? `${options.sn} ${options.given}` : options.description ?? options.login]);
  if (options.description) attributes.push(['description', options.description]);
  if (options.job) attributes.push(['title', options.job.label]);
  attributes.push(['department', options.department]);
  attributes.push(['company', ESTABLISHMENT.name]);
  attributes.push(['whenCreated', generalizedTime(options.created)]);
  attributes.push(['userAccountControl', options.enabled ? (options.job ? '512' : '66048') : options.job ? '514' : '66050']);
  if (options.employeeId) attributes.push(['employeeID', options.employeeId]);
  attributes.push(['sAMAccountName', options.login]);
  attributes.push(['userPrincipalName', `${options.login}@${ESTABLISHMENT.adDomain.join('.')}`]);
  if (options.mail) attributes.push(['mail', options.mail]);
  if (options.lastLogon !== null) attributes.push(['lastLogonTimestamp', toFiletime(options.lastLogon)]);
  if (dice.chance(0.3)) attributes.push(['telephoneNumber', `03 80 ${dice.int(10, 99)} ${dice.int(10, 99)} ${dice.int(10, 99)}`]);
  return { dn, attributes };
}

function serializeLdif(entries: readonly AdEntry[]): string {
  const out: string[] = ['version: 1', ''];
  for (const entry of entries) {
    out.push(...ldifLine('dn', entry.dn));
    for (const [name, value] of entry.attributes) out.push(...ldifLine(name, value));
    out.push('');
  }
  return `${out.join('\r\n')}\r\n`;
}

const GENERIC_ACCOUNTS: ReadonlyArray<readonly [string, string, string]> = [
  ['accueil.urgences', 'Accueil des urgences', 'Urgences - SAU'],
  ['iao.urgences', 'Poste IAO urgences', 'Urgences - SAU'],
  ['secretariat.cardio', 'Secrétariat cardiologie', 'Cardiologie'],
  ['secretariat.chir', 'Secrétariat chirurgie', 'Chirurgie viscérale'],
  ['scanner01', 'Console scanner salle 1', 'Imagerie médicale'],
  ['scanner02', 'Console scanner salle 2', 'Imagerie médicale'],
  ['irm01', 'Console IRM', 'Imagerie médicale'],
  ['labo.garde', 'Laboratoire - garde', 'Laboratoire de biologie'],
  ['pharma.garde', 'Pharmacie - astreinte', 'Pharmacie à usage intérieur'],
  ['bloc.salle3', 'Bloc salle 3', 'Bloc opératoire'],
  ['ehpad.ide.nuit', 'EHPAD IDE de nuit', 'EHPAD Les Tilleuls'],
  ['bureau.entrees', 'Bureau des entrées', 'Bureau des entrées'],
  ['svc_pacs', 'Service PACS', "Direction du système d'information"],
  ['svc_backup', 'Sauvegardes', "Direction du système d'information"],
];

const AGENCIES = ['Adecco Médical', 'Appel Médical', 'Synergie Santé', 'Interim Santé Bourgogne'] as const;

function writeAd(dice: Dice, people: readonly PersonA[], truth: RecordTruth[], registerExtras: PersonA[]): { ldif: string; accounts: AccountA[] } {
  const entries: AdEntry[] = [];
  const accounts: AccountA[] = [];
  const taken = new Set<string>();
  const add = (entry: AdEntry, login: string, person: PersonA | null, enabled: boolean) => {
    entries.push(entry);
    accounts.push({ login, personId: person?.personId ?? null, person, enabled });
    truth.push({ sourceId: 'ad', key: login, personId: person?.personId ?? null });
  };
  for (const p of people) {
    const noAccountLikely = p.job.label === 'Agent des services hospitaliers' || p.job.label === 'Ouvrier principal';
    if (dice.chance(noAccountLikely ? 0.35 : 0.04)) continue;
    const created = Math.max(p.start, Date.UTC(2004, 0, 5)) + dice.int(0, 6) * DAY_MS;
    // Married after the account was made: sn kept the birth name.
    const sn = p.usageName && dice.chance(0.8) ? p.usageName : p.birthName;
    let snShown = dice.chance(0.3) ? sn.toUpperCase() : upperAscii(sn);
    if (dice.chance(0.015)) snShown = typo(dice, snShown);
    let given = p.firstName;
    if (given.includes('-') && dice.chance(0.5)) given = given.split('-')[0] as string;
    if (dice.chance(0.2)) given = foldAscii(given);
    const style = created < Date.UTC(2014, 0, 1) ? 'pnom' : 'prenom.nom';
    const login = makeLogin(style, given, sn, taken);
    const departed = p.end !== null && p.end < EXTRACT_DAY;
    const enabled = departed ? dice.chance(0.6) : true;
    const lastLogon = dice.chance(0.05) ? null : departed ? (p.end as number) - dice.int(0, 20) * DAY_MS : EXTRACT_DAY - dice.int(0, 13) * DAY_MS - dice.int(0, 86_000) * 1000;
    let employeeId: string | null = null;
    if (dice.chance(0.4)) employeeId = dice.chance(0.3) ? String(Number(p.matricule)) : p.matricule;
    const mailLocal = `${loginPart(given)}.${loginPart(sn).replace(/-/g, '')}`;
    const mail = dice.chance(0.08) ? null : `${mailLocal}@${dice.chance(0.15) ? ESTABLISHMENT.ghtMailDomain : ESTABLISHMENT.mailDomain}`;
    add(userEntry(dice, { login, sn: snShown, given, job: p.job, department: p.service.label, employeeId, mail, enabled, lastLogon, created }), login, p, enabled);
    // One person, two accounts: an old pnom account never removed, or an admin account.
    if (dice.chance(0.025) || (p.service.code === '8050' && dice.chance(0.6))) {
      const admin = p.service.code === '8050';
      const second = admin ? `adm-${makeLogin('pnom', given, sn, taken)}` : makeLogin(style === 'pnom' ? 'prenom.nom' : 'pnom', given, sn, taken);
      taken.add(second);
      const secondEnabled = admin || dice.chance(0.5);
      add(
        userEntry(dice, { login: second, sn: snShown, given, job: p.job, department: p.service.label, employeeId: null, mail: null, enabled: secondEnabled, lastLogon: dice.chance(0.5) ? null : EXTRACT_DAY - dice.int(30, 900) * DAY_MS, created: created - dice.int(0, 900) * DAY_MS }),
        second,
        p,
        secondEnabled,
      );
    }
  }
  for (const [login, label, department] of GENERIC_ACCOUNTS) {
    taken.add(login);
    add(userEntry(dice, { login, sn: '', given: '', job: null, department, employeeId: null, mail: null, enabled: true, lastLogon: EXTRACT_DAY - dice.int(0, 3) * DAY_MS, created: Date.UTC(2011, 4, 3), description: label }), login, null, true);
  }
  // Interim staff: unknown to HR; the nurses among them are in the register elsewhere.
  const interimCount = Math.max(3, Math.round(people.length * 0.02));
  for (let i = 0; i < interimCount; i += 1) {
    const sex: 'M' | 'F' = dice.chance(0.8) ? 'F' : 'M';
    const year = dice.int(1970, 2000);
    const sn = drawSurname(dice);
    const given = drawGivenName(dice, sex, year);
    const login = `ext.${makeLogin('prenom.nom', given, sn, taken)}`.slice(0, 20);
    taken.add(login);
    const jobLabel = dice.chance(0.6) ? 'Infirmier diplômé d’État' : 'Aide-soignant';
    const job = JOBS.find((j) => j.label === jobLabel) as JobA;
    const agency = dice.pick(AGENCIES);
    add(
      userEntry(dice, { login, sn: upperAscii(sn), given, job, department: dice.pick(SERVICES.filter((s) => s.care)).label, employeeId: null, mail: null, enabled: true, lastLogon: EXTRACT_DAY - dice.int(0, 40) * DAY_MS, created: EXTRACT_DAY - dice.int(10, 400) * DAY_MS, description: `Intérimaire ${agency}` }),
      login,
      null,
      true,
    );
    if (job.label !== 'Aide-soignant') registerExtras.push({ ...makeStranger(dice, sn, given, sex, year, job), personId: '' });
  }
  // People who left and were purged from HR, their account still there (often enabled).
  const orphanCount = Math.max(2, Math.round(people.length * 0.015));
  for (let i = 0; i < orphanCount; i += 1) {
    const sex: 'M' | 'F' = dice.chance(0.75) ? 'F' : 'M';
    const year = dice.int(1955, 1998);
    const sn = drawSurname(dice);
    const given = drawGivenName(dice, sex, year);
    const created = Date.UTC(dice.int(2005, 2021), dice.int(0, 11), dice.int(1, 28));
    const login = makeLogin(created < Date.UTC(2014, 0, 1) ? 'pnom' : 'prenom.nom', given, sn, taken);
    const job = dice.weighted(JOBS, (j) => j.share);
    const enabled = dice.chance(0.55);
    add(
      userEntry(dice, { login, sn: upperAscii(sn), given, job, department: pickService(dice, job).label, employeeId: dice.chance(0.4) ? String(dice.int(1200, 30000)).padStart(6, '0') : null, mail: `${loginPart(given)}.${loginPart(sn)}@${ESTABLISHMENT.mailDomain}`, enabled, lastLogon: created + dice.int(100, 1500) * DAY_MS, created }),
      login,
      null,
      enabled,
    );
  }
  // ldifde writes entries in directory order, not in HR order.
  const order = entries.map((entry, i) => ({ entry, i, sort: dice.next() }));
  order.sort((a, b) => a.sort - b.sort);
  return { ldif: serializeLdif(order.map((o) => o.entry)), accounts };
}

function makeStranger(dice: Dice, sn: string, given: string, sex: 'M' | 'F', year: number, job: JobA): PersonA {
  return {
    personId: '',
    matricule: '',
    sex,
    birthName: sn,
    usageName: '',
    firstName: given,
    birthDay: Date.UTC(year, 0, 1),
    job,
    service: SERVICES[0] as ServiceA,
    start: EXTRACT_DAY,
    end: null,
    contract: '',
    rpps: null,
    registerState: 'listed',
    registerUsesBirthName: false,
    specialty: job.doctor ? ['SM53', 'Spécialiste en Médecine Générale'] : null,
    secondActivity: dice.chance(0.1),
    homonymGroup: null,
  };
}

// ---------------------------------------------------------------- applications

function csvQuote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function frenchDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${frenchDay(ms)} ${iso.slice(11, 16)}`;
}

/** The patient record: SSO logins in capitals, one "NOM Prénom" column, UTF-8 with a BOM. */
function writeDpi(dice: Dice, accounts: readonly AccountA[], truth: RecordTruth[]): string {
  const lines = ['LOGIN;NOM PRENOM;RPPS;PROFIL;DERNIERE_CONNEXION'];
  const seen = new Set<string>();
  for (const account of accounts) {
    const p = account.person;
    if (!p || !p.job.registerCode || account.login.startsWith('adm-')) continue;
    if (seen.has(p.personId) && dice.chance(0.7)) continue;
    if (dice.chance(0.1)) continue;
    seen.add(p.personId);
    const key = account.login.toUpperCase();
    let fullName = `${upperAscii(nameUsed(p))} ${p.firstName}`;
    if (dice.chance(0.03)) fullName = `${upperAscii(nameUsed(p))}  ${p.firstName} `; // stray spaces kept by the export
    const rpps = p.rpps && p.registerState !== 'absent' && (p.job.doctor || p.job.label === 'Pharmacien' || p.job.label === 'Sage-femme') && dice.chance(0.85) ? p.rpps : '';
    const profil = p.job.doctor ? 'MEDECIN' : p.job.label === 'Pharmacien' ? 'PHARMACIEN' : p.job.label === 'Sage-femme' ? 'SAGE-FEMME' : p.job.registerCode === '35' || p.job.registerCode === '37' ? 'AIDE-SOIGNANT' : 'INFIRMIER';
    const last = p.end !== null && p.end < EXTRACT_DAY ? p.end - dice.int(0, 15) * DAY_MS : EXTRACT_DAY - dice.int(0, 20) * DAY_MS;
    lines.push([key, fullName, rpps, profil, frenchDateTime(last + dice.int(25_000, 80_000) * 1000)].join(';'));
    truth.push({ sourceId: 'dpi', key, personId: p.personId });
  }
  for (const [login, label] of [['URG-IAO', 'URGENCES IAO'], ['BLOC-PANSEMENT', 'BLOC PANSEMENT'], ['INTERIM-IDE1', 'INTERIM IDE'], ['INTERIM-IDE2', 'INTERIM IDE'], ['FORMATION', 'FORMATION DPI']] as const) {
    lines.push([login, label, '', 'INFIRMIER', frenchDateTime(EXTRACT_DAY - dice.int(0, 60) * DAY_MS)].join(';'));
    truth.push({ sourceId: 'dpi', key: login, personId: null });
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function titleFor(p: PersonA): string {
  if (p.job.doctor && !p.job.intern) return dice10(p) === 0 ? 'Pr' : 'Dr';
  if (p.job.label === 'Pharmacien') return 'Dr';
  return p.sex === 'F' ? 'Mme' : 'M.';
}

/** A stable pseudo-choice from the person (the chief of a few services is a professor). */
function dice10(p: PersonA): number {
  return Number(p.matricule) % 10;
}

/** Pharmacy software: "Dr Prénom NOM" display names, birth dates as YYYYMMDD, Windows-1252 CSV. */
function writePharmacy(dice: Dice, people: readonly PersonA[], truth: RecordTruth[]): Buffer {
  const lines = ['user_id,display_name,date_naissance,service,last_login'];
  let next = 100;
  for (const p of people) {
    const uses = p.job.doctor || p.job.label === 'Pharmacien' || p.job.label === 'Préparateur en pharmacie hospitalière' || (p.job.label === 'Cadre de santé' && dice.chance(0.6)) || (p.job.registerCode === '60' && dice.chance(0.06));
    if (!uses) continue;
    next += dice.int(1, 7);
    const key = `U${String(next).padStart(5, '0')}`;
    let given = p.firstName;
    if (given.includes('-') && dice.chance(0.3)) given = given.split('-')[0] as string;
    const display = `${titleFor(p)} ${given} ${nameUsed(p).toUpperCase()}`;
    const birth = dice.chance(0.15) ? '' : compactDay(p.birthDay);
    const last = dice.chance(0.1) ? '' : new Date(EXTRACT_DAY - dice.int(0, 90) * DAY_MS + dice.int(25_000, 80_000) * 1000).toISOString().slice(0, 19);
    lines.push([key, display, birth, p.service.label, last].map(csvQuote).join(','));
    truth.push({ sourceId: 'pharma', key, personId: p.personId });
  }
  lines.push(['U00001', 'ADMINISTRATEUR', '', 'Pharmacie à usage intérieur', ''].map(csvQuote).join(','));
  truth.push({ sourceId: 'pharma', key: 'U00001', personId: null });
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`);
}

function encodeWindows1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, 'Œ': 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Ÿ': 0x9f };
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(extra[ch] ?? 0x3f);
  }
  return Buffer.from(bytes);
}

// ---------------------------------------------------------------- register extract

interface Structure {
  readonly finess: string;
  readonly ej: string;
  readonly siret: string;
  readonly name: string;
  readonly place: Place;
  readonly sector: readonly [string, string];
}

function makeFiness(dice: Dice, dept: string): string {
  const prefix = dept.length === 3 ? '97' : dept;
  const body = `${prefix}${dice.digits(8 - prefix.length)}`;
  return body + luhnDigit(body);
}

function makeStructures(dice: Dice, count: number): Structure[] {
  const out: Structure[] = [];
  for (let i = 0; i < count; i += 1) {
    const place = dice.pick(PLACES);
    const kind = dice.pick(STRUCTURE_KINDS);
    const finess = makeFiness(dice, place.dept);
    const siren = dice.digits(9);
    const name = kind === 'CLINIQUE' || kind === 'HOPITAL PRIVE' ? `${kind} ${dice.pick(['SAINT-JOSEPH', 'DU PARC', 'SAINTE-MARIE', 'LES CEDRES', 'BON SECOURS', 'DES LILAS'])}` : `${kind} DE ${place.city}`;
    const sector: readonly [string, string] = kind === 'CLINIQUE' || kind === 'HOPITAL PRIVE' ? ['SA02', 'Etablissement privé PSPH'] : kind === 'EHPAD' ? ['SA17', 'Etablissement pour personnes âgées'] : ['SA01', 'Etablissement public de santé'];
    out.push({ finess, ej: dice.chance(0.7) ? makeFiness(dice, place.dept) : finess, siret: `${siren}${dice.digits(5)}`, name, place, sector });
  }
  return out;
}

function registerRow(
  dice: Dice,
  who: { rpps: string; sex: 'M' | 'F'; lastName: string; firstName: string; job: JobA; specialty: readonly [string, string] | null },
  where: Structure | 'cabinet',
): string {
  const doctorLike = who.job.registerCode === '10' || who.job.registerCode === '21';
  const cells: string[] = new Array(56).fill('');
  cells[0] = '8';
  cells[1] = who.rpps;
  cells[2] = `8${who.rpps}`;
  if (doctorLike) {
    cells[3] = 'DR';
    cells[4] = 'Docteur';
  }
  cells[5] = who.sex === 'M' ? 'M' : 'MME';
  cells[6] = who.sex === 'M' ? 'Monsieur' : 'Madame';
  cells[7] = who.lastName;
  cells[8] = who.firstName;
  cells[9] = who.job.registerCode ?? '';
  cells[10] = who.job.registerLabel;
  cells[11] = who.job.intern ? 'E' : 'C';
  cells[12] = who.job.intern ? 'Etudiant' : 'Civil';
  if (who.specialty) {
    cells[13] = 'S';
    cells[14] = 'Spécialité ordinale';
    cells[15] = who.specialty[0];
    cells[16] = who.specialty[1];
  }
  const place = where === 'cabinet' ? dice.pick(PLACES) : where.place;
  if (where === 'cabinet') {
    cells[17] = 'L';
    cells[18] = 'Libéral, indépendant, artisan, commerçant';
    cells[19] = dice.digits(14);
    cells[23] = `3${dice.digits(9)}`;
    cells[24] = `CABINET DU DR ${who.lastName}`;
  } else {
    cells[17] = 'S';
    cells[18] = 'Salarié';
    cells[19] = where.siret;
    cells[21] = where.finess;
    cells[22] = where.ej;
    cells[23] = `1${where.finess}`;
    cells[24] = where.name;
    cells[48] = where.sector[0];
    cells[49] = where.sector[1];
  }
  cells[28] = String(dice.int(1, 180));
  cells[30] = 'R';
  cells[31] = 'Rue';
  cells[32] = upperAscii(dice.pick(STREETS));
  cells[35] = place.postcode;
  cells[36] = place.insee;
  cells[37] = place.city;
  cells[40] = dice.chance(0.6) ? `0${dice.int(1, 5)}${dice.digits(8)}` : '';
  cells[44] = place.dept;
  cells[45] = place.deptLabel;
  cells[47] = who.job.registerCode === '10' ? 'CNOM/CNOM/CNOM' : who.job.registerCode === '21' ? 'CNOP/CNOP/CNOP' : 'ARS/ARS/ARS';
  if (who.job.registerCode === '21') {
    cells[50] = 'H';
    cells[51] = 'Pharmaciens des établissements de santé';
  }
  cells[54] = 'GENR01';
  cells[55] = 'Activité standard de soin ou de pharmacien';
  return `${cells.join('|')}|`;
}

function writeRegister(
  dice: Dice,
  people: readonly PersonA[],
  interimNurses: readonly PersonA[],
  options: { namesakesPerPerson: number; fillerShare: number },
  truth: RecordTruth[],
  rppsTaken: Set<string>,
): { text: string; rows: number } {
  const structures = makeStructures(dice, 60);
  const here: Structure = {
    finess: ESTABLISHMENT.finessBody + luhnDigit(ESTABLISHMENT.finessBody),
    ej: ESTABLISHMENT.ejBody + luhnDigit(ESTABLISHMENT.ejBody),
    siret: `${ESTABLISHMENT.siren}00017`,
    name: ESTABLISHMENT.registerName,
    place: ESTABLISHMENT.place,
    sector: ['SA01', 'Etablissement public de santé'],
  };
  const nearby = structures.filter((s) => s.place.dept === '21');
  const rows: Array<{ rpps: string; line: string }> = [];
  const push = (rpps: string, line: string) => rows.push({ rpps, line });
  const registered = JOBS.filter((j) => j.registerCode !== null);

  for (const p of people) {
    if (!p.rpps || p.registerState === 'absent') continue;
    const lastName = upperAscii(p.registerUsesBirthName ? p.birthName : nameUsed(p));
    const who = { rpps: p.rpps, sex: p.sex, lastName, firstName: upperAscii(p.firstName), job: p.job, specialty: p.specialty };
    if (p.registerState === 'stale-activity') push(p.rpps, registerRow(dice, who, dice.pick(structures)));
    else push(p.rpps, registerRow(dice, who, here));
    if (p.secondActivity) push(p.rpps, registerRow(dice, who, p.job.doctor && dice.chance(0.5) ? 'cabinet' : dice.pick(nearby.length > 0 ? nearby : structures)));
    truth.push({ sourceId: 'rpps', key: p.rpps, personId: p.personId });
  }
  for (const stranger of interimNurses) {
    const rpps = makeRpps(dice, rppsTaken);
    push(rpps, registerRow(dice, { rpps, sex: stranger.sex, lastName: upperAscii(stranger.birthName), firstName: upperAscii(stranger.firstName), job: stranger.job, specialty: null }, dice.pick(structures)));
    truth.push({ sourceId: 'rpps', key: rpps, personId: null });
  }

  // Namesakes: how many a name has in France follows how common its parts are.
  const surnameTotal = surnamesByRankA.reduce((sum, _, i) => sum + surnameWeight(i), 0);
  const namesakeBudget = people.length * options.namesakesPerPerson;
  const expectations = people.map((p) => {
    const rank = surnamesByRankA.indexOf(nameUsed(p));
    const surnameShare = rank >= 0 ? surnameWeight(rank) / surnameTotal : 0.3 / surnameTotal;
    const given = givenNamesA.find((g) => g.name === p.firstName);
    return surnameShare * (given ? given.weight : 1);
  });
  const expectationTotal = expectations.reduce((a, b) => a + b, 0);
  people.forEach((p, index) => {
    const mean = ((expectations[index] as number) / expectationTotal) * namesakeBudget;
    const count = Math.min(60, Math.floor(mean + dice.next()));
    for (let k = 0; k < count; k += 1) {
      const rpps = makeRpps(dice, rppsTaken);
      const job = dice.weighted(registered, (j) => j.share * j.registeredShare);
      // Register names are folded to capitals without accents; given names travel with the sex.
      const who = { rpps, sex: p.sex, lastName: upperAscii(nameUsed(p)), firstName: upperAscii(p.firstName), job, specialty: job.doctor ? dice.pick(SPECIALTIES).slice(0, 2) as unknown as readonly [string, string] : null };
      const where = job.doctor && dice.chance(0.4) ? 'cabinet' : dice.chance(0.08) && nearby.length > 0 ? dice.pick(nearby) : dice.pick(structures);
      push(rpps, registerRow(dice, who, where));
      if (dice.chance(0.12)) push(rpps, registerRow(dice, who, dice.pick(structures)));
      truth.push({ sourceId: 'rpps', key: rpps, personId: null });
    }
  });
  const filler = Math.round(people.length * options.fillerShare);
  for (let k = 0; k < filler; k += 1) {
    const sex: 'M' | 'F' = dice.chance(0.7) ? 'F' : 'M';
    const year = dice.int(1958, 2001);
    const job = dice.weighted(registered, (j) => j.share * j.registeredShare);
    const rpps = makeRpps(dice, rppsTaken);
    const who = { rpps, sex, lastName: upperAscii(drawSurname(dice)), firstName: upperAscii(drawGivenName(dice, sex, year)), job, specialty: job.doctor ? ['SM53', 'Spécialiste en Médecine Générale'] as const : null };
    push(rpps, registerRow(dice, who, job.doctor && dice.chance(0.5) ? 'cabinet' : dice.pick(structures)));
    truth.push({ sourceId: 'rpps', key: rpps, personId: null });
  }
  // The extract lists a professional's activities together, ordered by identifier.
  const order = rows.map((row, i) => ({ ...row, i }));
  order.sort((a, b) => (a.rpps === b.rpps ? a.i - b.i : a.rpps < b.rpps ? -1 : 1));
  const text = `${REGISTER_HEADER.join('|')}|\n${order.map((r) => r.line).join('\n')}\n`;
  return { text, rows: order.length };
}

// ---------------------------------------------------------------- entry point

/** One person or record per line: readable in a diff, a third of the indented size. */
function formatTruth(truth: { people: readonly object[]; records: readonly object[] } & Record<string, unknown>): string {
  const head = Object.entries(truth)
    .filter(([name]) => name !== 'people' && name !== 'records')
    .map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  const list = (items: readonly object[]) => `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return `{\n${[...head, `  "people": ${list(truth.people)}`, `  "records": ${list(truth.records)}`].join(',\n')}\n}\n`;
}

export function generateHospitalA(options: HospitalAOptions): HospitalAResult {
  const dice = new Dice(mulberry32(options.seed * 2654435761));
  const staffCount = options.staff ?? 1250;
  const rppsTaken = new Set<string>();
  const people = buildStaff(dice, staffCount, rppsTaken);
  forceHomonyms(dice, people, Math.max(3, Math.round(staffCount / 250)));
  tagHomonyms(people);

  const records: RecordTruth[] = [];
  const hr = writeHr(dice, people, records);
  const interimNurses: PersonA[] = [];
  const ad = writeAd(dice, people, records, interimNurses);
  const dpi = writeDpi(dice, ad.accounts, records);
  const pharma = writePharmacy(dice, people, records);
  const register = writeRegister(dice, people, interimNurses, { namesakesPerPerson: options.namesakesPerPerson ?? 4, fillerShare: options.registerFillerShare ?? 1.5 }, records, rppsTaken);

  const finess = ESTABLISHMENT.finessBody + luhnDigit(ESTABLISHMENT.finessBody);
  const ej = ESTABLISHMENT.ejBody + luhnDigit(ESTABLISHMENT.ejBody);
  const sources = {
    establishment: { name: ESTABLISHMENT.name, finess: [finess] },
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' },
      {
        id: 'rh',
        kind: 'csv',
        role: 'hr',
        path: 'rh_agents.csv',
        delimiter: ';',
        encoding: 'iso-8859-1',
        dateFormat: 'DD/MM/YYYY',
        key: 'MATRICULE',
        fields: {
          hrId: 'MATRICULE',
          birthName: 'NOM_PATRONYMIQUE',
          lastName: 'NOM_USAGE',
          firstName: 'PRENOM',
          birthDate: 'DATE_NAISSANCE',
          sex: { column: 'SEXE', map: { '1': 'M', '2': 'F' } },
          service: 'LIBELLE_UF',
          profession: 'EMPLOI',
          contractType: 'STATUT',
          startDate: 'DATE_ENTREE',
          endDate: 'DATE_SORTIE',
          rpps: 'NUM_RPPS',
        },
      },
      {
        id: 'ad',
        kind: 'ldif',
        role: 'directory',
        path: 'ad_export.ldf',
        key: 'sAMAccountName',
        fields: {
          adId: 'sAMAccountName',
          lastName: 'sn',
          firstName: 'givenName',
          email: 'mail',
          hrId: { column: 'employeeID', normalize: 'strip-leading-zeros' },
          service: 'department',
          profession: 'title',
          enabled: 'userAccountControl',
          lastLogin: 'lastLogonTimestamp',
        },
      },
      {
        id: 'dpi',
        kind: 'csv',
        role: 'application',
        path: 'dpi_utilisateurs.csv',
        delimiter: ';',
        encoding: 'utf-8',
        dateFormat: 'DD/MM/YYYY',
        key: 'LOGIN',
        fields: {
          adId: 'LOGIN',
          fullName: { column: 'NOM PRENOM', nameOrder: 'last-first' },
          rpps: 'RPPS',
          profession: 'PROFIL',
          lastLogin: 'DERNIERE_CONNEXION',
        },
      },
      {
        id: 'pharma',
        kind: 'csv',
        role: 'application',
        path: 'pharmacie_users.csv',
        delimiter: ',',
        encoding: 'windows-1252',
        dateFormat: 'YYYY-MM-DD',
        key: 'user_id',
        fields: {
          fullName: { column: 'display_name', nameOrder: 'first-last' },
          birthDate: { column: 'date_naissance', dateFormat: 'YYYYMMDD' },
          service: 'service',
          lastLogin: 'last_login',
        },
      },
    ],
  };

  const truth = {
    generator: 'a',
    seed: options.seed,
    extractDate: isoDay(EXTRACT_DAY),
    establishment: { name: ESTABLISHMENT.name, finess: [finess], finessEj: ej, sites: [{ finess, name: ESTABLISHMENT.name }] },
    people: people.map((p) => ({
      personId: p.personId,
      rppsTrue: p.rpps,
      homonymGroup: p.homonymGroup,
      inRegister: p.rpps !== null && p.registerState !== 'absent',
      registerState: p.registerState,
      hrId: p.matricule,
      birthName: p.birthName,
      usageName: p.usageName || null,
      firstName: p.firstName,
      birthDate: isoDay(p.birthDay),
      sex: p.sex,
      profession: p.job.label,
      service: p.service.label,
      departed: p.end !== null && p.end < EXTRACT_DAY,
    })),
    records,
  };

  mkdirSync(options.outDir, { recursive: true });
  const files: Array<[string, string | Buffer]> = [
    ['rpps.txt', register.text],
    ['rh_agents.csv', hr],
    ['ad_export.ldf', ad.ldif],
    ['dpi_utilisateurs.csv', dpi],
    ['pharmacie_users.csv', pharma],
    ['sources.json', `${JSON.stringify(sources, null, 2)}\n`],
    ['truth.json', formatTruth(truth)],
  ];
  for (const [name, content] of files) writeFileSync(join(options.outDir, name), content);
  const counts: Record<string, number> = { staff: people.length, registerRows: register.rows };
  for (const r of records) counts[r.sourceId] = (counts[r.sourceId] ?? 0) + 1;
  return { files: files.map(([name]) => join(options.outDir, name)), counts };
}
