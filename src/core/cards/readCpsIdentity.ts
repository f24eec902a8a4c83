import type { CpsIdentity } from '../../shared/cards/cardTypes';
import { fromHex, toHex } from '../../shared/cards/hex';
import { parseBerTlv, findTlv } from '../../shared/cards/parseBerTlv';
import { parseCpsCertificate, type CpsCertificate } from '../../shared/cards/parseCpsCertificate';
import { readDerLength } from '../../shared/cards/readDerLength';
import { readPkcs15Paths, type Pkcs15Path } from '../../shared/cards/readPkcs15Paths';
import type { CardTransmit } from './CardTransmit';
import { sendApdu } from './sendApdu';

export type CpsGeneration = 'CPS3' | 'CPS4';

/** The card answered, but not as a CPS should (missing file, refused command). */
export class CpsProtocolError extends Error {
  override name = 'CpsProtocolError';
}

/** No certificate on the card could be read as an IGC-Santé professional certificate. */
export class CpsCertificateError extends Error {
  override name = 'CpsCertificateError';
}

const contactAid = 'E828BD080F8025000001FF0010';
const contactlessAid = 'E828BD080F8025000001FF0020';
const cps4AppletAid = '8025000001FF0100';
const ansIssuerPrefix = '8025000001';
/** PIN reference (VERIFY P2 = 0x80 | ref); the Cryptolib's value for the holder PIN is uncertain. */
export const cpsPinReference = 0x01;
const odfFileId = [0x50, 0x31];
/** Largest file we accept to read: certificate EFs are a few KB; anything bigger is a bad card. */
const maxFileBytes = 16 * 1024;

interface CpsSession {
  transmit: CardTransmit;
  cla: number;
  maxLe: number;
}

function hexBytes(hex: string): number[] {
  return [...fromHex(hex)];
}

/** Opens the CPS applet when the generation needs it (CPS4: logical channel 1). */
export async function openCpsSession(transmit: CardTransmit, generation: CpsGeneration): Promise<CpsSession> {
  if (generation === 'CPS4') {
    const applet = hexBytes(cps4AppletAid);
    const answer = await sendApdu(transmit, [0x01, 0xa4, 0x04, 0x0c, applet.length, ...applet]);
    if (answer.status.kind !== 'OK') throw new CpsProtocolError(`CPS4 applet selection refused (SW ${answer.status.hex})`);
    return { transmit, cla: 0x01, maxLe: 0xff };
  }
  return { transmit, cla: 0x00, maxLe: 0xe7 };
}

async function selectAbsolutePath(session: CpsSession, path: Uint8Array): Promise<void> {
  // The Cryptolib uses P1=09 with 3F00 in the path; ISO cards want P1=08 without it.
  const withMaster = path[0] === 0x3f && path[1] === 0x00 ? [...path] : [0x3f, 0x00, ...path];
  const first = await sendApdu(session.transmit, [session.cla, 0xa4, 0x09, 0x0c, withMaster.length, ...withMaster]);
  if (first.status.kind === 'OK') return;
  const withoutMaster = withMaster.slice(2);
  const second = await sendApdu(session.transmit, [session.cla, 0xa4, 0x08, 0x0c, withoutMaster.length, ...withoutMaster]);
  if (second.status.kind !== 'OK') throw new CpsProtocolError(`File ${toHex(Uint8Array.from(withMaster))} not selectable (SW ${first.status.hex}, ${second.status.hex})`);
}

async function selectInApplication(session: CpsSession, path: Pkcs15Path): Promise<void> {
  if (path.absolute) return selectAbsolutePath(session, path.path);
  const answer = await sendApdu(session.transmit, [session.cla, 0xa4, 0x02, 0x0c, path.path.length, ...path.path]);
  if (answer.status.kind !== 'OK') throw new CpsProtocolError(`File ${toHex(path.path)} not found in the PKCS#15 application (SW ${answer.status.hex})`);
}

/** READ BINARY in chunks until the end of the file, or of the DER object when `derBounded`. */
async function readSelectedFile(session: CpsSession, { derBounded = false } = {}): Promise<Uint8Array> {
  const bytes: number[] = [];
  const derLength = () => readDerLength(Uint8Array.from(bytes.slice(0, 6)));
  let le = session.maxLe;
  for (;;) {
    const total = derBounded ? derLength() : null;
    if (total !== null && bytes.length >= total) return Uint8Array.from(bytes.slice(0, total));
    if (bytes.length >= maxFileBytes) throw new CpsProtocolError(`File larger than ${maxFileBytes} bytes`);
    const offset = bytes.length;
    const answer = await sendApdu(session.transmit, [session.cla, 0xb0, offset >> 8, offset & 0xff, le]);
    const { kind, count } = answer.status;
    if (kind === 'WRONG_LE' && count !== null && Math.min(count, 0xff) !== le) {
      le = Math.min(count, 0xff);
      continue;
    }
    if (kind === 'OK' || kind === 'END_OF_FILE') bytes.push(...answer.data);
    if (kind === 'OK' && answer.data.length === le) continue;
    if (kind !== 'OK' && kind !== 'END_OF_FILE' && kind !== 'OFFSET_BEYOND_FILE') {
      throw new CpsProtocolError(`READ BINARY at offset ${offset} failed (SW ${answer.status.hex})`);
    }
    if (!derBounded) return Uint8Array.from(bytes);
    const end = derLength();
    if (end === null || bytes.length < end) throw new CpsProtocolError(`Certificate file ends before the end of its DER object (${bytes.length} bytes read)`);
    return Uint8Array.from(bytes.slice(0, end));
  }
}

