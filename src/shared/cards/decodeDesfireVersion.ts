import type { DesfireGeneration } from './cardTypes';
import { toHex } from './hex';

export interface DesfireVersion {
  vendor: number;
  hardwareType: number;
  hardwareMajor: number;
  hardwareMinor: number;
  generation: DesfireGeneration;
  storageBytes: number;
  /** Production UID from frame 3 (zeros when the card hides it behind random UID). */
  uid: string;
  batch: string;
  productionWeek: number;
  productionYear: number;
}

export type DesfireVersionResult = { ok: true; value: DesfireVersion } | { ok: false; error: string };

/** Storage byte b: 2^(b>>1) bytes; low bit set means "between that and the next power of two". */
export function storageBytesFromCode(code: number): number {
  return 2 ** (code >> 1);
}

function generationOf(type: number, major: number): DesfireGeneration {
  // High nibble of the type is the implementation (native, implementation, Java Card applet).
  const family = type & 0x0f;
  if (family === 0x08) return 'LIGHT';
  if (family !== 0x01) return 'OTHER';
  if (major === 0x01) return 'EV1';
  if (major === 0x12 || major === 0x22) return 'EV2';
  if (major === 0x33) return 'EV3';
  return 'OTHER';
}

/**
 * Decodes the 28 bytes of DESFire GetVersion (frames 1, 2 and 3 concatenated, status bytes
 * removed): hardware info, software info, UID, batch, production week and year (BCD).
 */
export function decodeDesfireVersion(bytes: Uint8Array): DesfireVersionResult {
  if (bytes.length !== 28) return { ok: false, error: `Expected 28 bytes of GetVersion data (7 + 7 + 14), got ${bytes.length}` };
  const [vendor, hardwareType, , hardwareMajor, hardwareMinor, storage] = bytes;
  const fromBcd = (byte: number) => (byte >> 4) * 10 + (byte & 0x0f);
  return {
    ok: true,
    value: {
      vendor: vendor!,
      hardwareType: hardwareType!,
      hardwareMajor: hardwareMajor!,
      hardwareMinor: hardwareMinor!,
      generation: generationOf(hardwareType!, hardwareMajor!),
      storageBytes: storageBytesFromCode(storage!),
      uid: toHex(bytes.slice(14, 21)),
      batch: toHex(bytes.slice(21, 26)),
      productionWeek: fromBcd(bytes[26]!),
      productionYear: 2000 + fromBcd(bytes[27]!),
    },
  };
}
