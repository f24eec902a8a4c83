import { fromHex } from '../../../shared/cards/hex';
import { respond, type VirtualCard } from './VirtualCard';

export type StorageCardKind = 'MIFARE_CLASSIC_1K' | 'MIFARE_CLASSIC_4K' | 'MIFARE_MINI' | 'MIFARE_ULTRALIGHT';

/** PC/SC Part 3 ATRs a reader builds for these cards (contactless-badges.md). */
const atrs: Record<StorageCardKind, string> = {
  MIFARE_CLASSIC_1K: '3B8F8001804F0CA000000306030001000000006A',
  MIFARE_CLASSIC_4K: '3B8F8001804F0CA0000003060300020000000069',
  MIFARE_MINI: '3B8F8001804F0CA000000306030026000000004D',
  MIFARE_ULTRALIGHT: '3B8F8001804F0CA0000003060300030000000068',
};

const blockCounts: Record<StorageCardKind, number> = { MIFARE_CLASSIC_1K: 64, MIFARE_CLASSIC_4K: 256, MIFARE_MINI: 20, MIFARE_ULTRALIGHT: 16 };

/**
 * A MIFARE Classic or Ultralight card as a PC/SC contactless reader exposes it: GET DATA UID,
 * LOAD KEY / AUTHENTICATE (Classic, transport key FF…FF) and READ BINARY. Ultralight reads need
 * no authentication and return 4 pages.
 */
export function createStorageCard({ kind, uid }: { kind: StorageCardKind; uid: string }): VirtualCard {
  const uidBytes = fromHex(uid);
  const classic = kind !== 'MIFARE_ULTRALIGHT';
  const blockSize = classic ? 16 : 4;
  const memory = new Uint8Array(blockCounts[kind] * blockSize);
  memory.set(uidBytes.slice(0, Math.min(uidBytes.length, 9)));
  const transportKey = new Uint8Array(6).fill(0xff);
  const keys = new Map<number, Uint8Array>();
  let authenticatedSector: number | null = null;
  const sectorOf = (block: number) => (block < 128 ? Math.floor(block / 4) : 32 + Math.floor((block - 128) / 16));
  return {
    atr: fromHex(atrs[kind]),
    reset() {
      keys.clear();
      authenticatedSector = null;
    },
    transmit(apdu) {
      const [cla, ins, p1, p2] = apdu;
      if (cla !== 0xff) return respond([], 0x6e00);
      if (ins === 0xca && p1 === 0x00) return respond(uidBytes, 0x9000);
      if (ins === 0xca) return respond([], 0x6a81);
      if (ins === 0x82 && classic) {
        if (apdu[4] !== 6 || apdu.length < 11) return respond([], 0x6700);
        keys.set(p2!, apdu.slice(5, 11));
        return respond([], 0x9000);
      }
      if (ins === 0x86 && classic) {
        const block = apdu[7]!;
        const key = keys.get(apdu[9]!);
        if (block >= blockCounts[kind] || key === undefined || key.some((byte, index) => byte !== transportKey[index])) {
          authenticatedSector = null;
          return respond([], 0x6300);
        }
        authenticatedSector = sectorOf(block);
        return respond([], 0x9000);
      }
      if (ins === 0xb0) {
        const block = p2!;
        const length = apdu[4] === 0 || apdu[4] === undefined ? 16 : apdu[4];
        if (block >= blockCounts[kind]) return respond([], 0x6a82);
        if (classic && authenticatedSector !== sectorOf(block)) return respond([], 0x6982);
        const start = block * blockSize;
        const bytes = new Uint8Array(16);
        bytes.set(memory.slice(start, Math.min(start + 16, memory.length)));
        return respond(bytes.slice(0, Math.min(length, 16)), 0x9000);
      }
      return respond([], 0x6d00);
    },
  };
}
