import { fromHex, toHex } from '../../../shared/cards/hex';
import { respond, type VirtualCard } from './VirtualCard';

export interface CpsCardOptions {
  generation: 'CPS3' | 'CPS4';
  /** 5-byte unique part of the serial (hex), after the ANS prefix `80 25 00 00 01`. */
  serial: string;
  authenticationCertificate: Uint8Array;
  signatureCertificate: Uint8Array;
  /** 4 to 8 digits. */
  pin: string;
  maxPinTries?: number;
}

/** A live CPS: the try counter persists across resets like the card's EEPROM. */
export interface CpsVirtualCard extends VirtualCard {
  readonly pinTriesLeft: number;
}

interface FileNode {
  fid: string;
  aid?: string;
  content?: Uint8Array;
  children: FileNode[];
}

export const cpsApplicationAid = 'E828BD080F8025000001FF0010';
const cps4AppletAid = '8025000001FF0100';
export const cpsPinReference = 0x01;
const atrs = { CPS3: '3BAC00402A001225006480000310009000', CPS4: '3B9B188001001225006480040100009044' };

function padded(bytes: Uint8Array, size: number): Uint8Array {
  const file = new Uint8Array(size).fill(0xff);
  file.set(bytes);
  return file;
}

function tlv(tag: number, value: Uint8Array | number[]): number[] {
  const length = value.length < 0x80 ? [value.length] : value.length < 0x100 ? [0x81, value.length] : [0x82, value.length >> 8, value.length & 0xff];
  return [tag, ...length, ...value];
}

const pkcs15Path = (path: string) => tlv(0x30, tlv(0x04, [...fromHex(path)]));

/** A certificate object of the CDF: label, id, then `[1]` x509 attributes holding the path. */
function certificateObject(label: string, id: number, path: string): number[] {
  return tlv(0x30, [
    ...tlv(0x30, tlv(0x0c, [...new TextEncoder().encode(label)])),
    ...tlv(0x30, tlv(0x04, [id])),
    ...tlv(0xa1, tlv(0x30, pkcs15Path(path))),
  ]);
}

/**
 * CPS3 (IAS-ECC) / CPS4 (ChipDoc) emulator: MF with EF.SN.ICC, the PKCS#15 application with
 * ODF → CDF → certificate EFs (ids differ between generations, as readers must discover them),
 * READ BINARY with the CPS3 0xE7 Le limit, VERIFY with a persistent try counter, and the CPS3
 * GET DATA for tries left. CPS4 wants its applet selected on logical channel 1 first.
 */
