import type { DesfireGeneration } from '../../../shared/cards/cardTypes';
import { fromHex } from '../../../shared/cards/hex';
import { respond, type VirtualCard } from './VirtualCard';

/** GetVersion hardware type / major / minor by generation (contactless-badges.md). */
const versions: Record<Exclude<DesfireGeneration, 'OTHER'>, [number, number, number]> = {
  EV1: [0x01, 0x01, 0x00],
  EV2: [0x01, 0x12, 0x00],
  EV3: [0x01, 0x33, 0x00],
  LIGHT: [0x08, 0x30, 0x00],
};

export interface DesfireCardOptions {
  generation: Exclude<DesfireGeneration, 'OTHER'>;
  /** 7-byte production UID. */
  uid: string;
  /** Storage size code (`18` = 4 KB). */
  storageCode?: number;
  /** Random UID on: a new `08xxxxxx` UID at every power-on; GetVersion hides the real one. */
  randomUid?: boolean;
  /** Source of the random UIDs (injected so tests can replay). */
  randomBytes?: (count: number) => Uint8Array;
}

/**
 * A DESFire card: ATS-based ATR common to every generation, GET DATA UID through the reader,
 * and native GetVersion wrapped in ISO 7816-4 (`90 60 …`, then `90 AF …` for frames 2 and 3).
 */
export function createDesfireCard({ generation, uid, storageCode = 0x18, randomUid = false, randomBytes }: DesfireCardOptions): VirtualCard {
  const productionUid = fromHex(uid);
  if (productionUid.length !== 7) throw new Error(`Expected a 7-byte DESFire UID, got ${productionUid.length} bytes`);
  const draw = randomBytes ?? ((count: number) => crypto.getRandomValues(new Uint8Array(count)));
  const [type, major, minor] = versions[generation];
  const hardware = [0x04, type, 0x01, major, minor, storageCode, 0x05];
  const software = [0x04, type, 0x01, major, minor, storageCode, 0x05];
  const production = [...(randomUid ? new Uint8Array(7) : productionUid), 0xba, 0x5e, 0x00, 0x12, 0x34, 0x21, 0x24];
  let tappedUid = productionUid;
  let nextFrame = 0;
  const card: VirtualCard = {
    atr: fromHex('3B8180018080'),
    reset() {
      nextFrame = 0;
      tappedUid = randomUid ? Uint8Array.from([0x08, ...draw(3)]) : productionUid;
    },
    transmit(apdu) {
      const [cla, ins] = apdu;
      if (cla === 0xff && ins === 0xca && apdu[2] === 0x00) return respond(tappedUid, 0x9000);
      if (cla === 0xff) return respond([], 0x6a81);
      if (cla !== 0x90) return respond([], 0x6e00);
      if (ins === 0x60) {
        nextFrame = 1;
        return respond(hardware, 0x91af);
      }
      if (ins === 0xaf && nextFrame === 1) {
        nextFrame = 2;
        return respond(software, 0x91af);
      }
      if (ins === 0xaf && nextFrame === 2) {
        nextFrame = 0;
        return respond(production, 0x9100);
      }
      nextFrame = 0;
      // GetCardUID and every keyed command need an authentication this emulator does not model.
      if (ins === 0x51) return respond([], 0x91ae);
      return respond([], 0x911c);
    },
  };
  card.reset();
  return card;
}
