export type StatusWordKind =
  | 'OK'
  | 'MORE_DATA'
  | 'WRONG_LE'
  | 'END_OF_FILE'
  | 'OFFSET_BEYOND_FILE'
  | 'FILE_NOT_FOUND'
  | 'WRONG_PIN'
  | 'PIN_BLOCKED'
  | 'SECURITY_NOT_SATISFIED'
  | 'DESFIRE_MORE_FRAMES'
  | 'DESFIRE_OK'
  | 'ERROR';

export interface StatusWord {
  kind: StatusWordKind;
  /** `61 xx` bytes available, `6C xx` exact Le, `63 Cx` tries left. */
  count: number | null;
  hex: string;
}

/** Classifies an ISO 7816-4 (and DESFire `91 xx`) status word. */
export function describeStatusWord(sw1: number, sw2: number): StatusWord {
  const hex = ((sw1 << 8) | sw2).toString(16).toUpperCase().padStart(4, '0');
  const make = (kind: StatusWordKind, count: number | null = null): StatusWord => ({ kind, count, hex });
  if (sw1 === 0x90 && sw2 === 0x00) return make('OK');
  if (sw1 === 0x61) return make('MORE_DATA', sw2 === 0 ? 256 : sw2);
  if (sw1 === 0x6c) return make('WRONG_LE', sw2 === 0 ? 256 : sw2);
  if (sw1 === 0x62 && sw2 === 0x82) return make('END_OF_FILE');
  if (sw1 === 0x6b && sw2 === 0x00) return make('OFFSET_BEYOND_FILE');
  if (sw1 === 0x6a && sw2 === 0x82) return make('FILE_NOT_FOUND');
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return make('WRONG_PIN', sw2 & 0x0f);
  if (sw1 === 0x69 && sw2 === 0x83) return make('PIN_BLOCKED');
  if (sw1 === 0x69 && sw2 === 0x82) return make('SECURITY_NOT_SATISFIED');
  if (sw1 === 0x91 && sw2 === 0xaf) return make('DESFIRE_MORE_FRAMES');
  if (sw1 === 0x91 && sw2 === 0x00) return make('DESFIRE_OK');
  return make('ERROR');
}
