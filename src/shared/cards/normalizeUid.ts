import { toHex } from './hex';

export type UidResult = { ok: true; uid: string; randomUid: boolean } | { ok: false; error: string };

/**
 * ISO 14443 UIDs are 4 (single), 7 (double) or 10 (triple size) bytes. A 4-byte UID starting `08`
 * is a random ID (a new one at every tap): it must never identify anyone.
 */
export function normalizeUid(bytes: Uint8Array): UidResult {
  if (bytes.length !== 4 && bytes.length !== 7 && bytes.length !== 10) {
    return { ok: false, error: `Expected a UID of 4, 7 or 10 bytes, got ${bytes.length}` };
  }
  return { ok: true, uid: toHex(bytes), randomUid: bytes.length === 4 && bytes[0] === 0x08 };
}
