import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';
import type { PersonSummary } from './directory.contract';
import type { AgentRole, DeskAct } from './deskActs';
import { secondAgentSchema } from './secondAgent';
import { cardTypePolicySchema, type CardTypePolicy } from './cardPolicy';
export { agentRoles, deskActs, type AgentRole, type DeskAct } from './deskActs';

export const mieKinds = ['cps', 'badge', 'fido', 'temporary-badge'] as const;
export type MieKind = (typeof mieKinds)[number];

export const mieStatuses = ['active', 'suspended', 'lost', 'stolen', 'replaced', 'returned', 'expired', 'revoked'] as const;
export type MieStatus = (typeof mieStatuses)[number];

/** Lifecycle acts on an existing MIE (replacement has its own method: it binds a new card). */
export const mieStatusActions = ['suspend', 'resume', 'declare-lost', 'declare-stolen', 'return', 'expire', 'revoke'] as const;
export type MieStatusAction = (typeof mieStatusActions)[number];

/** Acts that cannot be undone: the core refuses them without a reason. */
export const irreversibleMieActions: readonly MieStatusAction[] = ['declare-lost', 'declare-stolen', 'revoke'];

/** Which statuses each act starts from, and where it leads. Lost, stolen, replaced and revoked are final. */
export const mieTransitions: Record<MieStatusAction, { from: readonly MieStatus[]; to: MieStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  'declare-lost': { from: ['active', 'suspended'], to: 'lost' },
  'declare-stolen': { from: ['active', 'suspended'], to: 'stolen' },
  return: { from: ['active', 'suspended'], to: 'returned' },
  expire: { from: ['active', 'suspended'], to: 'expired' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

/** Statuses a replacement starts from (a lost or stolen card is replaced after its declaration). */
export const replaceableStatuses: readonly MieStatus[] = ['active', 'suspended', 'lost', 'stolen'];

export interface MieView {
  id: string;
  kind: MieKind;
  /** CPS serial, badge UID / on-card application id, or FIDO credential id. */
  identifier: string;
  identityId: string;
  holderName: string;
  status: MieStatus;
  validFrom: string;
  validUntil: string | null;
  label: string | null;
  cardType: string | null;
  /** A second active badge the agent marked as intended. */
  additional: boolean;
  replacesMieId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MieHistoryView {
  id: number;
  mieId: string;
  mieKind: MieKind;
  mieIdentifier: string;
  action: string;
  fromStatus: MieStatus | null;
  toStatus: MieStatus;
  reason: string | null;
  agentName: string;
  desk: string;
  at: string;
}

export interface DeskAgentView {
  identityId: string;
  name: string;
  role: AgentRole;
}

export type DeskSessionLockReason = 'inactivity' | 'card-removed';

export interface DeskSessionView {
  state: 'none' | 'open' | 'locked';
  agent: DeskAgentView | null;
  method: 'cps' | 'fido' | null;
  /** The reader holding the agent's own card (pulling it locks the desk). */
  agentReader: string | null;
  openedAt: string | null;
  lockReason: DeskSessionLockReason | null;
  /** The desk locks after this many seconds without an act. */
  idleLockSeconds: number;
  /** Acts this agent's role allows (the core checks them again on every call). */
  allowedActs: DeskAct[];
}


/** How one field of the card compares with one person. */
export interface FieldEvidence {
  field: 'rpps' | 'lastName' | 'firstName' | 'profession';
  cardValue: string | null;
  personValue: string | null;
  outcome: 'identical' | 'close' | 'different' | 'missing';
}

export interface CardCandidate {
  person: PersonSummary;
  /** 0–100. */
  score: number;
  evidence: FieldEvidence[];
}

export interface PresentedCardView {
  reader: string;
  kind: 'cps' | 'badge';
  identifier: string;
  cardType: string;
  cps: { rpps: string | null; idNat: string; lastName: string; firstName: string; profession: string; notAfter: string } | null;
}

export interface CardLookup {
  card: PresentedCardView;
  /** The live binding of this card, when it is already bound. */
  binding: MieView | null;
  /** CPS whose RPPS is linked to a person: that person, directly. */
  rppsHolder: PersonSummary | null;
  /** CPS whose RPPS is unknown locally: scored candidates, best first (binding pairs the RPPS). */
  candidates: CardCandidate[];
  /** Not bound here, but bound in the hospital's IAM (last pull of a `scim` source): to whom. */
  iamHolder: { name: string; userName: string | null; status: string | null; sourceId: string; pulledAt: string } | null;
}

export interface PersonEnrollment {
  person: PersonSummary;
  /** The HR end date that counts: the departure date once passed, else the earliest one known (directory or HR record). */
  hrEndDate: string | null;
  /**
   * Null when the person may receive a MIE; otherwise why not: `left` (HR end date passed, no
   * exception), `leaver-review` (a leaver review is open: only the badge office settles it).
   */
  ineligibleReason: 'left' | 'leaver-review' | null;
  /** The open leaver review of this person, if any. */
  leaverReview: { id: string; hrEndDate: string; dueOn: string } | null;
  mies: MieView[];
  history: MieHistoryView[];
}

export interface JournalEntryView {
  seq: number;
  at: string;
  agentName: string | null;
  desk: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  before: string | null;
  after: string | null;
  hash: string;
}

/** The store's invariant checked beside the journal: no departed person holds an active means. */
export interface LeaverInvariantView {
  ok: boolean;
  violations: { identityId: string; name: string; hrEndDate: string; activeMieIds: string[] }[];
  /** Departed people with active means in a mass-leaver run waiting for an agent's decision. */
  held: number;
}

export type JournalVerificationView = (
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadEntry: number; reason: string; message: string }
) & { leavers?: LeaverInvariantView };

export interface ReceiptFile {
  fileName: string;
  /** The PDF, base64-encoded (travels over IPC and WebSocket as text). */
  pdfBase64: string;
}

const id = z.string().trim().min(1).max(128);
const readerName = z.string().trim().min(1, 'reader name is empty').max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const reason = z.string().trim().max(500).optional();

export const enrollmentMethods = {
  getDeskSession: defineMethod<DeskSessionView>()(z.object({}).strict(), { access: 'public' }),
  /** Agent login with their own CPS in `reader`: the PIN is checked by the card itself. */
  openDeskSession: defineMethod<DeskSessionView>()(
    z.object({ reader: readerName, pin: z.string().regex(/^\d{4,8}$/, 'expected a PIN of 4 to 8 digits') }).strict(),
    { access: 'public' },
  ),
  closeDeskSession: defineMethod<DeskSessionView>()(z.object({}).strict(), { access: 'public' }),
  lookUpCard: defineMethod<CardLookup>()(z.object({ reader: readerName }).strict(), { access: 'mie.read', personalData: true }),
  getPersonEnrollment: defineMethod<PersonEnrollment>()(z.object({ identityId: id }).strict(), { access: 'mie.read', personalData: true }),
  bindCard: defineMethod<MieView>()(
    z
      .object({
        identityId: id,
        reader: readerName,
        /** The agent means to give a second active badge. */
        additional: z.boolean().default(false),
        /** The agent confirmed linking the card's RPPS to this person. */
        confirmPairing: z.boolean().default(false),
        validUntil: isoDate.optional(),
        label: z.string().trim().max(100).optional(),
      })
      .strict(),
    { access: 'mie.bind' },
  ),
  changeMieStatus: defineMethod<MieView>()(
    z
      .object({
        mieId: id,
        action: z.enum(mieStatusActions),
        reason,
        /** Four eyes: reactivating a leaver's MIE, or taking a desk agent's MIE away (badge office only, never the last admin). */
        secondAgent: secondAgentSchema.optional(),
      })
      .strict(),
    { access: 'session', actFor: ({ action }) => `mie.${action}` },
  ),
  replaceMie: defineMethod<MieView>()(
    z.object({ mieId: id, reader: readerName, reason, validUntil: isoDate.optional() }).strict(),
    { access: 'mie.replace' },
  ),
  /** Every status change of one MIE, oldest first (the person's view lists all their MIE's). */
  getMieHistory: defineMethod<MieHistoryView[]>()(z.object({ mieId: id }).strict(), { access: 'mie.read' }),
  listJournal: defineMethod<JournalEntryView[]>()(
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    { access: 'journal.read' },
  ),
  verifyJournal: defineMethod<JournalVerificationView>()(z.object({}).strict(), { access: 'journal.read' }),
  exportJournalCsv: defineMethod<{ fileName: string; csv: string }>()(z.object({}).strict(), { access: 'journal.read' }),
  /** Which card models may be staff badges, temporary cards, visitor tickets (enforced on every bind). */
  getCardTypePolicy: defineMethod<CardTypePolicy>()(z.object({}).strict(), { access: 'mie.read' }),
  updateCardTypePolicy: defineMethod<CardTypePolicy>()(cardTypePolicySchema, { access: 'mie.resume' }),
  getReceipt: defineMethod<ReceiptFile>()(z.object({ mieId: id }).strict(), { access: 'receipt.read', personalData: true }),
};

export const enrollmentEvents = {
  deskSessionChanged: defineEvent<{ reason: 'opened' | 'closed' | DeskSessionLockReason }>(),
  mieChanged: defineEvent<{ mieId: string; identityId: string; status: MieStatus }>(),
};
