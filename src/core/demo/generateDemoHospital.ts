import type { CanonicalAttributes, SourceRole } from '../../shared/directory/canonicalAttributes';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import { createSeededRandom, type SeededRandom } from './createSeededRandom';
import { demoJobs, demoServices, femaleFirstNames, maleFirstNames, surnamesByFrequency } from './frenchNames';

export type AgentRole = 'badge-office' | 'night-desk' | 'auditor' | 'admin';

export interface DemoSource {
  id: string;
  kind: 'rpps-extract' | 'csv' | 'ldif';
  role: SourceRole;
  label: string;
}

export interface DemoSourceRecord {
  sourceId: string;
  recordKey: string;
  /** The record as the source system would export it (column → value). */
  raw: Record<string, string>;
  attributes: CanonicalAttributes;
}

export interface DemoPerson {
  hrId: string;
  sex: 'M' | 'F';
  lastName: string;
  birthName: string;
  firstName: string;
  birthDate: string;
  serviceCode: string;
  grade: string;
  professionCode: string | null;
  rpps: string | null;
  adId: string | null;
  email: string | null;
  contractType: 'TITULAIRE' | 'CDD' | 'INTERIM';
  startDate: string;
  endDate: string | null;
}

export interface DemoHospital {
  establishment: { name: string; finess: string[] };
  sources: DemoSource[];
  people: DemoPerson[];
  records: DemoSourceRecord[];
  agents: { hrId: string; role: AgentRole }[];
}

export interface GenerateDemoHospitalOptions {
  seed?: number;
  employees?: number;
  /** Register entries for professionals working elsewhere (some are homonyms of local staff). */
  externalProfessionals?: number;
  /** "Today" for end dates; the demo keeps a few leavers around it. */
  today?: string;
}

const establishment = { name: 'Hôpital La Porte Verte', finess: ['990000011', '990000029'] };
const emailDomain = 'laporteverte.fr';

const sources: DemoSource[] = [
  { id: 'rpps', kind: 'rpps-extract', role: 'register', label: 'Annuaire Santé (RPPS)' },
  { id: 'sirh', kind: 'csv', role: 'hr', label: 'SIRH (paie et carrière)' },
  { id: 'ad', kind: 'ldif', role: 'directory', label: 'Active Directory' },
  { id: 'dpi', kind: 'csv', role: 'application', label: 'Dossier patient informatisé' },
];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function drawJob(random: SeededRandom): (typeof demoJobs)[number] {
  const total = demoJobs.reduce((sum, job) => sum + job.weight, 0);
  let draw = random.next() * total;
  for (const job of demoJobs) {
    draw -= job.weight;
    if (draw < 0) return job;
  }
  return demoJobs[0];
}

function asciiUpper(text: string): string {
  return normalizeForSearch(text).toUpperCase();
}

function loginBase(firstName: string, lastName: string): string {
  const first = normalizeForSearch(firstName).replace(/ /g, '');
  const last = normalizeForSearch(lastName).replace(/ /g, '');
  return `${first.slice(0, 1)}${last}`.slice(0, 12);
}

function emailOf(firstName: string, lastName: string): string {
  const part = (text: string) => normalizeForSearch(text).replace(/ /g, '-');
  return `${part(firstName)}.${part(lastName)}@${emailDomain}`;
}

/**
 * Generates the synthetic "Hôpital La Porte Verte": HR staff, their AD accounts (plus orphans),
 * their register entries (plus professionals working elsewhere, some homonyms of local staff)
 * and application accounts, with the inconsistencies real exports have.
 */
