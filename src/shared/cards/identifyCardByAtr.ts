import { toHex } from './hex';
import { parseAtr } from './parseAtr';

/**
 * What the ATR alone says. `CPS_FAMILY`: ANS historical bytes but an ATR we do not know (probe
 * it). `ISO14443_4`: a contactless smart card (DESFire and others) to probe with GetVersion.
 */
export type AtrIdentification =
  | 'CPS3'
  | 'CPS4'
  | 'CPS_FAMILY'
  | 'MIFARE_CLASSIC_1K'
  | 'MIFARE_CLASSIC_4K'
  | 'MIFARE_MINI'
  | 'MIFARE_ULTRALIGHT'
  | 'ISO14443_3_OTHER'
  | 'ISO14443_4'
  | 'UNKNOWN';

const knownCpsAtrs: Record<string, 'CPS3' | 'CPS4'> = {
  '3BAC00402A001225006480000310009000': 'CPS3',
  '3B8F80010031B86404B0ECC1739401808290000E': 'CPS3',
  '3B9B188001001225006480040100009044': 'CPS4',
  '3B9B188001001225006480000401009044': 'CPS4',
  '3BDC18FF00001225006480000401009000': 'CPS4',
};

const ansFamilyMarker = '1225006480';

/** PC/SC Part 3 storage-card names (bytes C0 C1 of the ATR built by the reader). */
const storageCardNames: Record<number, AtrIdentification> = {
  0x0001: 'MIFARE_CLASSIC_1K',
  0x0002: 'MIFARE_CLASSIC_4K',
  0x0003: 'MIFARE_ULTRALIGHT',
  0x0026: 'MIFARE_MINI',
  0x003a: 'MIFARE_ULTRALIGHT',
};

/** Identifies a card from its whole ATR (PC/SC Part 3 for contactless, ANS table for CPS). */
export function identifyCardByAtr(atr: Uint8Array): AtrIdentification {
  const hex = toHex(atr);
  const known = knownCpsAtrs[hex];
  if (known !== undefined) return known;
  const parsed = parseAtr(atr);
  if (!parsed.ok) return 'UNKNOWN';
  const historical = parsed.value.historicalBytes;
  if (toHex(historical).includes(ansFamilyMarker)) return 'CPS_FAMILY';
  // Contactless cards seen through a PC/SC reader: 3B 8N 80 01 …
  const contactless = atr.length >= 4 && (atr[1]! & 0xf0) === 0x80 && atr[2] === 0x80 && atr[3] === 0x01;
  if (!contactless) return 'UNKNOWN';
  const isStorageCard = historical.length >= 11 && historical[0] === 0x80 && historical[1] === 0x4f && toHex(historical.slice(3, 8)) === 'A000000306';
  if (isStorageCard) {
    const name = (historical[9]! << 8) | historical[10]!;
    return storageCardNames[name] ?? 'ISO14443_3_OTHER';
  }
  return 'ISO14443_4';
}
