import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SimulatedCardView } from '../../shared/api/cards.contract';
import { demoAgentCardSerial } from '../agents/seedDemoAgentCards';
import type { Clock } from '../clock';
import { createCpsCard } from './emulator/createCpsCard';
import { createDesfireCard } from './emulator/createDesfireCard';
import { createStorageCard } from './emulator/createStorageCard';
import { generateCpsTestCertificates } from './emulator/generateCpsTestCertificates';
import type { VirtualCard } from './emulator/VirtualCard';
import type { AgentRole } from '../../shared/api/deskActs';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';

/** Role words on the demo's agent cards (the card box is a training aid, in the desk's language of record). */
const agentRoleLabels: Record<AgentRole, string> = {
  'badge-office': 'agent du bureau des badges',
  'night-desk': 'agent du guichet de nuit',
  auditor: 'auditeur',
  admin: 'administrateur',
};

/** How many CPS the card box holds for professionals the directory does not link by RPPS yet. */
const unlinkedCpsCount = 6;

/**
 * Health professionals of the directory with no RPPS yet (not agents): their CPS, whose RPPS nobody
 * holds locally, leads the desk to the scored candidates with their explanation. Picked by a
 * stable hash so the same people come back at every start; never one of two namesakes, whose card
 * could not tell the desk which of them holds it.
 */
function pickUnlinkedProfessionals(people: readonly IdentityRow[]): string[] {
  const nameOf = (person: IdentityRow) => `${person.last_name.trim().toUpperCase()}|${person.first_name.trim().toUpperCase()}`;
  const bearers = new Map<string, number>();
  for (const person of people) bearers.set(nameOf(person), (bearers.get(nameOf(person)) ?? 0) + 1);
  return people
    .filter((person) => person.rpps === null && person.hr_id !== null && person.agent === 0 && person.profession !== null && person.last_name.trim() !== '' && bearers.get(nameOf(person)) === 1)
    .map((person) => ({ id: person.id, rank: digest(`unlinked:${person.id}`).toString('hex') }))
    .sort((a, b) => a.rank.localeCompare(b.rank))
    .slice(0, unlinkedCpsCount)
    .map((person) => person.id);
}

/** The demo hospital's FINESS: staff cards (CPE) carry `3<FINESS>/<internal id>` as idNat. */
const demoFiness = '990000011';

/** PIN of every simulated CPS (training cards): documented in the README. */
export const simulatedCpsPin = '1234';

export interface SimulatedCardEntry extends SimulatedCardView {
  interface: 'contact' | 'contactless';
  /** Builds the card once (certificates are generated on first use). */
  create(): Promise<VirtualCard>;
}

interface IdentityRow {
  id: string;
  agent: number;
  agent_role: AgentRole | null;
  last_name: string;
  first_name: string;
  rpps: string | null;
  hr_id: string | null;
  profession: string | null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Deterministic 7-byte NXP-style UID (`04…`) for a person's badge. */
function badgeUid(identityId: string): string {
  return `04${digest(`badge:${identityId}`).subarray(0, 6).toString('hex').toUpperCase()}`;
}

function years(date: Date, count: number): Date {
  const shifted = new Date(date);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + count);
  return shifted;
}

/**
 * The simulated readers' card box: a CPS for each demo person with an RPPS number (CPS3 or CPS4),
 * a CPS for a few professionals whose RPPS the directory does not know yet (candidates view),
 * a staff card (CPE) for each demo agent without RPPS (every agent card names its role), a DESFire EV2 badge for each person with an HR number, and test cards (random-UID DESFire,
 * MIFARE Classic, Ultralight). Cards are cheap descriptions until inserted.
 */
/** The simulated card a person logs in with: their CPS, or a staff card (CPE) for an agent without RPPS. */
export function simulatedLoginCardId({ identityId, rpps }: { identityId: string; rpps: string | null }): string {
  return `${rpps === null ? 'cpe' : 'cps'}:${identityId}`;
}

