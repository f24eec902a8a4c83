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
 * a staff card (CPE) for each demo agent without RPPS, a DESFire EV2 badge for each person with an HR number, and test cards (random-UID DESFire,
 * MIFARE Classic, Ultralight). Cards are cheap descriptions until inserted.
 */
/** The simulated card a person logs in with: their CPS, or a staff card (CPE) for an agent without RPPS. */
export function simulatedLoginCardId({ identityId, rpps }: { identityId: string; rpps: string | null }): string {
  return `${rpps === null ? 'cpe' : 'cps'}:${identityId}`;
}

export function buildSimulatedCatalog(db: Database.Database, clock: Clock): SimulatedCardEntry[] {
  const people = db
    .prepare(
      `SELECT i.id, i.last_name, i.first_name, i.rpps, i.hr_id, i.profession, EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id AND a.active = 1) AS agent
       FROM identities i WHERE i.status != 'left' ORDER BY i.last_name, i.first_name, i.id`,
    )
    .all() as IdentityRow[];
  const entries: SimulatedCardEntry[] = [];
  for (const person of people) {
    const holderName = `${person.last_name.toUpperCase()} ${person.first_name}`;
    if (person.rpps !== null) {
      const hash = digest(`cps:${person.id}`);
      const generation = hash[0]! % 2 === 0 ? 'CPS3' : 'CPS4';
      const rpps = person.rpps;
      entries.push({
        id: simulatedLoginCardId({ identityId: person.id, rpps }),
        label: `${generation} — ${holderName}`,
        type: generation,
        identityId: person.id,
        holderName,
        interface: 'contact',
        create: async () => {
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
        },
      });
    }
    if (person.rpps === null && person.agent === 1) {
      // A demo agent without RPPS logs in with a staff card (CPE): the one the demo bound to them.
      const internalId = person.hr_id ?? person.id;
      entries.push({
        id: simulatedLoginCardId({ identityId: person.id, rpps: null }),
        label: `CPE (agent) — ${holderName}`,
        type: 'CPS4',
        identityId: person.id,
        holderName,
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
        type: 'DESFIRE',
        identityId: person.id,
        holderName,
        interface: 'contactless',
        create: async () => createDesfireCard({ generation: 'EV2', uid }),
      });
    }
  }
  const testCards: SimulatedCardEntry[] = [
    { id: 'test:desfire-ev3-random-uid', label: 'DESFire EV3 à UID aléatoire', type: 'DESFIRE', interface: 'contactless', create: async () => createDesfireCard({ generation: 'EV3', uid: '04C0FFEE000001', randomUid: true }) },
    { id: 'test:desfire-ev1', label: 'DESFire EV1 (ancien badge)', type: 'DESFIRE', interface: 'contactless', create: async () => createDesfireCard({ generation: 'EV1', uid: '04C0FFEE000002', storageCode: 0x18 }) },
    { id: 'test:mifare-classic-1k', label: 'MIFARE Classic 1K (badge parking)', type: 'MIFARE_CLASSIC_1K', interface: 'contactless', create: async () => createStorageCard({ kind: 'MIFARE_CLASSIC_1K', uid: 'A1B2C3D4' }) },
    { id: 'test:ultralight', label: 'MIFARE Ultralight (ticket visiteur)', type: 'MIFARE_ULTRALIGHT', interface: 'contactless', create: async () => createStorageCard({ kind: 'MIFARE_ULTRALIGHT', uid: '04A1B2C3D4E5F6' }) },
  ].map((card) => ({ ...card, identityId: null, holderName: null }) as SimulatedCardEntry);
  return [...testCards, ...entries];
}
