/**
 * Team B's synthetic GHT: one legal entity (EJ) with two geographic sites (two FINESS
 * géographiques) in the Côtes-d'Armor. Exports: a Windows-1252 SIRH file with ISO dates, an AD
 * dump written by `ldifde` in which the southern site's legacy accounts survive, three application
 * user lists (operating-room planning, MSSanté mailboxes, nursing record) and an older 52-column
 * register extract in Windows-1252. Written from conventions only, without reading the scoring
 * engine; a different team than generator A made different choices on purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bretonSurnameCounts, bretonTailSurnames, givenNamesByDecade } from './ghtBVocabulary';

export interface GhtBOptions {
  readonly seed: number;
  readonly outDir: string;
  /** People on the GHT's payroll (both sites). Default 1,600. */
  readonly staff?: number;
  /** Scales the namesakes written to the register. Default 1 (about 3.5 per person). */
  readonly namesakeScale?: number;
}

export interface GhtBSummary {
  readonly outDir: string;
  readonly written: Record<string, number>;
}

// ------------------------------------------------------------------ seeded stream (xmur3 + sfc32)

function hashSeed(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

class Stream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const next = hashSeed(seed);
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i += 1) this.float();
  }

  float(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  below(p: number): boolean {
    return this.float() < p;
  }

  between(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  oneOf<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)] as T;
  }

  byWeight<T>(list: readonly (readonly [T, number])[]): T {
    const sum = list.reduce((acc, [, w]) => acc + w, 0);
    let left = this.float() * sum;
    for (const [value, w] of list) {
      left -= w;
      if (left < 0) return value;
    }
    return (list[list.length - 1] as readonly [T, number])[0];
  }

  numeric(length: number): string {
    return Array.from({ length }, () => String(this.between(0, 9))).join('');
  }
}

// ------------------------------------------------------------------ fixed facts

const TODAY = new Date(Date.UTC(2026, 10, 27));
const ONE_DAY = 86_400_000;

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * ONE_DAY);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function withLuhnKey(body: string): string {
  let total = 0;
  for (let pos = 0; pos < body.length; pos += 1) {
    const digit = Number(body[body.length - 1 - pos]);
    const doubled = pos % 2 === 0 ? digit * 2 : digit;
    total += doubled > 9 ? doubled - 9 : doubled;
  }
  return body + String((10 - (total % 10)) % 10);
}

const EJ_FINESS = withLuhnKey('22000451');
const SITES = {
  nord: { code: 'N', finess: withLuhnKey('22000027'), name: 'CH Armor-Argoat - site de Lannevez', registerName: 'CENTRE HOSPITALIER ARMOR-ARGOAT SITE DE LANNEVEZ', city: 'LANNEVEZ', postcode: '22300', insee: '22113', siret: '26220045100012' },
  sud: { code: 'S', finess: withLuhnKey('22000076'), name: 'CH Armor-Argoat - site de Kerbrat-Pontrieux', registerName: 'CENTRE HOSPITALIER ARMOR-ARGOAT SITE DE KERBRAT', city: 'PONTRIEUX', postcode: '22260', insee: '22248', siret: '26220045100038' },
} as const;
type SiteKey = keyof typeof SITES;

const UNITS: ReadonlyArray<{ site: SiteKey; label: string; clinical: boolean; bloc?: boolean }> = [
  { site: 'nord', label: 'Urgences adultes', clinical: true },
  { site: 'nord', label: 'Réanimation - soins continus', clinical: true },
  { site: 'nord', label: 'Cœur et vaisseaux', clinical: true },
  { site: 'nord', label: 'Pneumologie', clinical: true },
  { site: 'nord', label: 'Chirurgie digestive', clinical: true, bloc: true },
  { site: 'nord', label: 'Orthopédie-traumatologie', clinical: true, bloc: true },
  { site: 'nord', label: 'Bloc opératoire central', clinical: true, bloc: true },
  { site: 'nord', label: 'Maternité', clinical: true, bloc: true },
  { site: 'nord', label: 'Pédiatrie', clinical: true },
  { site: 'nord', label: 'Imagerie', clinical: true },
  { site: 'nord', label: 'Laboratoire', clinical: true },
  { site: 'nord', label: 'Pharmacie', clinical: true },
  { site: 'nord', label: 'Oncologie', clinical: true },
  { site: 'nord', label: 'Néphrologie - dialyse', clinical: true },
  { site: 'nord', label: 'Direction générale', clinical: false },
  { site: 'nord', label: 'Direction des ressources humaines', clinical: false },
  { site: 'nord', label: 'DSN - informatique', clinical: false },
  { site: 'nord', label: 'Admissions', clinical: false },
  { site: 'nord', label: 'Logistique', clinical: false },
  { site: 'sud', label: 'SSR polyvalent', clinical: true },
  { site: 'sud', label: 'EHPAD Ty Lann', clinical: true },
  { site: 'sud', label: 'Psychiatrie adulte', clinical: true },
  { site: 'sud', label: 'CMP Pontrieux', clinical: true },
  { site: 'sud', label: 'USLD', clinical: true },
  { site: 'sud', label: 'Pharmacie Sud', clinical: true },
  { site: 'sud', label: 'Admissions Sud', clinical: false },
  { site: 'sud', label: 'Services techniques Sud', clinical: false },
];
type Unit = (typeof UNITS)[number];

interface Trade {
  readonly hrLabel: string;
  readonly weight: number;
  readonly women: number;
  readonly register: readonly [string, string] | null;
  /** For the aides-soignants only part of them went through RPPS+. */
  readonly registered: number;
  /** How often the SIRH knows the number of a registered holder. */
  readonly sirhKnows: number;
  readonly ageRange: readonly [number, number];
  readonly medical?: boolean;
  readonly student?: boolean;
  readonly units: 'clinical' | 'support' | 'bloc' | readonly string[];
}

