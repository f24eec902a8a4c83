/**
 * The decoded card, as the reader service, the desk events and `cards watch --json` all carry it.
 * Field names and values are the CLI's JSON-lines contract (issue 5): do not rename.
 */
export const cardTypes = [
  'CPS3',
  'CPS4',
  'MIFARE_CLASSIC_1K',
  'MIFARE_CLASSIC_4K',
  'MIFARE_MINI',
  'MIFARE_ULTRALIGHT',
  'DESFIRE',
  'UNKNOWN',
] as const;

export type CardType = (typeof cardTypes)[number];

export const desfireGenerations = ['EV1', 'EV2', 'EV3', 'LIGHT', 'OTHER'] as const;
export type DesfireGeneration = (typeof desfireGenerations)[number];

/** Public identity of a CPS card, read without the PIN from its authentication certificate. */
export interface CpsIdentity {
  /** National identifier (certificate CN): type prefix + identifier, e.g. `810002813839`. */
  idNat: string;
  /** The 11-digit RPPS number when idNat has the prefix 8, else null. */
  rpps: string | null;
  lastName: string;
  firstName: string;
  /** Certificate `title`, e.g. "Médecin". */
  profession: string;
  /** Card serial from EF.SN.ICC (hex upper case, issuer prefix removed). */
  serial: string;
  /** Certificate validity start, ISO 8601. */
  notBefore: string;
  /** Certificate validity end, ISO 8601. */
  notAfter: string;
  /** PIN tries left (null when the card did not say). */
  pinTriesLeft: number | null;
}

export interface DesfireInfo {
  generation: DesfireGeneration;
  storageBytes: number;
  /** The card answers a new random `08…` UID at each tap: its UID is never an identity. */
  randomUid: boolean;
}

export interface CardInfo {
  reader: string;
  type: CardType;
  /** Whole ATR, hex upper case. */
  atr: string;
  /** Normalized UID (hex upper case) of a contactless card; null for contact cards. */
  uid: string | null;
  cps: CpsIdentity | null;
  desfire: DesfireInfo | null;
}

/** Why a card could not be read; `code` values are stable (CLI `error` events carry them). */
export const cardErrorCodes = [
  'CARD_REMOVED',
  'CARD_UNRESPONSIVE',
  'CARD_UNREADABLE',
  'CERTIFICATE_UNREADABLE',
  'READER_UNAVAILABLE',
] as const;
export type CardErrorCode = (typeof cardErrorCodes)[number];

export interface CardReadError {
  reader: string;
  code: CardErrorCode;
  /** English explanation for logs and the CLI; the desk shows a localized text for `code`. */
  message: string;
}
