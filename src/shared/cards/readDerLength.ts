/**
 * Total length (header included) of the DER object starting `bytes`, from its first bytes only:
 * certificate EFs are larger than the certificate and padded. Null when the header is not a
 * definite-length DER SEQUENCE (yet).
 */
export function readDerLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const lengthBytes = first & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 3 || bytes.length < 2 + lengthBytes) return null;
  let length = 0;
  for (let index = 0; index < lengthBytes; index += 1) length = length * 256 + bytes[2 + index]!;
  return 2 + lengthBytes + length;
}