const TRADES: readonly Trade[] = [
  { hrLabel: 'Praticien hospitalier temps plein', weight: 70, women: 0.52, register: ['10', 'Médecin'], registered: 1, sirhKnows: 0.7, ageRange: [33, 67], medical: true, units: 'clinical' },
  { hrLabel: 'Praticien attaché', weight: 25, women: 0.5, register: ['10', 'Médecin'], registered: 1, sirhKnows: 0.55, ageRange: [30, 66], medical: true, units: 'clinical' },
  { hrLabel: 'Docteur junior', weight: 8, women: 0.6, register: ['10', 'Médecin'], registered: 1, sirhKnows: 0.3, ageRange: [27, 31], medical: true, student: true, units: 'clinical' },
  { hrLabel: 'Interne en médecine', weight: 35, women: 0.62, register: ['10', 'Médecin'], registered: 1, sirhKnows: 0.2, ageRange: [24, 30], medical: true, student: true, units: 'clinical' },
  { hrLabel: 'Pharmacien', weight: 9, women: 0.7, register: ['21', 'Pharmacien'], registered: 1, sirhKnows: 0.75, ageRange: [28, 64], units: ['Pharmacie', 'Pharmacie Sud'] },
  { hrLabel: 'Sage-femme', weight: 18, women: 0.97, register: ['50', 'Sage-Femme'], registered: 1, sirhKnows: 0.5, ageRange: [24, 62], units: ['Maternité'] },
  { hrLabel: 'Infirmier(ère) en soins généraux', weight: 430, women: 0.86, register: ['60', 'Infirmier'], registered: 1, sirhKnows: 0.35, ageRange: [22, 63], units: 'clinical' },
  { hrLabel: 'Infirmier(ère) de bloc opératoire', weight: 25, women: 0.8, register: ['60', 'Infirmier'], registered: 1, sirhKnows: 0.4, ageRange: [27, 63], units: 'bloc' },
  { hrLabel: 'Infirmier(ère) anesthésiste', weight: 18, women: 0.6, register: ['60', 'Infirmier'], registered: 1, sirhKnows: 0.45, ageRange: [28, 63], units: 'bloc' },
  { hrLabel: 'Cadre de santé paramédical', weight: 28, women: 0.8, register: ['60', 'Infirmier'], registered: 1, sirhKnows: 0.4, ageRange: [36, 64], units: 'clinical' },
  { hrLabel: 'Aide-soignant(e)', weight: 380, women: 0.88, register: ['35', 'Aide-soignant'], registered: 0.3, sirhKnows: 0.3, ageRange: [19, 64], units: 'clinical' },
  { hrLabel: 'Auxiliaire de puériculture', weight: 15, women: 0.98, register: ['37', 'Auxiliaire de puériculture'], registered: 0.3, sirhKnows: 0.3, ageRange: [20, 62], units: ['Maternité', 'Pédiatrie'] },
  { hrLabel: 'Masseur-kinésithérapeute', weight: 14, women: 0.55, register: ['70', 'Masseur-Kinésithérapeute'], registered: 1, sirhKnows: 0.4, ageRange: [23, 62], units: ['SSR polyvalent', 'Réanimation - soins continus', 'USLD'] },
  { hrLabel: 'Manipulateur(trice) d’électroradiologie médicale', weight: 24, women: 0.7, register: ['98', 'Manipulateur ERM'], registered: 1, sirhKnows: 0.4, ageRange: [22, 62], units: ['Imagerie'] },
  { hrLabel: 'Préparateur(trice) en pharmacie hospitalière', weight: 14, women: 0.85, register: ['38', 'Préparateur en pharmacie hospitalière'], registered: 1, sirhKnows: 0.35, ageRange: [22, 62], units: ['Pharmacie', 'Pharmacie Sud'] },
  { hrLabel: 'Technicien(ne) de laboratoire', weight: 22, women: 0.8, register: ['86', 'Technicien de laboratoire médical'], registered: 1, sirhKnows: 0.3, ageRange: [22, 63], units: ['Laboratoire'] },
  { hrLabel: 'Psychologue', weight: 10, women: 0.85, register: ['93', 'Psychologue'], registered: 1, sirhKnows: 0.3, ageRange: [26, 64], units: ['Psychiatrie adulte', 'CMP Pontrieux', 'Oncologie'] },
  { hrLabel: 'Orthophoniste', weight: 3, women: 0.95, register: ['91', 'Orthophoniste'], registered: 1, sirhKnows: 0.3, ageRange: [24, 60], units: ['SSR polyvalent'] },
  { hrLabel: 'Agent de service hospitalier qualifié', weight: 130, women: 0.82, register: null, registered: 0, sirhKnows: 0, ageRange: [19, 64], units: 'clinical' },
  { hrLabel: 'Secrétaire médicale', weight: 55, women: 0.95, register: null, registered: 0, sirhKnows: 0, ageRange: [20, 64], units: 'clinical' },
  { hrLabel: 'Adjoint(e) administratif(ve)', weight: 90, women: 0.85, register: null, registered: 0, sirhKnows: 0, ageRange: [20, 64], units: 'support' },
  { hrLabel: 'Agent d’entretien qualifié', weight: 45, women: 0.2, register: null, registered: 0, sirhKnows: 0, ageRange: [20, 64], units: ['Logistique', 'Services techniques Sud'] },
  { hrLabel: 'Technicien(ne) informatique', weight: 12, women: 0.25, register: null, registered: 0, sirhKnows: 0, ageRange: [23, 62], units: ['DSN - informatique'] },
  { hrLabel: 'Ingénieur(e) hospitalier', weight: 6, women: 0.35, register: null, registered: 0, sirhKnows: 0, ageRange: [27, 64], units: ['DSN - informatique', 'Logistique', 'Direction générale'] },
];

const ELSEWHERE: ReadonlyArray<readonly [string, string, string, string]> = [
  ['22', "Côtes-d'Armor", 'SAINT-BRIEUC', '22000'],
  ['22', "Côtes-d'Armor", 'LANNION', '22300'],
  ['29', 'Finistère', 'BREST', '29200'],
  ['29', 'Finistère', 'QUIMPER', '29000'],
  ['56', 'Morbihan', 'VANNES', '56000'],
  ['35', 'Ille-et-Vilaine', 'RENNES', '35000'],
  ['44', 'Loire-Atlantique', 'NANTES', '44000'],
  ['75', 'Paris', 'PARIS', '75010'],
  ['92', 'Hauts-de-Seine', 'NANTERRE', '92000'],
  ['69', 'Rhône', 'LYON', '69008'],
  ['33', 'Gironde', 'BORDEAUX', '33000'],
  ['14', 'Calvados', 'CAEN', '14000'],
  ['49', 'Maine-et-Loire', 'ANGERS', '49000'],
  ['13', 'Bouches-du-Rhône', 'MARSEILLE', '13009'],
];

// ------------------------------------------------------------------ people of the GHT

interface Agent {
  readonly id: string;
  readonly matricule: string;
  readonly female: boolean;
  birthName: string;
  maritalName: string;
  givenNames: string[];
  readonly born: Date;
  readonly trade: Trade;
  readonly unit: Unit;
  readonly bothSites: boolean;
  readonly hired: Date;
  readonly left: Date | null;
  readonly contract: string;
  rpps: string | null;
  registerView: 'listed' | 'absent' | 'stale-activity' | 'none';
  homonymGroup: string | null;
}

interface TruthRecord {
  readonly sourceId: string;
  readonly key: string;
  readonly personId: string | null;
}

