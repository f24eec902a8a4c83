export interface TlvNode {
  /** Tag bytes as one number (e.g. 0x5F20, 0xBF81). */
  tag: number;
  constructed: boolean;
  value: Uint8Array;
  /** Parsed children of a constructed node. */
  children: TlvNode[];
}

export type TlvParseResult = { ok: true; value: TlvNode[] } | { ok: false; error: string };

export interface ParseBerTlvOptions {
  /** Deeper nesting is refused: card data never nests this deep, hostile data might. */
  maxDepth?: number;
  /** Trailing `00`/`FF` bytes are padding in card files, not objects. */
  skipPadding?: boolean;
}

class TlvError extends Error {}

function parseLevel(bytes: Uint8Array, depth: number, maxDepth: number, skipPadding: boolean): TlvNode[] {
  if (depth > maxDepth) throw new TlvError(`Expected TLV nesting of at most ${maxDepth} levels`);
  const nodes: TlvNode[] = [];
  let index = 0;
  while (index < bytes.length) {
    if (skipPadding && (bytes[index] === 0x00 || bytes[index] === 0xff)) {
      index += 1;
      continue;
    }
    const first = bytes[index]!;
    let tag = first;
    index += 1;
    if ((first & 0x1f) === 0x1f) {
      // Multi-byte tag: continuation bit 8 on every byte but the last; 3 bytes is the most we accept.
      let more = true;
      let count = 0;
      while (more) {
        if (index >= bytes.length) throw new TlvError('TLV ends inside a tag');
        const next = bytes[index]!;
        index += 1;
        tag = tag * 256 + next;
        more = (next & 0x80) !== 0;
        count += 1;
        if (count > 3) throw new TlvError('Expected a tag of at most 4 bytes');
      }
    }
    if (index >= bytes.length) throw new TlvError(`TLV ends before the length of tag ${tag.toString(16).toUpperCase()}`);
    let length = bytes[index]!;
    index += 1;
    if (length === 0x80) throw new TlvError('Indefinite lengths are not used by cards');
    if (length > 0x80) {
      const lengthBytes = length & 0x7f;
      if (lengthBytes > 3) throw new TlvError(`Expected a length on at most 3 bytes, got ${lengthBytes}`);
      if (index + lengthBytes > bytes.length) throw new TlvError('TLV ends inside a length');
      length = 0;
      for (let count = 0; count < lengthBytes; count += 1) length = length * 256 + bytes[index + count]!;
      index += lengthBytes;
    }
    if (index + length > bytes.length) {
      throw new TlvError(`Tag ${tag.toString(16).toUpperCase()} announces ${length} bytes but only ${bytes.length - index} remain`);
    }
    const value = bytes.slice(index, index + length);
    index += length;
    const constructed = (first & 0x20) !== 0;
    nodes.push({ tag, constructed, value, children: constructed ? parseLevel(value, depth + 1, maxDepth, false) : [] });
  }
  return nodes;
}

/** Parses BER-TLV (ISO 7816-4 / ASN.1 DER subset). Never throws; bad input gives `{ok:false}`. */
export function parseBerTlv(bytes: Uint8Array, { maxDepth = 16, skipPadding = false }: ParseBerTlvOptions = {}): TlvParseResult {
  try {
    return { ok: true, value: parseLevel(bytes, 0, maxDepth, skipPadding) };
  } catch (error) {
    if (error instanceof TlvError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Depth-first search for the first node with `tag`. */
export function findTlv(nodes: TlvNode[], tag: number): TlvNode | undefined {
  for (const node of nodes) {
    if (node.tag === tag) return node;
    const inChild = findTlv(node.children, tag);
    if (inChild !== undefined) return inChild;
  }
  return undefined;
}