export function buildSimulatedCatalog(db: Database.Database, clock: Clock): SimulatedCardEntry[] {
  const people = db
    .prepare(
      `SELECT i.id, i.last_name, i.first_name, i.rpps, i.hr_id, i.profession, EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id AND a.active = 1) AS agent,
              (SELECT a.role FROM agents a WHERE a.identity_id = i.id AND a.active = 1) AS agent_role
       FROM identities i WHERE i.status != 'left' ORDER BY i.last_name, i.first_name, i.id`,
    )
    .all() as IdentityRow[];
  const entries: SimulatedCardEntry[] = [];
  const unlinked = new Set(pickUnlinkedProfessionals(people));
  for (const person of people) {
    const holderName = `${person.last_name.toUpperCase()} ${person.first_name}`;
    // Which card opens which role: the card box says it on every agent card.
    const roleSuffix = person.agent_role === null ? '' : ` · ${agentRoleLabels[person.agent_role]}`;
    const agentRole = person.agent_role;
    if (unlinked.has(person.id)) {
      const rpps = appendRppsCheckDigit(`98${(digest(`unlinked-rpps:${person.id}`).readUInt32BE(0) % 100_000_000).toString().padStart(8, '0')}`);
      entries.push({
        id: `cps-unlinked:${person.id}`,
        label: `CPS4 — ${holderName} (RPPS pas encore dans l’annuaire)`,
        model: 'CPS4',
        note: 'rpps-not-in-directory',
        type: 'CPS4',
        identityId: person.id,
        holderName,
        agentRole: null,
        interface: 'contact',
        create: () => createProfessionalCps(clock, person, rpps, 'CPS4', digest(`cps-unlinked:${person.id}`)),
      });
    }
    if (person.rpps !== null) {
      const hash = digest(`cps:${person.id}`);
      const generation = hash[0]! % 2 === 0 ? 'CPS3' : 'CPS4';
      const rpps = person.rpps;
      entries.push({
        id: simulatedLoginCardId({ identityId: person.id, rpps }),
        label: `${generation} — ${holderName}${roleSuffix}`,
        model: generation,
        note: null,
        type: generation,
        identityId: person.id,
        holderName,
        agentRole,
        interface: 'contact',
        create: () => createProfessionalCps(clock, person, rpps, generation, hash),
      });
    }
    if (person.rpps === null && person.agent === 1) {
      // A demo agent without RPPS logs in with a staff card (CPE): the one the demo bound to them.
      const internalId = person.hr_id ?? person.id;
      entries.push({
        id: simulatedLoginCardId({ identityId: person.id, rpps: null }),
        label: `CPE — ${holderName}${roleSuffix}`,
        model: 'CPE',
        note: null,
        type: 'CPS4',
        identityId: person.id,
        holderName,
        agentRole,
        interface: 'contact',
        create: async () => {
          const today = clock.now();
          const certificates = await generateCpsTestCertificates({
            idNat: `3${demoFiness}/${internalId}`,
            lastName: person.last_name.toUpperCase(),
            firstName: person.first_name.toUpperCase(),
            profession: 'Carte de service santé ou social',
            notBefore: years(today, -1),
            notAfter: years(today, 2),
          });
          return createCpsCard({
            generation: 'CPS4',
            serial: demoAgentCardSerial(person.id),
            authenticationCertificate: certificates.authentication,
            signatureCertificate: certificates.signature,
            pin: simulatedCpsPin,
          });
        },
      });
    }
    if (person.hr_id !== null) {
      const uid = badgeUid(person.id);
      entries.push({
        id: `badge:${person.id}`,
        label: `Badge DESFire EV2 — ${holderName}`,
        model: 'Badge DESFire EV2',
        note: null,
        type: 'DESFIRE',
        identityId: person.id,
        holderName,
        agentRole: null,
        interface: 'contactless',
        create: async () => createDesfireCard({ generation: 'EV2', uid }),
      });
    }
  }
  const testCards: SimulatedCardEntry[] = [
    { id: 'test:desfire-ev3-random-uid', label: 'DESFire EV3 à UID aléatoire', model: 'DESFire EV3', note: 'random-uid', type: 'DESFIRE', interface: 'contactless', create: async () => createDesfireCard({ generation: 'EV3', uid: '04C0FFEE000001', randomUid: true }) },
    { id: 'test:desfire-ev1', label: 'DESFire EV1 (ancien badge)', model: 'DESFire EV1', note: 'old-badge', type: 'DESFIRE', interface: 'contactless', create: async () => createDesfireCard({ generation: 'EV1', uid: '04C0FFEE000002', storageCode: 0x18 }) },
    { id: 'test:mifare-classic-1k', label: 'MIFARE Classic 1K (badge parking)', model: 'MIFARE Classic 1K', note: 'parking-badge', type: 'MIFARE_CLASSIC_1K', interface: 'contactless', create: async () => createStorageCard({ kind: 'MIFARE_CLASSIC_1K', uid: 'A1B2C3D4' }) },
    { id: 'test:ultralight', label: 'MIFARE Ultralight (ticket visiteur)', model: 'MIFARE Ultralight', note: 'visitor-ticket', type: 'MIFARE_ULTRALIGHT', interface: 'contactless', create: async () => createStorageCard({ kind: 'MIFARE_ULTRALIGHT', uid: '04A1B2C3D4E5F6' }) },
  ].map((card) => ({ ...card, identityId: null, holderName: null, agentRole: null }) as SimulatedCardEntry);
  return [...testCards, ...entries];
}

/** A professional's CPS (idNat `8<RPPS>`), its serial taken from `hash`; certificates are made when first inserted. */
async function createProfessionalCps(clock: Clock, person: IdentityRow, rpps: string, generation: 'CPS3' | 'CPS4', hash: Buffer): Promise<VirtualCard> {
  const today = clock.now();
  const certificates = await generateCpsTestCertificates({
    idNat: `8${rpps}`,
    lastName: person.last_name.toUpperCase(),
    firstName: person.first_name.toUpperCase(),
    profession: person.profession ?? 'Professionnel de santé',
    notBefore: years(today, -1),
    notAfter: years(today, 2),
  });
  return createCpsCard({
    generation,
    serial: hash.subarray(1, 6).toString('hex').toUpperCase(),
    authenticationCertificate: certificates.authentication,
    signatureCertificate: certificates.signature,
    pin: simulatedCpsPin,
  });
}