function firstGiven(agent: Agent): string {
  return agent.givenNames[0] as string;
}

function exerciseName(agent: Agent): string {
  return agent.maritalName || agent.birthName;
}

function stripMarks(value: string): string {
  return value
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/[’‘]/g, "'")
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function capitals(value: string): string {
  return stripMarks(value).toUpperCase();
}

function decadeIndex(year: number): number {
  if (year < 1965) return 0;
  if (year < 1975) return 1;
  if (year < 1985) return 2;
  if (year < 1995) return 3;
  return 4;
}

class GhtWorkshop {
  readonly agents: Agent[] = [];
  readonly truth: TruthRecord[] = [];
  private readonly rppsInUse = new Set<string>();
  private readonly surnameTable: ReadonlyArray<readonly [string, number]>;

  constructor(
    private readonly rng: Stream,
    private readonly headcount: number,
  ) {
    // Breton head names carry their counted weight; the tail weighs twice the head, spread evenly.
    const headMass = bretonSurnameCounts.reduce((sum, [, w]) => sum + w, 0);
    const tailEach = (headMass * 2.2) / bretonTailSurnames.length;
    this.surnameTable = [...bretonSurnameCounts, ...bretonTailSurnames.map((s) => [s, tailEach] as const)];
  }

  surname(): string {
    return this.rng.byWeight(this.surnameTable);
  }

  givenName(female: boolean, year: number): string {
    const slot = decadeIndex(year);
    return this.rng.byWeight(givenNamesByDecade.filter((g) => g.female === female).map((g) => [g.name, g.decades[slot] as number + 0.05] as const));
  }

  newRpps(): string {
    for (;;) {
      const candidate = withLuhnKey(`10${this.rng.numeric(8)}`);
      if (!this.rppsInUse.has(candidate)) {
        this.rppsInUse.add(candidate);
        return candidate;
      }
    }
  }

  hire(): void {
    const matricules = new Set<string>();
    const tradeTable = TRADES.map((t) => [t, t.weight] as const);
    for (let n = 0; n < this.headcount; n += 1) {
      const trade = this.rng.byWeight(tradeTable);
      const female = this.rng.below(trade.women);
      const age = this.rng.between(trade.ageRange[0], trade.ageRange[1]);
      const born = new Date(Date.UTC(2026 - age, this.rng.between(0, 11), this.rng.between(1, 28)));
      const unitPool =
        trade.units === 'clinical' ? UNITS.filter((u) => u.clinical && !u.label.startsWith('Pharmacie') && u.label !== 'Laboratoire')
        : trade.units === 'support' ? UNITS.filter((u) => !u.clinical)
        : trade.units === 'bloc' ? UNITS.filter((u) => u.bloc)
        : UNITS.filter((u) => (trade.units as readonly string[]).includes(u.label));
      const unit = this.rng.oneOf(unitPool);
      const birthName = this.rng.below(0.025) ? `${this.surname()}-${this.surname()}` : this.surname();
      const married = female ? age > 25 && this.rng.below(0.5) : this.rng.below(0.015);
      let maritalName = married ? this.surname() : '';
      if (maritalName === birthName) maritalName = '';
      const givenNames = [this.givenName(female, born.getUTCFullYear())];
      // The SIRH keeps the civil-status given names: a second or third one for some agents.
      if (this.rng.below(0.08)) givenNames.push(this.givenName(female, born.getUTCFullYear() - 25));
      const earliest = Math.max(Date.UTC(born.getUTCFullYear() + trade.ageRange[0], 8, 1), Date.UTC(1987, 0, 1));
      const hired = this.rng.below(0.14)
        ? addDays(TODAY, -this.rng.between(3, 200))
        : new Date(earliest + Math.floor(this.rng.float() * Math.max(ONE_DAY, TODAY.getTime() - 30 * ONE_DAY - earliest) / ONE_DAY) * ONE_DAY);
      let left: Date | null = null;
      if (this.rng.below(0.05)) left = addDays(TODAY, -this.rng.between(7, 360));
      if (left && left < hired) left = addDays(hired, this.rng.between(30, 200));
      if (left && left > TODAY) left = addDays(TODAY, -3);
      const contract = trade.student ? 'Interne / DJ' : trade.medical ? this.rng.oneOf(['PH titulaire', 'PH probatoire', 'Contractuel', 'Attaché']) : this.rng.byWeight([['Titulaire', 6], ['Stagiaire', 1], ['CDD', 2], ['CDI', 1]] as const);
      let matricule: string;
      do matricule = `00${this.rng.numeric(6)}`;
      while (matricules.has(matricule));
      matricules.add(matricule);
      const registered = trade.register !== null && this.rng.below(trade.registered);
      const agent: Agent = {
        id: `B-${String(n + 1).padStart(5, '0')}`,
        matricule,
        female,
        birthName,
        maritalName,
        givenNames,
        born,
        trade,
        unit,
        bothSites: this.rng.below(trade.medical ? 0.15 : 0.03),
        hired,
        left,
        contract,
        rpps: registered ? this.newRpps() : null,
        registerView: 'none',
        homonymGroup: null,
      };
      if (agent.rpps) {
        const tenureDays = (TODAY.getTime() - hired.getTime()) / ONE_DAY;
        agent.registerView = tenureDays < 60 && this.rng.below(0.6) ? 'absent' : tenureDays < 200 && this.rng.below(0.35) ? 'stale-activity' : 'listed';
      }
      this.agents.push(agent);
    }
  }

  /** Same names on both sites, as in every GHT: copy a name onto an agent of the other site. */
  plantNamesakesAcrossSites(count: number): void {
    for (let k = 0; k < count; k += 1) {
      const source = this.rng.oneOf(this.agents);
      const others = this.agents.filter((a) => a !== source && a.female === source.female && a.unit.site !== source.unit.site);
      if (others.length === 0) continue;
      const target = this.rng.oneOf(others);
      target.birthName = exerciseName(source);
      target.maritalName = '';
      target.givenNames = [firstGiven(source)];
    }
  }

  groupHomonyms(): void {
    const byName = new Map<string, Agent[]>();
    for (const agent of this.agents) {
      const key = `${capitals(exerciseName(agent))}/${capitals(firstGiven(agent))}`;
      const list = byName.get(key) ?? [];
      list.push(agent);
      byName.set(key, list);
    }
    let n = 0;
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      n += 1;
      for (const agent of list) agent.homonymGroup = `HB-${n}`;
    }
  }
}

// ------------------------------------------------------------------ encodings

const CP1252_EXTRAS = new Map<string, number>([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88], ['‰', 0x89], ['Š', 0x8a],
  ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97],
  ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