export function generateDemoHospital({
  seed = 20261129,
  employees = 360,
  externalProfessionals = 80,
  today = '2026-11-29',
}: GenerateDemoHospitalOptions = {}): DemoHospital {
  const random = createSeededRandom(seed);
  const people: DemoPerson[] = [];
  const records: DemoSourceRecord[] = [];
  const usedLogins = new Set<string>();
  const usedRpps = new Set<string>();

  const newRpps = (): string => {
    for (;;) {
      const rpps = appendRppsCheckDigit(`99${pad(random.integer(0, 99_999_999), 8)}`);
      if (!usedRpps.has(rpps)) {
        usedRpps.add(rpps);
        return rpps;
      }
    }
  };
  const newLogin = (firstName: string, lastName: string): string => {
    const base = loginBase(firstName, lastName);
    let login = base;
    for (let suffix = 2; usedLogins.has(login); suffix += 1) login = `${base}${suffix}`;
    usedLogins.add(login);
    return login;
  };

  for (let index = 0; index < employees; index += 1) {
    const sex = random.chance(0.72) ? 'F' : 'M';
    const birthName = random.pickByRank(surnamesByFrequency);
    const married = sex === 'F' && random.chance(0.3);
    const lastName = married ? random.pickByRank(surnamesByFrequency) : birthName;
    const firstName = random.pick(sex === 'F' ? femaleFirstNames : maleFirstNames);
    const job = drawJob(random);
    const serviceCode =
      job.g15 === '21' ? 'PHARM' : job.g15 === '50' ? 'MAT' : random.pick(demoServices.slice(0, 11))[0];
    const contractType = random.chance(0.78) ? 'TITULAIRE' : random.chance(0.8) ? 'CDD' : 'INTERIM';
    const startDate = isoDate(random.integer(1995, 2026), random.integer(1, 12), random.integer(1, 28));
    const leaving = random.chance(0.04);
    const endDate = leaving
      ? addDays(today, random.integer(-20, 45))
      : contractType === 'TITULAIRE'
        ? null
        : addDays(today, random.integer(30, 400));
    const hasAd = random.chance(0.93);
    const adId = hasAd ? newLogin(firstName, lastName) : null;
    people.push({
      hrId: pad(100_000 + index * 7 + random.integer(0, 6), 6),
      sex,
      lastName,
      birthName,
      firstName,
      birthDate: isoDate(random.integer(1961, 2003), random.integer(1, 12), random.integer(1, 28)),
      serviceCode,
      grade: job.grade,
      professionCode: job.g15,
      rpps: job.g15 !== null && random.chance(job.g15 === '35' ? 0.4 : 0.97) ? newRpps() : null,
      adId,
      email: hasAd ? emailOf(firstName, lastName) : null,
      contractType,
      startDate,
      endDate,
    });
  }

  // Demo agents work at the badge office, the night desk (emergencies), audit and IT.
  const agentSpecs: { role: AgentRole; service: string; first: string; last: string; sex: 'M' | 'F' }[] = [
    { role: 'badge-office', service: 'BADGE', first: 'Agnès', last: 'Ménard', sex: 'F' },
    { role: 'badge-office', service: 'BADGE', first: 'Loïc', last: 'Kerbrat', sex: 'M' },
    { role: 'night-desk', service: 'URG', first: 'Gaëlle', last: 'Hoarau', sex: 'F' },
    { role: 'auditor', service: 'ADM', first: 'Hervé', last: 'Prévost', sex: 'M' },
    { role: 'admin', service: 'DSI', first: 'Clémence', last: 'Évrard', sex: 'F' },
  ];
  const agents = agentSpecs.map((spec, index) => {
    const adId = newLogin(spec.first, spec.last);
    const person: DemoPerson = {
      hrId: pad(900_001 + index, 6),
      sex: spec.sex,
      lastName: spec.last,
      birthName: spec.last,
      firstName: spec.first,
      birthDate: isoDate(1975 + index * 3, 3 + index, 10 + index),
      serviceCode: spec.service,
      grade: spec.role === 'night-desk' ? 'Infirmier diplômé d’État' : 'Adjoint administratif',
      professionCode: spec.role === 'night-desk' ? '60' : null,
      rpps: spec.role === 'night-desk' ? newRpps() : null,
      adId,
      email: emailOf(spec.first, spec.last),
      contractType: 'TITULAIRE',
      startDate: '2015-09-01',
      endDate: null,
    };
    people.push(person);
    return { hrId: person.hrId, role: spec.role };
  });

  for (const person of people) {
    const job = demoJobs.find((candidate) => candidate.grade === person.grade);
    records.push({
      sourceId: 'sirh',
      recordKey: person.hrId,
      raw: {
        MATRICULE: person.hrId,
        NOM_NAISSANCE: person.birthName.toUpperCase(),
        NOM_USAGE: person.lastName.toUpperCase(),
        PRENOM: person.firstName,
        DATE_NAISSANCE: frenchDate(person.birthDate),
        SEXE: person.sex,
        CODE_SERVICE: person.serviceCode,
        GRADE: person.grade,
        TYPE_CONTRAT: person.contractType,
        DATE_ENTREE: frenchDate(person.startDate),
        DATE_SORTIE: person.endDate === null ? '' : frenchDate(person.endDate),
        RPPS: person.rpps ?? '',
      },
      attributes: {
        hrId: person.hrId,
        birthName: person.birthName.toUpperCase(),
        lastName: person.lastName.toUpperCase(),
        firstName: person.firstName,
        birthDate: person.birthDate,
        sex: person.sex,
        service: person.serviceCode,
        profession: job?.label ?? person.grade,
        contractType: person.contractType,
        startDate: person.startDate,
        ...(person.endDate === null ? {} : { endDate: person.endDate }),
        ...(person.rpps === null ? {} : { rpps: person.rpps }),
      },
    });
    if (person.adId !== null) {
      // AD is typed by hand: accents often dropped, employeeID sometimes missing.
      const plain = random.chance(0.35);
      const employeeId = random.chance(0.85) ? person.hrId : '';
      const sn = plain ? asciiUpper(person.lastName) : person.lastName;
      const givenName = plain ? asciiUpper(person.firstName) : person.firstName;
      records.push({
        sourceId: 'ad',
        recordKey: person.adId,
        raw: {
          sAMAccountName: person.adId,
          sn,
          givenName,
          mail: person.email ?? '',
          employeeID: employeeId,
          department: demoServices.find(([code]) => code === person.serviceCode)?.[1] ?? person.serviceCode,
        },
        attributes: {
          adId: person.adId,
          lastName: sn,
          firstName: givenName,
          ...(person.email === null ? {} : { email: person.email }),
          ...(employeeId === '' ? {} : { hrId: employeeId }),
          service: person.serviceCode,
          enabled: true,
        },
      });
    }
    if (person.rpps !== null && person.professionCode !== null) {
      records.push(registerRecord(person.rpps, person.lastName, person.firstName, person.sex, person.professionCode, establishment.finess[0]!));
      if (person.professionCode === '10' || person.professionCode === '60') {
        const login = `${normalizeForSearch(person.firstName).slice(0, 1)}${normalizeForSearch(person.lastName).replace(/ /g, '')}`.slice(0, 10);
        records.push({
          sourceId: 'dpi',
          recordKey: `${login}.${person.hrId.slice(-3)}`,
          raw: { login: `${login}.${person.hrId.slice(-3)}`, nom: person.lastName.toUpperCase(), prenom: person.firstName, rpps: person.rpps },
          attributes: { lastName: person.lastName.toUpperCase(), firstName: person.firstName, rpps: person.rpps },
        });
      }
    }
  }

  // Orphan AD accounts: former staff, shared and service accounts (15–25 % of AD in real life).
  const adCount = records.filter((record) => record.sourceId === 'ad').length;
  const orphanCount = Math.round(adCount * 0.2);
  for (let index = 0; index < orphanCount; index += 1) {
    const service = random.chance(0.25);
    if (service) {
      const name = `svc_${random.pick(['pacs', 'dpi', 'labo', 'impr', 'backup', 'scan'])}${index}`;
      records.push({
        sourceId: 'ad',
        recordKey: name,
        raw: { sAMAccountName: name, sn: '', givenName: '', mail: '', employeeID: '', department: 'Direction du numérique' },
        attributes: { adId: name, enabled: true },
      });
      continue;
    }
    const sex = random.chance(0.7) ? 'F' : 'M';
    const firstName = random.pick(sex === 'F' ? femaleFirstNames : maleFirstNames);
    const lastName = random.pickByRank(surnamesByFrequency);
    const adId = newLogin(firstName, lastName);
    const enabled = random.chance(0.4);
    records.push({
      sourceId: 'ad',
      recordKey: adId,
      raw: { sAMAccountName: adId, sn: lastName, givenName: firstName, mail: emailOf(firstName, lastName), employeeID: '', department: '' },
      attributes: { adId, lastName, firstName, email: emailOf(firstName, lastName), enabled },
    });
  }

  // Professionals registered elsewhere; one in ten is a homonym of a local professional.
  const localProfessionals = people.filter((person) => person.rpps !== null);
  for (let index = 0; index < externalProfessionals; index += 1) {
    const homonymOf = index % 10 === 0 ? random.pick(localProfessionals) : null;
    const sex = homonymOf?.sex ?? (random.chance(0.6) ? 'F' : 'M');
    const firstName = homonymOf?.firstName ?? random.pick(sex === 'F' ? femaleFirstNames : maleFirstNames);
    const lastName = homonymOf?.lastName ?? random.pickByRank(surnamesByFrequency);
    const code = homonymOf?.professionCode ?? random.pick(['10', '10', '60', '21', '70'] as const);
    records.push(registerRecord(newRpps(), lastName, firstName, sex, code, `99${pad(random.integer(1_000_000, 9_999_999), 7)}`));
  }

  return { establishment, sources, people, records, agents };
}

