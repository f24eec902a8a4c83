import type { ReconcileRecord } from '../../src/core/reconcile/reconcileRecords';
import { createSeededRandom, type SeededRandom } from '../../src/core/demo/createSeededRandom';
import { demoJobs, demoServices, femaleFirstNames, maleFirstNames, surnamesByFrequency } from '../../src/core/demo/frenchNames';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';
import { normalizeForSearch } from '../../src/shared/text/normalizeForSearch';

/** A generated record with the truth: the local person it belongs to (null: nobody who works here). */
export interface LabelledRecord extends ReconcileRecord {
  personId: string | null;
  /** The generator's reason when nobody is behind the record or it is a second account. */
  truthOrphan?: 'generic' | 'unknown' | 'departed' | 'duplicate';
}

export interface SyntheticHospital {
  establishmentFiness: string[];
  records: LabelledRecord[];
  /** Person ids that share first and last name with another local person. */
  homonymPersonIds: Set<string>;
}

export interface GenerateSyntheticHospitalOptions {
  seed?: number;
  employees?: number;
  /** National register rows of professionals working elsewhere, per local employee. */
  externalRegisterPerEmployee?: number;
  applications?: number;
  applicationAccounts?: number;
  today?: string;
}

const syllables = ['ker', 'le', 'bar', 'mon', 'tel', 'gal', 'ro', 'vin', 'chal', 'pa', 'du', 'ber', 'lan', 'go', 'mar', 'ti', 'ven', 'sau', 'lec', 'bou', 'ri', 'gne', 'ste', 'val', 'cor', 'nic', 'fau', 'quet', 'lot', 'zan'];
const extraFirstNames = { F: ['Laure', 'Yvonne', 'Mireille', 'Pauline', 'Justine', 'Margaux', 'Lucie', 'Louise', 'Jeanne', 'Alice', 'Emma', 'Sarah'], M: ['Yves', 'Bruno', 'Gilles', 'Thierry', 'Xavier', 'Arnaud', 'Romain', 'Bastien', 'Quentin', 'Adrien', 'Paul', 'Louis'] };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/œ/gi, 'oe');
}

/** One typing error: a swapped, dropped, doubled or replaced letter. */
function typo(random: SeededRandom, text: string): string {
  if (text.length < 4) return text;
  const at = random.integer(1, text.length - 2);
  switch (random.integer(0, 3)) {
    case 0:
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text[at] + text.slice(at);
    default:
      return text.slice(0, at) + 'aeiou'[random.integer(0, 4)]! + text.slice(at + 1);
  }
}

interface Person {
  id: string;
  sex: 'M' | 'F';
  birthName: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  hrId: string;
  rpps: string | null;
  professionCode: string | null;
  grade: string;
  service: string;
  endDate: string | null;
  login: string;
  email: string;
  hasAd: boolean;
}

/**
 * A labelled synthetic hospital for measuring the reconciliation engine: HR export, national
 * register rows (staff at the establishment's FINESS plus professionals elsewhere, some homonyms
 * of staff), Active Directory (typed by hand, with orphans and service accounts) and application
 * accounts (one-column names, swapped birth dates, duplicates), all from one seed.
 */