function cp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    out[i] = cp < 0x80 || (cp >= 0xa0 && cp < 0x100) ? cp : (CP1252_EXTRAS.get(ch) ?? 0x3f);
    i += 1;
  }
  return out.subarray(0, i);
}

function quoteAll(cells: readonly string[], separator: string): string {
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(separator);
}

// ------------------------------------------------------------------ SIRH (Windows-1252, ISO dates, everything quoted)

function writeSirh(rng: Stream, agents: readonly Agent[], truth: TruthRecord[]): Buffer {
  const rows = [
    quoteAll(['Matricule', 'Nom de naissance', "Nom d'usage", 'Prénom(s)', 'Date de naissance', 'Sexe', 'FINESS géographique', 'Service', 'Métier', 'Nature du contrat', "Date d'entrée", 'Date de sortie', 'N° RPPS/ADELI'], ';'),
  ];
  for (const agent of agents) {
    let rppsCell = '';
    if (agent.rpps && rng.below(agent.trade.sirhKnows)) {
      const roll = rng.float();
      if (roll < 0.04) rppsCell = agent.rpps.slice(0, 10) + String((Number(agent.rpps[10]) + 3) % 10); // wrong key
      else if (roll < 0.07) rppsCell = `8${agent.rpps}`; // the 12-character national form
      else if (roll < 0.1 && !agent.trade.medical) rppsCell = `22${agent.trade.register?.[0] ?? '60'}${rng.numeric(5)}`; // an old ADELI number
      else rppsCell = agent.rpps;
    }
    let birthName = capitals(agent.birthName);
    if (rng.below(0.015)) birthName = birthName.replace(/([AEIOU])/, '$1$1');
    if (rng.below(0.01)) birthName = `${birthName} `;
    const given = rng.below(0.5) ? agent.givenNames.join(' ') : agent.givenNames.join(', ');
    const site = agent.unit.site === 'nord' ? SITES.nord.finess : SITES.sud.finess;
    rows.push(
      quoteAll(
        [
          agent.matricule,
          birthName,
          agent.maritalName ? capitals(agent.maritalName) : '',
          agent.givenNames.length > 1 ? given : (agent.givenNames[0] as string),
          rng.below(0.025) ? '' : isoDate(agent.born),
          agent.female ? '2' : '1',
          site,
          agent.unit.label,
          agent.trade.hrLabel,
          agent.contract,
          isoDate(agent.hired),
          agent.left ? isoDate(agent.left) : '',
          rppsCell,
        ],
        ';',
      ),
    );
    truth.push({ sourceId: 'sirh', key: agent.matricule, personId: agent.id });
  }
  return cp1252(rows.join('\r\n') + '\r\n');
}

// ------------------------------------------------------------------ AD (ldifde)

type LdifAttr = readonly [string, string];

