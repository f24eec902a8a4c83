/** The few card facts the desk session and the enrollment acts need (issue 5's CardInfo fits). */
export interface PresentedCard {
  reader: string;
  type: string;
  uid: string | null;
  cps: { idNat: string; rpps: string | null; lastName: string; firstName: string; profession: string; serial: string; notAfter: string; pinTriesLeft?: number | null } | null;
  desfire: { randomUid: boolean } | null;
}

export type PinCheck =
  | { ok: true; triesLeft: number | null }
  | { ok: false; reason: 'WRONG_PIN'; triesLeft: number }
  | { ok: false; reason: 'PIN_BLOCKED' };

/** Reads the card in a reader and checks a CPS PIN on the card itself (wired to the card service). */
export interface CardAccess {
  /** The decoded card currently in `reader`, or null when the reader is empty or unknown. */
  readCard(reader: string): PresentedCard | null;
  verifyPin(reader: string, pin: string): Promise<PinCheck>;
}
