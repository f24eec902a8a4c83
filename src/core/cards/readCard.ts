import type { CardErrorCode, CardInfo, CardType } from '../../shared/cards/cardTypes';
import { decodeDesfireVersion } from '../../shared/cards/decodeDesfireVersion';
import { toHex } from '../../shared/cards/hex';
import { identifyCardByAtr } from '../../shared/cards/identifyCardByAtr';
import { normalizeUid } from '../../shared/cards/normalizeUid';
import { CardRemovedError, type CardTransmit } from './CardTransmit';
import { CpsCertificateError, CpsProtocolError, readCpsIdentity, type CpsGeneration } from './readCpsIdentity';
import { sendApdu } from './sendApdu';

export type CardReadResult = { ok: true; card: CardInfo } | { ok: false; code: CardErrorCode; message: string };

async function readUid(transmit: CardTransmit): Promise<{ uid: string; randomUid: boolean } | null> {
  const answer = await sendApdu(transmit, [0xff, 0xca, 0x00, 0x00, 0x00]);
  if (answer.status.kind !== 'OK') return null;
  const uid = normalizeUid(answer.data);
  return uid.ok ? { uid: uid.uid, randomUid: uid.randomUid } : null;
}

/** DESFire GetVersion: 3 frames chained by `91 AF`. Null when the card is no DESFire. */
async function readDesfireVersion(transmit: CardTransmit) {
  const frames: number[] = [];
  let answer = await sendApdu(transmit, [0x90, 0x60, 0x00, 0x00, 0x00]);
  for (let frame = 0; frame < 3 && answer.status.kind === 'DESFIRE_MORE_FRAMES'; frame += 1) {
    frames.push(...answer.data);
    answer = await sendApdu(transmit, [0x90, 0xaf, 0x00, 0x00, 0x00]);
  }
  if (answer.status.kind !== 'DESFIRE_OK') return null;
  frames.push(...answer.data);
  const version = decodeDesfireVersion(Uint8Array.from(frames));
  return version.ok ? version.value : null;
}

async function probeCpsGeneration(transmit: CardTransmit): Promise<CpsGeneration> {
  const applet = [0x80, 0x25, 0x00, 0x00, 0x01, 0xff, 0x01, 0x00];
  const answer = await sendApdu(transmit, [0x01, 0xa4, 0x04, 0x0c, applet.length, ...applet]);
  return answer.status.kind === 'OK' ? 'CPS4' : 'CPS3';
}

function isContactless(atr: Uint8Array): boolean {
  return atr.length >= 4 && (atr[1]! & 0xf0) === 0x80 && atr[2] === 0x80 && atr[3] === 0x01;
}

async function decode(reader: string, atr: Uint8Array, transmit: CardTransmit): Promise<CardInfo> {
  const base = { reader, atr: toHex(atr), uid: null, cps: null, desfire: null };
  const identified = identifyCardByAtr(atr);
  if (identified === 'CPS3' || identified === 'CPS4' || identified === 'CPS_FAMILY') {
    const generation = identified === 'CPS_FAMILY' ? await probeCpsGeneration(transmit) : identified;
    const contactless = isContactless(atr);
    const uid = contactless ? await readUid(transmit) : null;
    const cps = await readCpsIdentity(transmit, { generation, contactless });
    return { ...base, type: generation, uid: uid?.uid ?? null, cps };
  }
  if (identified === 'UNKNOWN') return { ...base, type: 'UNKNOWN' };
  const uid = await readUid(transmit);
  if (identified === 'ISO14443_4') {
    const version = await readDesfireVersion(transmit);
    if (version === null) return { ...base, type: 'UNKNOWN', uid: uid?.uid ?? null };
    // Random ID: a new 08… UID per tap, and GetVersion hides the production UID behind zeros.
    const randomUid = uid?.randomUid === true || /^0+$/.test(version.uid);
    return {
      ...base,
      type: 'DESFIRE',
      uid: randomUid ? null : (uid?.uid ?? version.uid),
      desfire: { generation: version.generation, storageBytes: version.storageBytes, randomUid },
    };
  }
  const type: CardType = identified === 'ISO14443_3_OTHER' ? 'UNKNOWN' : identified;
  return { ...base, type, uid: uid?.uid ?? null };
}

/**
 * Identifies and decodes the card in `reader` from its ATR and a few probing APDUs. Every failure
 * is a result with a stable code, never a partial card: `CARD_REMOVED` when the card left
 * mid-read. A random-UID DESFire has `uid: null` so nobody binds it by that UID.
 */
export async function readCard({ reader, atr, transmit }: { reader: string; atr: Uint8Array; transmit: CardTransmit }): Promise<CardReadResult> {
  try {
    return { ok: true, card: await decode(reader, atr, transmit) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CardRemovedError) return { ok: false, code: 'CARD_REMOVED', message: `Card removed during reading: ${message}` };
    if (error instanceof CpsCertificateError) return { ok: false, code: 'CERTIFICATE_UNREADABLE', message: `No readable CPS certificate: ${message}` };
    if (error instanceof CpsProtocolError) return { ok: false, code: 'CARD_UNREADABLE', message };
    return { ok: false, code: 'CARD_UNRESPONSIVE', message: `The card did not answer as expected: ${message}` };
  }
}
