import type { PinVerification } from '../../shared/api/cards.contract';
import type { CardTransmit } from './CardTransmit';
import { cpsPinReference, openCpsSession, type CpsGeneration } from './readCpsIdentity';
import { sendApdu } from './sendApdu';

/** The PIN as IAS-ECC cards take it: ASCII digits padded with FF to 8 bytes. */
function encodePin(pin: string): number[] {
  if (!/^\d{4,8}$/.test(pin)) throw new Error('Expected a PIN of 4 to 8 digits');
  return [...new TextEncoder().encode(pin), ...new Array<number>(8 - pin.length).fill(0xff)];
}

/** VERIFY on the card: consumes a try when wrong (the card keeps the counter), resets it when right. */
export async function verifyCpsPin(transmit: CardTransmit, { generation, pin }: { generation: CpsGeneration; pin: string }): Promise<PinVerification> {
  const encoded = encodePin(pin);
  const session = await openCpsSession(transmit, generation);
  const answer = await sendApdu(transmit, [session.cla, 0x20, 0x00, 0x80 | cpsPinReference, encoded.length, ...encoded]);
  if (answer.status.kind === 'OK') return { ok: true, triesLeft: null };
  if (answer.status.kind === 'PIN_BLOCKED' || (answer.status.kind === 'WRONG_PIN' && answer.status.count === 0)) return { ok: false, reason: 'PIN_BLOCKED' };
  if (answer.status.kind === 'WRONG_PIN') return { ok: false, reason: 'WRONG_PIN', triesLeft: answer.status.count ?? 0 };
  throw new Error(`VERIFY refused by the card (SW ${answer.status.hex})`);
}