async function readSerial(session: CpsSession): Promise<string> {
  await selectAbsolutePath(session, Uint8Array.from([0x3f, 0x00, 0xd0, 0x03]));
  const content = await readSelectedFile(session);
  const hex = toHex(content);
  if (content.length < 12 || !hex.startsWith(`5A0A${ansIssuerPrefix}`)) throw new CpsProtocolError(`EF.SN.ICC: expected 5A 0A 80 25 00 00 01 …, got ${hex.slice(0, 24)}`);
  return hex.slice(4 + ansIssuerPrefix.length, 24);
}

async function readCertificates(session: CpsSession, aid: string): Promise<CpsCertificate[]> {
  const aidBytes = hexBytes(aid);
  const selected = await sendApdu(session.transmit, [session.cla, 0xa4, 0x04, 0x0c, aidBytes.length, ...aidBytes]);
  if (selected.status.kind !== 'OK') throw new CpsProtocolError(`PKCS#15 application not found (SW ${selected.status.hex})`);
  await selectInApplication(session, { path: Uint8Array.from(odfFileId), absolute: false });
  const odf = readPkcs15Paths(await readSelectedFile(session), { kind: 'odf' });
  if (!odf.ok) throw new CpsProtocolError(odf.error);
  const cdfPath = odf.paths[0];
  if (cdfPath === undefined) throw new CpsProtocolError('EF.ODF lists no certificate directory (A4)');
  await selectInApplication(session, cdfPath);
  const cdf = readPkcs15Paths(await readSelectedFile(session), { kind: 'cdf' });
  if (!cdf.ok) throw new CpsProtocolError(cdf.error);
  if (cdf.paths.length === 0) throw new CpsProtocolError('EF.CDF lists no certificate');
  const certificates: CpsCertificate[] = [];
  const problems: string[] = [];
  for (const path of cdf.paths) {
    await selectInApplication(session, path);
    const parsed = parseCpsCertificate(await readSelectedFile(session, { derBounded: true }));
    if (parsed.ok) certificates.push(parsed.value);
    else problems.push(parsed.error);
  }
  if (certificates.length === 0) throw new CpsCertificateError(problems.join('; '));
  return certificates;
}

/** Tries left without consuming one: CPS3 GET DATA, else VERIFY without data (`63 Cx`). */
export async function readPinTriesLeft(session: CpsSession, generation: CpsGeneration): Promise<number | null> {
  if (generation === 'CPS3') {
    const query = [0x4d, 0x08, 0x70, 0x06, 0xbf, 0x81, cpsPinReference, 0x02, 0xa0, 0x80];
    const answer = await sendApdu(session.transmit, [session.cla, 0xcb, 0x3f, 0xff, query.length, ...query, 0x00]);
    if (answer.status.kind === 'OK') {
      const parsed = parseBerTlv(answer.data);
      const triesLeft = parsed.ok ? findTlv(parsed.value, 0x9b) : undefined;
      if (triesLeft !== undefined && triesLeft.value.length === 1) return triesLeft.value[0]!;
    }
  }
  const answer = await sendApdu(session.transmit, [session.cla, 0x20, 0x00, 0x80 | cpsPinReference]);
  if (answer.status.kind === 'WRONG_PIN') return answer.status.count;
  if (answer.status.kind === 'PIN_BLOCKED') return 0;
  return null;
}

/**
 * Reads a CPS's public identity without the PIN: serial (EF.SN.ICC), certificates found by the
 * PKCS#15 walk (ODF → CDF → EFs), the authentication one preferred, and the PIN tries left.
 * Throws (never returns a partial identity) when any step fails or the card leaves.
 */
export async function readCpsIdentity(transmit: CardTransmit, { generation, contactless = false }: { generation: CpsGeneration; contactless?: boolean }): Promise<CpsIdentity> {
  const session = await openCpsSession(transmit, generation);
  const serial = await readSerial(session);
  const certificates = await readCertificates(session, contactless ? contactlessAid : contactAid);
  const chosen = certificates.find((certificate) => certificate.authentication) ?? certificates[0]!;
  const pinTriesLeft = contactless ? null : await readPinTriesLeft(session, generation);
  return {
    idNat: chosen.idNat,
    rpps: chosen.rpps,
    lastName: chosen.lastName,
    firstName: chosen.firstName,
    profession: chosen.profession,
    serial,
    notBefore: chosen.notBefore,
    notAfter: chosen.notAfter,
    pinTriesLeft,
  };
}

