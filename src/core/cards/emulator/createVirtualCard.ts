import { createCpsCard } from './createCpsCard';
import { createDesfireCard } from './createDesfireCard';
import { createStorageCard, type StorageCardKind } from './createStorageCard';
import { generateCpsTestCertificates, type CpsHolder } from './generateCpsTestCertificates';
import type { VirtualCard } from './VirtualCard';
import type { VirtualCardKind } from './virtualCardKinds';


export interface VirtualCardSpec {
  kind: VirtualCardKind;
  /** Contactless UID (hex); a default per kind otherwise. */
  uid?: string;
  randomUid?: boolean;
  holder?: Partial<CpsHolder>;
  pin?: string;
  /** 5-byte CPS serial (hex). */
  serial?: string;
}

export const defaultCpsHolder: CpsHolder = {
  idNat: '810100271385',
  lastName: 'MARTIN',
  firstName: 'CLAIRE',
  profession: 'Médecin',
  notBefore: new Date('2025-01-15T00:00:00Z'),
  notAfter: new Date('2028-01-15T00:00:00Z'),
};

/** Builds any emulated card from a small spec (CLI `cards emulate`, tests, benchmark). */
export async function createVirtualCard({ kind, uid, randomUid = false, holder = {}, pin = '1234', serial = '0000012345' }: VirtualCardSpec): Promise<VirtualCard> {
  if (kind === 'cps3' || kind === 'cps4') {
    const certificates = await generateCpsTestCertificates({ ...defaultCpsHolder, ...holder });
    return createCpsCard({
      generation: kind === 'cps3' ? 'CPS3' : 'CPS4',
      serial,
      authenticationCertificate: certificates.authentication,
      signatureCertificate: certificates.signature,
      pin,
    });
  }
  if (kind.startsWith('desfire-')) {
    const generations: Record<string, 'EV1' | 'EV2' | 'EV3' | 'LIGHT'> = { 'desfire-ev1': 'EV1', 'desfire-ev2': 'EV2', 'desfire-ev3': 'EV3', 'desfire-light': 'LIGHT' };
    const generation = generations[kind]!;
    return createDesfireCard({ generation, uid: uid ?? '04112233445566', randomUid, storageCode: generation === 'LIGHT' ? 0x13 : 0x18 });
  }
  const storageKinds: Record<string, StorageCardKind> = { 'mifare-classic-1k': 'MIFARE_CLASSIC_1K', 'mifare-classic-4k': 'MIFARE_CLASSIC_4K', 'mifare-mini': 'MIFARE_MINI', ultralight: 'MIFARE_ULTRALIGHT' };
  const storageKind = storageKinds[kind]!;
  return createStorageCard({ kind: storageKind, uid: uid ?? (storageKind === 'MIFARE_ULTRALIGHT' ? '04A1B2C3D4E5F6' : 'A1B2C3D4') });
}
