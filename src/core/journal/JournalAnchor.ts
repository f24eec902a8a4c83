/**
 * The journal's state at one moment, kept outside the store (an append-only file beside it, each
 * audit export): a later truncation below it, or a rewrite of the entry it names, is detected.
 */
export interface JournalAnchor {
  /** Entries in the journal then (the sequence number of the last one). */
  entries: number;
  /** Hash of that last entry (the genesis hash for an empty journal). */
  lastHash: string;
  at: string;
  /** HMAC with the journal key (null when written without the key). */
  mac: string | null;
}
