import { parseBerTlv, type TlvNode } from './parseBerTlv';

export interface Pkcs15Path {
  /** File ids: one FID relative to the application DF, or an absolute path starting 3F00. */
  path: Uint8Array;
  absolute: boolean;
}

export type Pkcs15PathsResult = { ok: true; paths: Pkcs15Path[] } | { ok: false; error: string };

const sequence = 0x30;
const octetString = 0x04;

/** A PKCS#15 Path is `SEQUENCE { path OCTET STRING, [index, length] }`. */
function pathOf(node: TlvNode): Pkcs15Path | null {
  if (node.tag !== sequence) return null;
  const first = node.children[0];
  if (first === undefined || first.tag !== octetString || first.value.length < 2 || first.value.length % 2 !== 0) return null;
  return { path: first.value, absolute: first.value[0] === 0x3f && first.value[1] === 0x00 };
}

function firstPathWithin(node: TlvNode): Pkcs15Path | null {
  const own = pathOf(node);
  if (own !== null) return own;
  for (const child of node.children) {
    const found = firstPathWithin(child);
    if (found !== null) return found;
  }
  return null;
}

/**
 * ISO 7816-15 directory files. `odf`: entries whose tag is `entryTag` (A4 = certificates) give
 * the CDF path. `cdf`: each certificate object's `[1]` type attributes hold the certificate path.
 * Padding (00/FF) after the objects is skipped.
 */
export function readPkcs15Paths(content: Uint8Array, { kind, entryTag = 0xa4 }: { kind: 'odf' | 'cdf'; entryTag?: number }): Pkcs15PathsResult {
  const parsed = parseBerTlv(content, { skipPadding: true });
  if (!parsed.ok) return { ok: false, error: `Unreadable PKCS#15 ${kind.toUpperCase()}: ${parsed.error}` };
  const paths: Pkcs15Path[] = [];
  for (const entry of parsed.value) {
    if (kind === 'odf') {
      if (entry.tag !== entryTag) continue;
      const path = firstPathWithin(entry);
      if (path !== null) paths.push(path);
    } else {
      // CertificateObject: SEQUENCE { commonObjectAttributes, commonCertificateAttributes, [1] typeAttributes }
      const typeAttributes = entry.children.find((child) => child.tag === 0xa1);
      const path = typeAttributes === undefined ? null : firstPathWithin(typeAttributes);
      if (path !== null) paths.push(path);
    }
  }
  return { ok: true, paths };
}
