import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { convertCertBufferToPEM, isoBase64URL, validateCertificatePath } from './webauthnHelpers';
import type { MDSJWTPayload } from '@simplewebauthn/server';

export type MetadataBlobVerification = { ok: true; payload: MDSJWTPayload } | { ok: false; reason: string };

const hashOfAlg: Record<string, { hash: string; ec: boolean }> = {
  ES256: { hash: 'sha256', ec: true },
  ES384: { hash: 'sha384', ec: true },
  ES512: { hash: 'sha512', ec: true },
  RS256: { hash: 'sha256', ec: false },
  RS384: { hash: 'sha384', ec: false },
  RS512: { hash: 'sha512', ec: false },
};

/**
 * Verifies an MDS3 BLOB offline: its x5c chain must lead to one of `trustAnchors` (PEM) and its
 * JWS signature must verify with the leaf certificate. CRL lookups that cannot reach the network
 * fail open (the desk is offline by design); a revoked certificate in a reachable CRL fails.
 */
export async function verifyMetadataBlob(jwt: string, trustAnchors: string[]): Promise<MetadataBlobVerification> {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return { ok: false, reason: 'expected a JWT (three base64url parts separated by dots)' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: { alg?: string; x5c?: string[] };
  let payload: MDSJWTPayload;
  try {
    header = JSON.parse(isoBase64URL.toUTF8String(headerPart)) as typeof header;
    payload = JSON.parse(isoBase64URL.toUTF8String(payloadPart)) as MDSJWTPayload;
  } catch {
    return { ok: false, reason: 'the JWT header or payload is not base64url JSON' };
  }
  const algorithm = hashOfAlg[header.alg ?? ''];
  if (algorithm === undefined) return { ok: false, reason: `unsupported JWS alg "${header.alg}", expected one of ${Object.keys(hashOfAlg).join(', ')}` };
  if (!Array.isArray(header.x5c) || header.x5c.length === 0) return { ok: false, reason: 'the JWT header has no x5c certificate chain' };
  const chain = header.x5c.map((certificate) => convertCertBufferToPEM(isoBase64URL.toBuffer(certificate, 'base64')));
  try {
    await validateCertificatePath(chain, trustAnchors);
  } catch (error) {
    return { ok: false, reason: `the signing certificate does not chain to a trusted root: ${(error as Error).message}` };
  }
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const key = createPublicKey(new X509Certificate(chain[0]!).publicKey.export({ format: 'pem', type: 'spki' }));
  const signature = Buffer.from(isoBase64URL.toBuffer(signaturePart));
  const valid = verify(algorithm.hash, signed, algorithm.ec ? { key, dsaEncoding: 'ieee-p1363' } : key, signature);
  if (!valid) return { ok: false, reason: 'the JWS signature does not verify with the signing certificate' };
  if (typeof payload.no !== 'number' || typeof payload.nextUpdate !== 'string' || !Array.isArray(payload.entries)) {
    return { ok: false, reason: 'the payload lacks no, nextUpdate or entries' };
  }
  return { ok: true, payload };
}
