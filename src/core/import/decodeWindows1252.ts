/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, Œ, œ, ’, …). Node 20's TextDecoder
 * treats "windows-1252" as Latin-1, so those 27 characters are mapped here.
 */
const highControls = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const c1Pattern = /[\u0080-\u009F]/g;

/** Decodes Windows-1252 bytes (a single-byte encoding: any chunk boundary is safe). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(c1Pattern, (char) => highControls[char.charCodeAt(0) - 0x80]!);
}