const professionLabels: Record<string, string> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '35': 'Aide-soignant',
  '50': 'Sage-Femme',
  '60': 'Infirmier',
  '70': 'Masseur-Kinésithérapeute',
};

function registerRecord(
  rpps: string,
  lastName: string,
  firstName: string,
  sex: 'M' | 'F',
  professionCode: string,
  finess: string,
): DemoSourceRecord {
  const exerciseName = asciiUpper(lastName);
  const exerciseFirstName = firstName.toUpperCase();
  return {
    sourceId: 'rpps',
    recordKey: rpps,
    raw: {
      "Type d'identifiant PP": '8',
      'Identifiant PP': rpps,
      'Identification nationale PP': `8${rpps}`,
      "Code civilité d'exercice": professionCode === '10' || professionCode === '21' ? 'DR' : '',
      'Code civilité': sex === 'F' ? 'MME' : 'M',
      "Nom d'exercice": exerciseName,
      "Prénom d'exercice": exerciseFirstName,
      'Code profession': professionCode,
      'Libellé profession': professionLabels[professionCode] ?? professionCode,
      'Numéro FINESS site': finess,
      'Numéro FINESS établissement juridique': finess,
    },
    attributes: {
      rpps,
      lastName: exerciseName,
      firstName: exerciseFirstName,
      sex,
      profession: professionCode,
    },
  };
}
