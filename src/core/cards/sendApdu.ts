import { describeStatusWord, type StatusWord } from '../../shared/cards/describeStatusWord';
import type { CardTransmit } from './CardTransmit';

export interface ApduResponse {
  data: Uint8Array;
  status: StatusWord;
}

/** Transmits `apdu` and splits the answer; a response without its two status bytes is an error. */
export async function sendApdu(transmit: CardTransmit, apdu: number[] | Uint8Array): Promise<ApduResponse> {
  const response = await transmit(Uint8Array.from(apdu));
  if (response.length < 2) throw new Error(`Expected a response with SW1 SW2, got ${response.length} byte(s)`);
  const sw1 = response[response.length - 2]!;
  const sw2 = response[response.length - 1]!;
  return { data: response.slice(0, -2), status: describeStatusWord(sw1, sw2) };
}
