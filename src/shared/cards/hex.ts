/** Hex upper case without separators: the form every card identifier takes in the desk. */
export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text.toUpperCase();
}

/** Parses hex, tolerating spaces and colons (`3B 8F…`, `04:A2:…`); throws on anything else. */
export function fromHex(text: string): Uint8Array {
  const compact = text.replace(/[\s:]/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(compact)) {
    throw new Error(`Expected hexadecimal bytes (pairs of 0-9A-F), got "${text.slice(0, 40)}"`);
  }
  const bytes = new Uint8Array(compact.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(compact.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