export function generateSyntheticHospital({
  seed = 4242,
  employees = 1000,
  externalRegisterPerEmployee = 1,
  applications = 3,
  applicationAccounts = Math.round(employees * 0.4),
  today = '2026-11-29',
}: GenerateSyntheticHospitalOptions = {}): SyntheticHospital {
  const random = createSeededRandom(seed);
  const establishmentFiness = ['990000011', '990000029'];
  const generatedSurnames = Array.from({ length: Math.max(400, Math.round(employees / 4)) }, () =>
    Array.from({ length: random.integer(2, 3) }, () => random.pick(syllables)).join('').replace(/^./, (c) => c.toUpperCase()),
  );
  const surnames = [...surnamesByFrequency, ...generatedSurnames];
  const firstNamesOf = (sex: 'M' | 'F') => [...(sex === 'F' ? femaleFirstNames : maleFirstNames), ...extraFirstNames[sex]];
  const usedRpps = new Set<string>();
  const newRpps = () => {
    for (;;) {
      const rpps = appendRppsCheckDigit(`99${pad(random.integer(0, 99_999_999), 8)}`);
      if (!usedRpps.has(rpps)) return usedRpps.add(rpps), rpps;
    }
  };
  const usedLogins = new Set<string>();
  const newLogin = (first: string, last: string, style: number) => {
    const f = normalizeForSearch(first).replace(/ /g, '');
    const l = normalizeForSearch(last).replace(/ /g, '');
    const base = style === 0 ? `${f[0]}${l}`.slice(0, 12) : style === 1 ? `${f}.${l}` : `${l}_${f.slice(0, 3)}`;
    let login = base;
    for (let suffix = 2; usedLogins.has(login); suffix += 1) login = `${base}${suffix}`;
    usedLogins.add(login);
    return login;
  };
  const usedEmails = new Set<string>();
  // Mail systems keep addresses unique: a homonym gets "prenom.nom2".
  const newEmail = (first: string, last: string) => {
    const base = `${normalizeForSearch(first).replace(/ /g, '-')}.${normalizeForSearch(last).replace(/ /g, '-')}`;
    let local = base;
    for (let suffix = 2; usedEmails.has(local); suffix += 1) local = `${base}${suffix}`;
    usedEmails.add(local);
    return `${local}@hopital.fr`;
  };
  const drawSurname = () => (random.chance(0.5) ? random.pickByRank(surnames) : random.pick(surnames));

  const people: Person[] = [];
  const homonymPersonIds = new Set<string>();
  for (let index = 0; index < employees; index += 1) {
    const sex = random.chance(0.72) ? 'F' : 'M';
    let birthName = drawSurname();
    let firstName = random.pick(firstNamesOf(sex));
    // Homonyms (1–3 %): a second person with the same first and last name.
    const twin = people.length > 10 && random.chance(0.02) ? random.pick(people.filter((p) => p.sex === sex && p.birthName === p.lastName)) : undefined;
    if (twin !== undefined) {
      birthName = twin.birthName;
      firstName = twin.firstName;
      homonymPersonIds.add(twin.id).add(`P${index}`);
    }
    const married = twin === undefined && sex === 'F' && random.chance(0.25);
    const lastName = married ? (random.chance(0.2) ? `${drawSurname()}-${birthName}` : drawSurname()) : birthName;
    const job = random.pick(demoJobs.flatMap((candidate) => Array<(typeof demoJobs)[number]>(candidate.weight).fill(candidate)));
    const hasRpps = job.g15 !== null && random.chance(job.g15 === '35' ? 0.5 : 0.97);
    const styleOfLogin = random.integer(0, 2);
    const login = newLogin(firstName, lastName, styleOfLogin);
    people.push({
      id: `P${index}`,
      sex,
      birthName,
      lastName,
      firstName,
      birthDate: `${random.integer(1958, 2004)}-${pad(random.integer(1, 12), 2)}-${pad(random.integer(1, 28), 2)}`,
      hrId: pad(100_000 + index, 7),
      rpps: hasRpps ? newRpps() : null,
      professionCode: job.g15,
      grade: job.grade,
      service: random.pick(demoServices)[0],
      endDate: random.chance(0.04) ? addDays(today, random.integer(-200, -1)) : null,
      login,
      email: newEmail(firstName, lastName),
      hasAd: random.chance(0.95),
    });
  }

  const records: LabelledRecord[] = [];
  for (const person of people) {
    records.push({
      sourceId: 'sirh',
      role: 'hr',
      key: person.hrId,
      personId: person.id,
      attributes: {
        hrId: person.hrId,
        lastName: person.lastName.toUpperCase(),
        birthName: person.birthName.toUpperCase(),
        firstName: person.firstName,
        birthDate: person.birthDate,
        sex: person.sex,
        profession: person.grade,
        service: person.service,
        ...(person.endDate === null ? {} : { endDate: person.endDate }),
        // Most HR exports do not know the RPPS.
        ...(person.rpps !== null && random.chance(0.4) ? { rpps: person.rpps } : {}),
      },
    });
    if (person.rpps !== null && person.professionCode !== null) {
      const exerciseName = person.lastName !== person.birthName && random.chance(0.4) ? person.birthName : person.lastName;
      records.push(registerRecord(person.rpps, exerciseName, person.firstName, person.professionCode, [random.chance(0.9) ? establishmentFiness[0]! : establishmentFiness[1]!], person.id));
    }
    if (person.hasAd) {
      let sn = person.lastName;
      let givenName = person.firstName;
      if (random.chance(0.35)) [sn, givenName] = [ascii(sn).toUpperCase(), ascii(givenName)];
      if (random.chance(0.03)) sn = typo(random, sn);
      if (random.chance(0.02)) givenName = `${givenName[0]}.`;
      if (random.chance(0.01)) [sn, givenName] = [givenName, sn];
      records.push({
        sourceId: 'ad',
        role: 'directory',
        key: person.login,
        personId: person.id,
        ...(person.endDate !== null ? { truthOrphan: 'departed' as const } : {}),
        attributes: {
          adId: person.login,
          lastName: sn,
          firstName: givenName,
          email: person.email,
          service: person.service,
          ...(random.chance(0.8) ? { hrId: person.hrId } : {}),
        },
      });
    }
  }
  // National register rows for professionals elsewhere; some are homonyms of local staff.
  const localProfessionals = people.filter((person) => person.professionCode !== null);
  for (let index = 0; index < employees * externalRegisterPerEmployee; index += 1) {
    const homonymOf = random.chance(0.03) ? random.pick(localProfessionals) : undefined;
    const sex = homonymOf?.sex ?? (random.chance(0.6) ? 'F' : 'M');
    records.push(
      registerRecord(
        newRpps(),
        homonymOf?.lastName ?? drawSurname(),
        homonymOf?.firstName ?? random.pick(firstNamesOf(sex)),
        homonymOf?.professionCode ?? random.pick(['10', '60', '21', '70', '35']),
        [`99${pad(random.integer(1_000_000, 9_999_999), 7)}`],
        null,
      ),
    );
  }
  // Orphan AD accounts (≈ 20 %): former staff, temporary staff never in HR, and service accounts.
  const adCount = records.filter((record) => record.sourceId === 'ad').length;
  for (let index = 0; index < Math.round(adCount * 0.2); index += 1) {
    if (random.chance(0.25)) {
      const name = `svc_${random.pick(['pacs', 'dpi', 'labo', 'impr', 'backup', 'scan'])}${index}`;
      records.push({ sourceId: 'ad', role: 'directory', key: name, personId: null, truthOrphan: 'generic', attributes: { adId: name, service: 'DSI' } });
      continue;
    }
    const sex = random.chance(0.7) ? 'F' : 'M';
    const firstName = random.pick(firstNamesOf(sex));
    const lastName = drawSurname();
    const login = newLogin(firstName, lastName, 0);
    records.push({ sourceId: 'ad', role: 'directory', key: login, personId: null, truthOrphan: 'unknown', attributes: { adId: login, lastName, firstName } });
  }
  // Business applications: each knows a different subset of identifiers and writes names its own way.
  for (let app = 0; app < applications; app += 1) {
    const sourceId = `app${app + 1}`;
    const users = people.filter(() => random.chance(applicationAccounts / employees));
    for (const person of users) {
      const copies = random.chance(0.02) ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) {
        // Most applications authenticate against AD: their account is the AD login.
        const key = `${person.hasAd ? person.login : `${person.hrId}`}${copy === 0 ? '' : `.${copy + 1}`}@${sourceId}`;
        let birthDate: string | undefined = person.birthDate;
        if (random.chance(0.05)) birthDate = undefined;
        else if (random.chance(0.03) && Number(person.birthDate.slice(8, 10)) <= 12) birthDate = `${person.birthDate.slice(0, 4)}-${person.birthDate.slice(8, 10)}-${person.birthDate.slice(5, 7)}`;
        const attributes: LabelledRecord['attributes'] =
          app === 0
            ? { lastName: ascii(person.lastName).toUpperCase(), firstName: person.firstName, ...(person.hasAd ? { adId: person.login } : {}), ...(person.rpps !== null && random.chance(0.7) ? { rpps: person.rpps } : {}), profession: person.grade }
            : app === 1
              ? { fullName: random.chance(0.5) ? `${person.firstName} ${person.lastName.toUpperCase()}` : `${person.lastName.toUpperCase()} ${person.firstName}`, ...(birthDate === undefined ? {} : { birthDate }) }
              : { lastName: random.chance(0.05) ? typo(random, person.lastName) : person.lastName, firstName: random.chance(0.1) ? person.firstName.split(/[- ]/)[0]! : person.firstName, ...(birthDate === undefined ? {} : { birthDate }), email: person.email, ...(random.chance(0.5) ? { hrId: person.hrId } : {}) };
        records.push({ sourceId, role: 'application', key, personId: person.id, ...(copy > 0 ? { truthOrphan: 'duplicate' as const } : person.endDate !== null ? { truthOrphan: 'departed' as const } : {}), attributes });
      }
    }
    // Accounts of people who are not staff (students, vendors).
    for (let index = 0; index < Math.round(users.length * 0.03); index += 1) {
      const sex = random.chance(0.6) ? 'F' : 'M';
      records.push({ sourceId, role: 'application', key: `ext${index}@${sourceId}`, personId: null, truthOrphan: 'unknown', attributes: { lastName: drawSurname(), firstName: random.pick(firstNamesOf(sex)) } });
    }
  }
  return { establishmentFiness, records, homonymPersonIds };
}

function registerRecord(rpps: string, lastName: string, firstName: string, professionCode: string, finess: string[], personId: string | null): LabelledRecord {
  return {
    sourceId: 'rpps',
    role: 'register',
    key: rpps,
    personId,
    finess,
    attributes: { rpps, lastName: ascii(lastName).toUpperCase(), firstName: ascii(firstName).toUpperCase(), profession: professionCode },
  };
}
