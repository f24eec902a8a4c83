export interface ParsedAtr {
  /** Transmission protocols announced by the TD bytes (T=0 when none). */
  protocols: number[];
  historicalBytes: Uint8Array;
  /** Present when a protocol other than T=0 is announced. */
  checkByte: number | null;
  checkByteValid: boolean | null;
}

export type AtrParseResult = { ok: true; value: ParsedAtr } | { ok: false; error: string };

/** Parses an ISO 7816-3 answer-to-reset. Never throws: a malformed ATR gives `{ok:false}`. */
export function parseAtr(atr: Uint8Array): AtrParseResult {
  if (atr.length < 2 || atr.length > 33) return { ok: false, error: `Expected an ATR of 2 to 33 bytes, got ${atr.length}` };
  if (atr[0] !== 0x3b && atr[0] !== 0x3f) return { ok: false, error: `Expected TS 3B or 3F, got ${atr[0]!.toString(16).toUpperCase()}` };
  const t0 = atr[1]!;
  const historicalLength = t0 & 0x0f;
  const protocols: number[] = [];
  let index = 2;
  let indicator = t0 >> 4;
  // Each Y nibble announces up to four interface bytes TA, TB, TC, TD; TD chains the next group.
  for (;;) {
    const interfaceBytes = (indicator & 1) + ((indicator >> 1) & 1) + ((indicator >> 2) & 1);
    index += interfaceBytes;
    if ((indicator & 0x08) === 0) break;
    if (index >= atr.length) return { ok: false, error: 'ATR ends inside its interface bytes' };
    const td = atr[index]!;
    index += 1;
    protocols.push(td & 0x0f);
    indicator = td >> 4;
  }
  if (index + historicalLength > atr.length) return { ok: false, error: `ATR announces ${historicalLength} historical bytes but ends before them` };
  const historicalBytes = atr.slice(index, index + historicalLength);
  index += historicalLength;
  const needsCheck = protocols.some((protocol) => protocol !== 0);
  let checkByte: number | null = null;
  let checkByteValid: boolean | null = null;
  if (needsCheck) {
    if (index >= atr.length) return { ok: false, error: 'ATR lacks its check byte TCK' };
    checkByte = atr[index]!;
    let xor = 0;
    for (let position = 1; position <= index; position += 1) xor ^= atr[position]!;
    checkByteValid = xor === 0;
    index += 1;
  }
  if (index !== atr.length) return { ok: false, error: `ATR has ${atr.length - index} unexpected trailing byte(s)` };
  return { ok: true, value: { protocols: protocols.length === 0 ? [0] : [...new Set(protocols)], historicalBytes, checkByte, checkByteValid } };
}
