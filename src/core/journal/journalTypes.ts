/** Who acts, and from which desk; every journal entry and MIE history row carries it. */
export interface Actor {
  /** Identity id of the agent; null for the system itself (scheduled expiry, imports). */
  agentId: string | null;
  agentName: string | null;
  /** The workstation (and window) the act came from. */
  desk: string;
}

export interface JournalEntryInput {
  actor: Actor;
  /** Dotted verb, e.g. `mie.bind`, `mie.suspend`, `session.open`, `identity.pair-rpps`. */
  action: string;
  subject?: { type: string; id: string } | undefined;
  /** State before and after the act (plain JSON; never secrets such as PINs). */
  before?: unknown;
  after?: unknown;
}

export interface JournalEntry {
  seq: number;
  at: string;
  agentId: string | null;
  agentName: string | null;
  desk: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

/** The previous hash of the very first entry. */
export const genesisHash = '0'.repeat(64);