function ldifdeLines(attribute: string, value: string): string[] {
  const safe = /^[\x21-\x39\x3b\x3d-\x7e][\x20-\x7e]*$/.test(value) || value === '';
  const line = safe ? `${attribute}: ${value}` : `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
  const lines: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > (first ? 76 : 75)) {
    const cut = first ? 76 : 75;
    lines.push((first ? '' : ' ') + rest.slice(0, cut));
    rest = rest.slice(cut);
    first = false;
  }
  lines.push((first ? '' : ' ') + rest);
  return lines;
}

function filetime(date: Date): string {
  return ((BigInt(date.getTime()) + 11_644_473_600_000n) * 10_000n).toString();
}

interface DirectoryAccount {
  readonly sam: string;
  readonly agent: Agent | null;
  readonly site: SiteKey;
}

function samFrom(text: string): string {
  return stripMarks(text).toLowerCase().replace(/[^a-z]/g, '');
}

function writeDirectory(rng: Stream, workshop: GhtWorkshop, truth: TruthRecord[]): { text: string; accounts: DirectoryAccount[] } {
  const blocks: string[][] = [];
  const accounts: DirectoryAccount[] = [];
  const used = new Set<string>();
  const reserve = (wanted: string, max: number): string => {
    let candidate = wanted.slice(0, max);
    let n = 1;
    while (used.has(candidate)) {
      n += 1;
      candidate = wanted.slice(0, max - String(n).length) + String(n);
    }
    used.add(candidate);
    return candidate;
  };
  const legacyCounter = new Map<string, number>();
  const legacySam = (surname: string): string => {
    const stem = samFrom(surname).slice(0, 6);
    const next = (legacyCounter.get(stem) ?? 0) + 1;
    legacyCounter.set(stem, next);
    return reserve(`${stem}${String(next).padStart(2, '0')}`, 20);
  };

  const emit = (account: DirectoryAccount, attrs: { cnLegacy: boolean; sn?: string; given?: string; display: string; ou: string; extra: LdifAttr[]; uac: number; lastLogon: Date | null; created: Date }) => {
    const cnValue = attrs.sn && attrs.given ? (attrs.cnLegacy ? `${attrs.sn.toUpperCase()}\\, ${attrs.given}` : `${attrs.given} ${attrs.sn.toUpperCase()}`) : account.sam;
    const dn = `CN=${cnValue},${attrs.ou},DC=armor,DC=local`;
    const lines: string[] = [...ldifdeLines('dn', dn), 'changetype: add'];
    const attrList: LdifAttr[] = [
      ['objectClass', 'top'],
      ['objectClass', 'person'],
      ['objectClass', 'organizationalPerson'],
      ['objectClass', 'user'],
      ['cn', cnValue.replace('\\,', ',')],
    ];
    if (attrs.sn) attrList.push(['sn', attrs.sn]);
    if (attrs.given) attrList.push(['givenName', attrs.given]);
    attrList.push(['displayName', attrs.display], ['whenCreated', `${attrs.created.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`], ...attrs.extra);
    attrList.push(['userAccountControl', String(attrs.uac)], ['sAMAccountName', account.sam], ['userPrincipalName', `${account.sam}@armor.local`]);
    if (attrs.lastLogon) attrList.push(['lastLogonTimestamp', filetime(attrs.lastLogon)]);
    for (const [name, value] of attrList) lines.push(...ldifdeLines(name, value));
    blocks.push(lines);
    accounts.push(account);
    truth.push({ sourceId: 'ad', key: account.sam, personId: account.agent?.id ?? null });
  };

  for (const agent of workshop.agents) {
    if (agent.trade.hrLabel.startsWith('Agent') && rng.below(0.3)) continue;
    if (rng.below(0.03)) continue;
    const sn = agent.maritalName && rng.below(0.85) ? agent.maritalName : agent.birthName;
    let given = firstGiven(agent);
    if (given.includes('-') && rng.below(0.5)) given = given.split('-')[0] as string;
    const legacySouth = agent.unit.site === 'sud' && agent.hired.getUTCFullYear() < 2019;
    let sam: string;
    if (legacySouth) sam = legacySam(sn);
    else if (agent.hired.getUTCFullYear() < 2016) sam = reserve(`${samFrom(sn).slice(0, 7)}${samFrom(given).slice(0, 1)}`, 8);
    else sam = reserve(`${samFrom(sn)}.${samFrom(given)}`, 20);
    const gone = agent.left !== null && agent.left < TODAY;
    const uac = gone && rng.below(0.5) ? 514 : 512;
    const lastLogon = rng.below(0.06) ? null : gone ? addDays(agent.left as Date, -rng.between(0, 10)) : addDays(TODAY, -rng.between(0, 14));
    const extra: LdifAttr[] = [['department', agent.unit.label], ['title', agent.trade.hrLabel], ['physicalDeliveryOfficeName', agent.unit.site === 'nord' ? 'Lannevez' : 'Pontrieux']];
    if (rng.below(legacySouth ? 0.1 : 0.38)) extra.push(['employeeID', rng.below(0.4) ? String(Number(agent.matricule)) : agent.matricule]);
    if (rng.below(0.9)) extra.push(['mail', `${samFrom(given)}.${samFrom(sn)}@ght-armor-argoat.fr`]);
    const created = new Date(Math.max(agent.hired.getTime(), Date.UTC(2005, 0, 3)));
    const ou = `OU=${agent.trade.medical ? 'Medecins' : agent.trade.register ? 'Soignants' : 'Personnels'},OU=${agent.unit.site === 'nord' ? 'Site Lannevez' : 'Site Kerbrat'},OU=GHT`;
    emit({ sam, agent, site: agent.unit.site }, { cnLegacy: legacySouth, sn, given, display: `${sn.toUpperCase()} ${given}`, ou, extra, uac, lastLogon, created });
    // Working on both sites: a second account in the other site's OU (the legacy naming in the south).
    if (agent.bothSites) {
      const otherSite: SiteKey = agent.unit.site === 'nord' ? 'sud' : 'nord';
      const second = otherSite === 'sud' ? legacySam(sn) : reserve(`${samFrom(sn)}.${samFrom(given)}`, 20);
      emit(
        { sam: second, agent, site: otherSite },
        { cnLegacy: otherSite === 'sud', sn, given: firstGiven(agent), display: `${sn.toUpperCase()} ${firstGiven(agent)}`, ou: `OU=${agent.trade.medical ? 'Medecins' : 'Soignants'},OU=${otherSite === 'nord' ? 'Site Lannevez' : 'Site Kerbrat'},OU=GHT`, extra: [['department', agent.unit.label]], uac: rng.below(0.8) ? 512 : 514, lastLogon: rng.below(0.3) ? null : addDays(TODAY, -rng.between(0, 90)), created: addDays(created, rng.between(0, 400)) },
      );
    }
  }
  const generics: ReadonlyArray<readonly [string, string, SiteKey]> = [
    ['accueil.urgences', 'Accueil urgences', 'nord'], ['secretariat.cardio', 'Secrétariat cœur et vaisseaux', 'nord'], ['scanner01', 'Scanner 1 console', 'nord'],
    ['scanner02', 'Scanner 2 console', 'nord'], ['cs.pediatrie', 'Consultations pédiatrie', 'nord'], ['poste.ide.ssr', 'Poste IDE SSR', 'sud'],
    ['ehpad.tylann', 'EHPAD Ty Lann - poste commun', 'sud'], ['psy.garde', 'Psychiatrie - interne de garde', 'sud'], ['admissions.sud', 'Admissions site sud', 'sud'],
    ['biomed', 'Ingénierie biomédicale', 'nord'], ['svc-sauvegarde', 'Compte de service sauvegarde', 'nord'],
  ];
  for (const [sam, label, site] of generics) {
    used.add(sam);
    emit({ sam, agent: null, site }, { cnLegacy: false, display: label, ou: 'OU=Comptes generiques,OU=GHT', extra: [['description', label]], uac: 66048, lastLogon: addDays(TODAY, -rng.between(0, 5)), created: new Date(Date.UTC(2013, 2, 11)) });
  }
  const interims = Math.max(4, Math.round(workshop.agents.length * 0.025));
  for (let k = 0; k < interims; k += 1) {
    const female = rng.below(0.8);
    const sn = workshop.surname();
    const given = workshop.givenName(female, rng.between(1970, 2000));
    const sam = reserve(`ext.${samFrom(sn)}.${samFrom(given).slice(0, 1)}`, 20);
    emit({ sam, agent: null, site: 'nord' }, { cnLegacy: false, sn, given, display: `${sn.toUpperCase()} ${given} (EXT)`, ou: 'OU=Interimaires,OU=Externes,OU=GHT', extra: [['description', `Intérim ${rng.oneOf(['Randstad Santé', 'Medicall', 'Side Santé'])}`], ['company', 'Externe']], uac: 512, lastLogon: addDays(TODAY, -rng.between(0, 60)), created: addDays(TODAY, -rng.between(5, 300)) });
  }
  const ghosts = Math.max(3, Math.round(workshop.agents.length * 0.012));
  for (let k = 0; k < ghosts; k += 1) {
    const female = rng.below(0.7);
    const sn = workshop.surname();
    const given = workshop.givenName(female, rng.between(1958, 1998));
    const created = new Date(Date.UTC(rng.between(2006, 2022), rng.between(0, 11), rng.between(1, 28)));
    const sam = created.getUTCFullYear() < 2016 ? reserve(`${samFrom(sn).slice(0, 7)}${samFrom(given).slice(0, 1)}`, 8) : reserve(`${samFrom(sn)}.${samFrom(given)}`, 20);
    emit({ sam, agent: null, site: 'nord' }, { cnLegacy: false, sn, given, display: `${sn.toUpperCase()} ${given}`, ou: 'OU=Soignants,OU=Site Lannevez,OU=GHT', extra: [['department', rng.oneOf(UNITS).label]], uac: rng.below(0.6) ? 512 : 514, lastLogon: addDays(created, rng.between(200, 1500)), created });
  }
  const shuffled = blocks.map((b) => ({ b, k: rng.float() })).sort((x, y) => x.k - y.k).map((x) => x.b);
  return { text: `version: 1\r\n\r\n${shuffled.map((b) => b.join('\r\n')).join('\r\n\r\n')}\r\n\r\n`, accounts };
}

// ------------------------------------------------------------------ applications

function initialsOf(given: string, rng: Stream): string {
  const parts = given.split('-');
  if (parts.length > 1) return rng.below(0.5) ? parts.map((p) => p[0]).join('') : parts.map((p) => `${p[0]}.`).join('-');
  return rng.below(0.6) ? `${given[0]}.` : (given[0] as string);
}

/** Operating-room planning: tab-separated UTF-8, surname plus initials only, YYYYMMDD dates. */
function writeBlocPlanning(rng: Stream, agents: readonly Agent[], truth: TruthRecord[]): string {
  const lines = [['CODE_UTIL', 'NOM', 'INITIALES', 'DDN', 'SPECIALITE', 'DERN_CNX'].join('\t')];
  let code = 300;
  for (const agent of agents) {
    const inBloc = agent.unit.bloc === true && (agent.trade.medical || agent.trade.register?.[0] === '60' || agent.trade.register?.[0] === '50' || (agent.trade.register?.[0] === '35' && rng.below(0.4)));
    if (!inBloc || rng.below(0.08)) continue;
    code += rng.between(1, 4);
    const key = `BL${String(code).padStart(4, '0')}`;
    const ddn = rng.below(0.12) ? '' : isoDate(agent.born).replace(/-/g, '');
    const last = agent.left && agent.left < TODAY ? agent.left : addDays(TODAY, -rng.between(0, 30));
    lines.push([key, capitals(exerciseName(agent)), initialsOf(firstGiven(agent), rng), ddn, agent.unit.label, isoDate(last).replace(/-/g, '')].join('\t'));
    truth.push({ sourceId: 'bloc', key, personId: agent.id });
  }
  for (const key of ['BLOC1', 'BLOC2', 'ASTREINTE']) {
    lines.push([key, key === 'ASTREINTE' ? 'ASTREINTE' : 'SALLE', '', '', 'Bloc opératoire central', isoDate(addDays(TODAY, -1)).replace(/-/g, '')].join('\t'));
    truth.push({ sourceId: 'bloc', key, personId: null });
  }
  return `${lines.join('\n')}\n`;
}

function honorific(agent: Agent, rng: Stream): string {
  if (agent.trade.medical && !agent.trade.student) return rng.below(0.08) ? 'Pr' : 'Dr';
  if (agent.trade.register?.[0] === '21') return 'Dr';
  return agent.female ? 'Mme' : 'M.';
}

/** MSSanté mailboxes: a display name in whatever order the user typed it, national ids (8 + RPPS). */
function writeMailboxes(rng: Stream, agents: readonly Agent[], truth: TruthRecord[]): string {
  const lines = ['identifiant,nom_affiche,rpps,derniere_connexion'];
  const taken = new Set<string>();
  const ddmmyyyy = (d: Date) => isoDate(d).split('-').reverse().join('.');
  for (const agent of agents) {
    const code = agent.trade.register?.[0];
    const wants = agent.trade.medical || code === '21' || code === '50' || (agent.trade.hrLabel.startsWith('Cadre') && rng.below(0.7)) || (code === '93' && rng.below(0.5));
    if (!wants || rng.below(0.1)) continue;
    const name = exerciseName(agent);
    const given = firstGiven(agent);
    let local = `${samFrom(given)}.${samFrom(name)}`;
    while (taken.has(local)) local += rng.between(1, 9);
    taken.add(local);
    const key = `${local}@ght-armor-argoat.mssante.fr`;
    const style = rng.float();
    const display =
      style < 0.35 ? `${honorific(agent, rng)} ${capitals(name)} ${given}`
      : style < 0.6 ? `${given} ${capitals(name)}`
      : style < 0.8 ? `${capitals(name)} ${given[0]}.`
      : `${honorific(agent, rng)} ${given} ${name}`;
    const rppsCell = agent.rpps && agent.registerView !== 'absent' && rng.below(0.8) ? (rng.below(0.4) ? `8${agent.rpps}` : agent.rpps) : '';
    const last = rng.below(0.1) ? '' : ddmmyyyy(addDays(TODAY, -rng.between(0, 120)));
    lines.push([key, display.includes(',') ? `"${display}"` : display, rppsCell, last].join(','));
    truth.push({ sourceId: 'mssante', key, personId: agent.id });
  }
  for (const box of ['secretariat.cardio', 'urgences', 'pharmacie', 'dim']) {
    const key = `${box}@ght-armor-argoat.mssante.fr`;
    lines.push([key, `BAL ${box.toUpperCase()}`, '', ddmmyyyy(addDays(TODAY, -rng.between(0, 3)))].join(','));
    truth.push({ sourceId: 'mssante', key, personId: null });
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Nursing record users: ISO-8859-1, matricules without their zeros, DD-MM-YYYY dates. */
function writeNursingRecord(rng: Stream, agents: readonly Agent[], truth: TruthRecord[]): Buffer {
  const lines = ['ID_UTIL;MAT;NOM;PRENOM;NE_LE;UNITE;SITE;DERNIERE_CNX'];
  const ddmmyyyy = (d: Date) => isoDate(d).split('-').reverse().join('-');
  let id = 5000;
  const latin1 = (s: string) => s.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/[’‘]/g, "'");
  for (const agent of agents) {
    const code = agent.trade.register?.[0];
    const wants = agent.unit.clinical && (code === '60' || code === '35' || code === '37' || code === '70' || code === '50' || (agent.trade.medical && rng.below(0.3)) || (agent.trade.hrLabel.startsWith('Agent de service') && rng.below(0.2)));
    if (!wants || rng.below(0.07)) continue;
    id += rng.between(1, 3);
    const key = String(id);
    const mat = rng.below(0.15) ? '' : String(Number(agent.matricule));
    let prenom = firstGiven(agent);
    if (rng.below(0.2)) prenom = stripMarks(prenom).toUpperCase();
    const last = rng.below(0.05) ? '' : ddmmyyyy(agent.left && agent.left < TODAY ? agent.left : addDays(TODAY, -rng.between(0, 20)));
    lines.push([key, mat, latin1(exerciseName(agent).toUpperCase()), latin1(prenom), rng.below(0.1) ? '' : ddmmyyyy(agent.born), latin1(agent.unit.label), agent.unit.site === 'nord' ? 'LANNEVEZ' : 'KERBRAT', last].join(';'));
    truth.push({ sourceId: 'soins', key, personId: agent.id });
  }
  for (const [label, first] of [['ETUDIANT IFSI', '1'], ['ETUDIANT IFSI', '2'], ['INTERIM', 'IDE NUIT'], ['ADMIN', 'DPI']] as const) {
    id += 1;
    lines.push([String(id), '', label, first, '', 'SSR polyvalent', 'KERBRAT', ddmmyyyy(addDays(TODAY, -rng.between(0, 30)))].join(';'));
    truth.push({ sourceId: 'soins', key: String(id), personId: null });
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

// ------------------------------------------------------------------ register (52 columns, Windows-1252)

const OLD_HEADER_52 =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|";

interface Workplace {
  readonly finess: string;
  readonly ej: string;
  readonly siret: string;
  readonly name: string;
  readonly dept: string;
  readonly deptLabel: string;
  readonly city: string;
  readonly postcode: string;
  readonly liberal: boolean;
}

function registerLine(rng: Stream, p: { rpps: string; female: boolean; name: string; given: string; profession: readonly [string, string]; student: boolean }, w: Workplace): string {
  const doctor = p.profession[0] === '10' || p.profession[0] === '21';
  const c = [
    '8', p.rpps, `8${p.rpps}`, doctor ? 'DR' : '', doctor ? 'Docteur' : '', p.female ? 'MME' : 'M', p.female ? 'Madame' : 'Monsieur', p.name, p.given, p.profession[0], p.profession[1],
    p.student ? 'E' : 'C', p.student ? 'Etudiant' : 'Civil', '', '', '', '',
    w.liberal ? 'L' : 'S', w.liberal ? 'Libéral, indépendant, artisan, commerçant' : 'Salarié',
    w.siret, w.siret.slice(0, 9), w.finess, w.ej, w.finess ? `1${w.finess}` : `3${rng.numeric(9)}`, w.name, '', '', '',
    String(rng.between(1, 60)), '', 'RTE', 'Route', rng.oneOf(['DE PAIMPOL', 'DE LA CORNICHE', 'DE KERGOFF', 'DU STADE']), '', '', w.postcode, '', w.city, '', '',
    rng.below(0.5) ? `02${rng.numeric(8)}` : '', '', '', '', w.dept, w.deptLabel, '', p.profession[0] === '10' ? 'CNOM/CNOM/CNOM' : 'ARS/ARS/ARS',
    w.liberal ? 'SA07' : 'SA01', w.liberal ? 'Cabinet individuel' : 'Etablissement public de santé', p.profession[0] === '21' ? 'H' : '', p.profession[0] === '21' ? 'Pharmaciens des établissements de santé' : '',
  ];
  return `${c.join('|')}|`;
}

function writeRegister(rng: Stream, workshop: GhtWorkshop, scale: number, truth: TruthRecord[]): { bytes: Buffer; lines: number } {
  const workplaces: Workplace[] = [];
  for (let i = 0; i < 45; i += 1) {
    const [dept, deptLabel, city, postcode] = rng.oneOf(ELSEWHERE);
    const liberal = rng.below(0.25);
    const finess = liberal ? '' : withLuhnKey(`${dept}${rng.numeric(6)}`);
    workplaces.push({ finess, ej: liberal ? '' : rng.below(0.6) ? withLuhnKey(`${dept}${rng.numeric(6)}`) : finess, siret: rng.numeric(14), name: liberal ? `CABINET ${city}` : `${rng.oneOf(['CHU', 'CH', 'CLINIQUE', 'EHPAD', 'POLYCLINIQUE'])} ${city}`, dept, deptLabel, city, postcode, liberal });
  }
  const home = (site: SiteKey): Workplace => ({ finess: SITES[site].finess, ej: EJ_FINESS, siret: SITES[site].siret, name: SITES[site].registerName, dept: '22', deptLabel: "Côtes-d'Armor", city: SITES[site].city, postcode: SITES[site].postcode, liberal: false });
  const chunks: Array<[string, string[]]> = [];
  for (const agent of workshop.agents) {
    if (!agent.rpps || !agent.trade.register) continue;
    if (agent.registerView === 'absent') continue;
    // Married professionals keep exercising under the birth name in a quarter of the cases.
    const name = capitals(agent.maritalName && rng.below(0.25) ? agent.birthName : exerciseName(agent));
    const who = { rpps: agent.rpps, female: agent.female, name, given: capitals(firstGiven(agent)), profession: agent.trade.register, student: agent.trade.student === true };
    const rows: string[] = [];
    if (agent.registerView === 'stale-activity') rows.push(registerLine(rng, who, rng.oneOf(workplaces.filter((w) => !w.liberal))));
    else rows.push(registerLine(rng, who, home(agent.unit.site)));
    if (agent.bothSites && agent.registerView === 'listed') rows.push(registerLine(rng, who, home(agent.unit.site === 'nord' ? 'sud' : 'nord')));
    if (agent.trade.medical && !agent.trade.student && rng.below(0.12)) rows.push(registerLine(rng, who, rng.oneOf(workplaces)));
    chunks.push([agent.rpps, rows]);
    truth.push({ sourceId: 'rpps', key: agent.rpps, personId: agent.id });
  }
  const registeredTrades = TRADES.filter((t) => t.register).map((t) => [t, t.weight * t.registered] as const);
  const meanWeight = bretonSurnameCounts.reduce((s, [, w]) => s + w, 0) / bretonSurnameCounts.length;
  for (const agent of workshop.agents) {
    const name = exerciseName(agent);
    const counted = bretonSurnameCounts.find(([s]) => s === name)?.[1] ?? meanWeight * 0.3;
    const given = givenNamesByDecade.find((g) => g.name === firstGiven(agent));
    const givenWeight = given ? Math.max(...given.decades) : 2;
    const expected = scale * 2.2 * (counted / meanWeight) * (givenWeight / 5);
    const count = Math.min(50, Math.floor(expected + rng.float()));
    for (let k = 0; k < count; k += 1) {
      const trade = rng.byWeight(registeredTrades);
      const rpps = workshop.newRpps();
      const who = { rpps, female: agent.female, name: capitals(name), given: capitals(firstGiven(agent)), profession: trade.register as readonly [string, string], student: trade.student === true };
      const rows = [registerLine(rng, who, rng.oneOf(workplaces))];
      if (rng.below(0.1)) rows.push(registerLine(rng, who, rng.oneOf(workplaces)));
      chunks.push([rpps, rows]);
      truth.push({ sourceId: 'rpps', key: rpps, personId: null });
    }
  }
  const strangers = Math.round(workshop.agents.length * 1.2 * scale);
  for (let k = 0; k < strangers; k += 1) {
    const trade = rng.byWeight(registeredTrades);
    const female = rng.below(trade.women);
    const rpps = workshop.newRpps();
    chunks.push([rpps, [registerLine(rng, { rpps, female, name: capitals(workshop.surname()), given: capitals(workshop.givenName(female, rng.between(1960, 2000))), profession: trade.register as readonly [string, string], student: false }, rng.oneOf(workplaces))]]);
    truth.push({ sourceId: 'rpps', key: rpps, personId: null });
  }
  chunks.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const lines = chunks.flatMap(([, rows]) => rows);
  return { bytes: cp1252(`${OLD_HEADER_52}\r\n${lines.join('\r\n')}\r\n`), lines: lines.length };
}

// ------------------------------------------------------------------ the whole GHT

export function generateGhtB(options: GhtBOptions): GhtBSummary {
  const rng = new Stream(`ght-b/${options.seed}`);
  const workshop = new GhtWorkshop(rng, options.staff ?? 1600);
  workshop.hire();
  workshop.plantNamesakesAcrossSites(Math.max(3, Math.round(workshop.agents.length / 300)));
  workshop.groupHomonyms();
  const truth = workshop.truth;

  const sirh = writeSirh(rng, workshop.agents, truth);
  const directory = writeDirectory(rng, workshop, truth);
  const bloc = writeBlocPlanning(rng, workshop.agents, truth);
  const mailboxes = writeMailboxes(rng, workshop.agents, truth);
  const nursing = writeNursingRecord(rng, workshop.agents, truth);
  const register = writeRegister(rng, workshop, options.namesakeScale ?? 1, truth);

  const config = {
    establishment: { name: 'GHT Armor-Argoat - Centre hospitalier Armor-Argoat', finess: [SITES.nord.finess, SITES.sud.finess] },
    sources: [
      { id: 'rpps', kind: 'rpps-extract', path: 'rpps.txt' },
      {
        id: 'sirh',
        kind: 'csv',
        role: 'hr',
        path: 'export_sirh_ght.csv',
        delimiter: ';',
        encoding: 'windows-1252',
        dateFormat: 'YYYY-MM-DD',
        key: 'Matricule',
        fields: {
          hrId: 'Matricule',
          birthName: 'Nom de naissance',
          lastName: "Nom d'usage",
          firstName: 'Prénom(s)',
          birthDate: 'Date de naissance',
          sex: { column: 'Sexe', map: { '1': 'M', '2': 'F' } },
          site: 'FINESS géographique',
          service: 'Service',
          profession: 'Métier',
          contractType: 'Nature du contrat',
          startDate: "Date d'entrée",
          endDate: 'Date de sortie',
          rpps: 'N° RPPS/ADELI',
        },
      },
      {
        id: 'ad',
        kind: 'ldif',
        role: 'directory',
        path: 'ad_ght.ldif',
        key: 'sAMAccountName',
        fields: {
          adId: 'sAMAccountName',
          lastName: 'sn',
          firstName: 'givenName',
          email: 'mail',
          hrId: { column: 'employeeID', normalize: 'strip-leading-zeros' },
          service: 'department',
          site: 'physicalDeliveryOfficeName',
          enabled: 'userAccountControl',
          lastLogin: 'lastLogonTimestamp',
        },
      },
      {
        id: 'bloc',
        kind: 'csv',
        role: 'application',
        path: 'planning_bloc.txt',
        delimiter: '\t',
        encoding: 'utf-8',
        dateFormat: 'YYYYMMDD',
        key: 'CODE_UTIL',
        fields: { lastName: 'NOM', firstName: 'INITIALES', birthDate: 'DDN', service: 'SPECIALITE', lastLogin: 'DERN_CNX' },
      },
      {
        id: 'mssante',
        kind: 'csv',
        role: 'application',
        path: 'mssante_bal.csv',
        delimiter: ',',
        encoding: 'utf-8',
        dateFormat: 'DD.MM.YYYY',
        key: 'identifiant',
        fields: { email: 'identifiant', fullName: { column: 'nom_affiche', nameOrder: 'auto' }, rpps: 'rpps', lastLogin: 'derniere_connexion' },
      },
      {
        id: 'soins',
        kind: 'csv',
        role: 'application',
        path: 'dossier_soins_utilisateurs.csv',
        delimiter: ';',
        encoding: 'latin1',
        dateFormat: 'DD-MM-YYYY',
        key: 'ID_UTIL',
        fields: {
          hrId: { column: 'MAT', normalize: 'strip-leading-zeros' },
          lastName: 'NOM',
          firstName: 'PRENOM',
          birthDate: 'NE_LE',
          service: 'UNITE',
          site: 'SITE',
          lastLogin: 'DERNIERE_CNX',
        },
      },
    ],
  };

  const truthFile = {
    generator: 'b',
    seed: options.seed,
    extractDate: isoDate(TODAY),
    establishment: {
      name: config.establishment.name,
      finess: config.establishment.finess,
      finessEj: EJ_FINESS,
      sites: [
        { finess: SITES.nord.finess, name: SITES.nord.name },
        { finess: SITES.sud.finess, name: SITES.sud.name },
      ],
    },
    people: workshop.agents.map((a) => ({
      personId: a.id,
      rppsTrue: a.rpps,
      homonymGroup: a.homonymGroup,
      inRegister: a.rpps !== null && a.registerView !== 'absent',
      registerState: a.registerView,
      hrId: a.matricule,
      birthName: a.birthName,
      usageName: a.maritalName || null,
      firstName: a.givenNames.join(' '),
      birthDate: isoDate(a.born),
      sex: a.female ? 'F' : 'M',
      profession: a.trade.hrLabel,
      service: a.unit.label,
      site: SITES[a.unit.site].finess,
      bothSites: a.bothSites,
      departed: a.left !== null && a.left < TODAY,
    })),
    records: truth,
  };

  mkdirSync(options.outDir, { recursive: true });
  const outputs: Record<string, string | Buffer> = {
    'rpps.txt': register.bytes,
    'export_sirh_ght.csv': sirh,
    'ad_ght.ldif': directory.text,
    'planning_bloc.txt': bloc,
    'mssante_bal.csv': mailboxes,
    'dossier_soins_utilisateurs.csv': nursing,
    'sources.json': `${JSON.stringify(config, null, 2)}\n`,
    'truth.json': [
      '{',
      `"generator": "b", "seed": ${JSON.stringify(truthFile.seed)}, "extractDate": ${JSON.stringify(truthFile.extractDate)},`,
      `"establishment": ${JSON.stringify(truthFile.establishment)},`,
      '"people": [',
      truthFile.people.map((p) => JSON.stringify(p)).join(',\n'),
      '],',
      '"records": [',
      truthFile.records.map((r) => JSON.stringify(r)).join(',\n'),
      ']',
      '}',
      '',
    ].join('\n'),
  };
  for (const [file, body] of Object.entries(outputs)) writeFileSync(join(options.outDir, file), body);
  const written: Record<string, number> = { agents: workshop.agents.length, registerLines: register.lines };
  for (const record of truth) written[record.sourceId] = (written[record.sourceId] ?? 0) + 1;
  return { outDir: options.outDir, written };
}
