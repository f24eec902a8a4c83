/** Sends one command APDU to the card in a reader; resolves with response data + SW1 SW2. */
export type CardTransmit = (apdu: Uint8Array) => Promise<Uint8Array>;

/** The card left the reader (or was reset) during an exchange. */
export class CardRemovedError extends Error {
  override name = 'CardRemovedError';
}
