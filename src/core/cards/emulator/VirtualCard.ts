/**
 * A card the emulator presents, over vpcd (real PC/SC stack) or directly to the simulated
 * readers. `transmit` receives one command APDU and returns the response data + SW1 SW2.
 */
export interface VirtualCard {
  readonly atr: Uint8Array;
  /** Power on / reset: volatile state (selected files, security status) goes back to its start. */
  reset(): void;
  transmit(apdu: Uint8Array): Uint8Array;
}

export function respond(data: Uint8Array | number[], sw: number): Uint8Array {
  const bytes = new Uint8Array(data.length + 2);
  bytes.set(data);
  bytes[data.length] = sw >> 8;
  bytes[data.length + 1] = sw & 0xff;
  return bytes;
}