export function createCpsCard({ generation, serial, authenticationCertificate, signatureCertificate, pin, maxPinTries = 3 }: CpsCardOptions): CpsVirtualCard {
  if (!/^\d{4,8}$/.test(pin)) throw new Error('Expected a PIN of 4 to 8 digits');
  const cps4 = generation === 'CPS4';
  const cla = cps4 ? 0x01 : 0x00;
  const maxLe = cps4 ? 0x100 : 0xe7;
  const cdfPath = cps4 ? '3F00A0004404' : '4404';
  const signaturePath = cps4 ? 'C010' : 'E001';
  const authenticationPath = cps4 ? 'C011' : 'E002';
  const odf = padded(Uint8Array.from([...tlv(0xa0, pkcs15Path('4401')), ...tlv(0xa4, pkcs15Path(cdfPath)), ...tlv(0xa8, pkcs15Path('4408'))]), 64);
  // Signature certificate listed first: the reader must pick the authentication one by keyUsage.
  const cdf = padded(
    Uint8Array.from([...certificateObject('CPS_SIGN_CERT', 1, signaturePath), ...certificateObject('CPS_AUTH_CERT', 2, authenticationPath)]),
    160,
  );
  const application: FileNode = {
    fid: 'A000',
    aid: cpsApplicationAid,
    children: [
      { fid: '5031', content: odf, children: [] },
      { fid: '4404', content: cdf, children: [] },
      { fid: signaturePath, content: padded(signatureCertificate, signatureCertificate.length + 300), children: [] },
      { fid: authenticationPath, content: padded(authenticationCertificate, authenticationCertificate.length + 300), children: [] },
    ],
  };
  const master: FileNode = {
    fid: '3F00',
    children: [{ fid: 'D003', content: Uint8Array.from([0x5a, 0x0a, ...fromHex(`8025000001${serial}`)]), children: [] }, application],
  };
  if (fromHex(serial).length !== 5) throw new Error('Expected a 5-byte card serial');

  let triesLeft = maxPinTries;
  let currentDf = master;
  let currentEf: FileNode | null = null;
  let pinVerified = false;
  let appletSelected = !cps4;

  const resolvePath = (path: Uint8Array): FileNode | null => {
    let node: FileNode | undefined = master;
    for (let index = 0; index < path.length; index += 2) {
      const fid = toHex(path.slice(index, index + 2));
      if (index === 0 && fid === '3F00') continue;
      node = node?.children.find((child) => child.fid === fid);
      if (node === undefined) return null;
    }
    return node;
  };

  const select = (p1: number, data: Uint8Array): Uint8Array => {
    let found: FileNode | null;
    if (p1 === 0x04) {
      found = toHex(data) === cpsApplicationAid ? application : null;
    } else if (p1 === 0x00 || p1 === 0x02) {
      const fid = toHex(data);
      found = fid === '3F00' ? master : (currentDf.children.find((child) => child.fid === fid) ?? null);
    } else if (p1 === 0x08 || p1 === 0x09) {
      found = resolvePath(data);
    } else {
      return respond([], 0x6a86);
    }
    if (found === null) return respond([], 0x6a82);
    if (found.content === undefined) {
      currentDf = found;
      currentEf = null;
    } else {
      currentEf = found;
    }
    return respond([], 0x9000);
  };

  const readBinary = (p1: number, p2: number, le: number): Uint8Array => {
    if (currentEf?.content === undefined) return respond([], 0x6986);
    if ((p1 & 0x80) !== 0) return respond([], 0x6a86);
    if (le > maxLe) return respond([], 0x6c00 | (maxLe & 0xff));
    const offset = (p1 << 8) | p2;
    const content = currentEf.content;
    if (offset >= content.length) return respond([], 0x6b00);
    const end = Math.min(content.length, offset + le);
    return respond(content.slice(offset, end), end - offset < le ? 0x6282 : 0x9000);
  };

  const verify = (data: Uint8Array): Uint8Array => {
    if (triesLeft === 0) return respond([], 0x6983);
    if (data.length === 0) return respond([], pinVerified ? 0x9000 : 0x63c0 | triesLeft);
    const offered = new TextDecoder().decode(data.filter((byte) => byte !== 0xff));
    if (offered === pin) {
      triesLeft = maxPinTries;
      pinVerified = true;
      return respond([], 0x9000);
    }
    triesLeft -= 1;
    pinVerified = false;
    return respond([], triesLeft === 0 ? 0x6983 : 0x63c0 | triesLeft);
  };

  const getPinData = (): Uint8Array => {
    const counters = [0x9a, 0x01, maxPinTries, 0x9b, 0x01, triesLeft];
    const inner = [...tlv(0xa0, counters)];
    return respond([0x70, inner.length + 4, 0xbf, 0x81, cpsPinReference, inner.length, ...inner], 0x9000);
  };

  return {
    atr: fromHex(atrs[generation]),
    get pinTriesLeft() {
      return triesLeft;
    },
    reset() {
      currentDf = master;
      currentEf = null;
      pinVerified = false;
      appletSelected = !cps4;
    },
    transmit(apdu) {
      if (apdu.length < 4) return respond([], 0x6700);
      const [commandCla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
      const lc = apdu.length > 5 ? apdu[4]! : 0;
      const data = apdu.slice(5, 5 + lc);
      if (apdu.length > 5 && data.length !== lc) return respond([], 0x6700);
      const le = apdu.length === 5 ? apdu[4]! || 0x100 : 0;
      if (commandCla !== cla) return respond([], cps4 ? 0x6881 : 0x6e00);
      if (cps4 && !appletSelected) {
        const isAppletSelect = ins === 0xa4 && p1 === 0x04 && toHex(data) === cps4AppletAid;
        if (!isAppletSelect) return respond([], 0x6985);
        appletSelected = true;
        return respond([], 0x9000);
      }
      if (ins === 0xa4 && cps4 && p1 === 0x04 && toHex(data) === cps4AppletAid) return respond([], 0x9000);
      if (ins === 0xa4) return select(p1, data);
      if (ins === 0xb0) return readBinary(p1, p2, le);
      if (ins === 0x20 && p1 === 0x00 && p2 === (0x80 | cpsPinReference)) return verify(data);
      if (ins === 0x20) return respond([], 0x6a88);
      if (ins === 0xcb && !cps4 && p1 === 0x3f && p2 === 0xff) return getPinData();
      return respond([], 0x6d00);
    },
  };
}
