import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';
import type { MieView } from './enrollment.contract';

export interface NightDeskSettings {
  /** Local times ("HH:MM") at which shifts change. */
  shiftChanges: string[];
  /** Added to the end of the current shift. */
  marginMinutes: number;
  /** Hard maximum validity of a temporary card. */
  maxHours: number;
  /** IANA zone of the hospital's wall clock. */
  timeZone: string;
  /** A leaver run affecting more than this share of identities is held for confirmation. */
  massLeaverShare: number;
}

/** Someone the night desk can issue a temporary card to. */
export interface NightDeskCandidate {
  /** `person`: already in the directory; `register`: only in the RPPS extract (temporary identity to create). */
  source: 'person' | 'register';
  identityId: string | null;
  rpps: string | null;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  profession: string | null;
  status: 'active' | 'leaving' | 'left' | 'temporary' | null;
  /** The person's active badge: issuing a temporary card is then a forgotten-card case. */
  activeBadge: { mieId: string; identifier: string } | null;
}

export type PoolCardState = 'available' | 'issued' | 'returned' | 'lost';

export interface PoolCardView {
  identifier: string;
  cardType: string;
  label: string;
  state: PoolCardState;
  registeredAt: string;
  /** The open issuance holding the card, if any. */
  holderName: string | null;
}

export interface TemporaryIssuanceView {
  id: string;
  mieId: string;
  identityId: string;
  holderName: string;
  cardIdentifier: string;
  cardLabel: string;
  reason: 'newcomer' | 'forgotten-card';
  issuedByName: string;
  issuedAt: string;
  endsAt: string;
  deskSeconds: number | null;
  interactions: number | null;
  closedAt: string | null;
  closedReason: 'returned' | 'expired' | 'revoked' | null;
  cardBackAt: string | null;
}

export interface RegularizationTaskView {
  id: string;
  identityId: string;
  personName: string;
  rpps: string | null;
  profession: string | null;
  birthDate: string | null;
  issuance: TemporaryIssuanceView;
  /** The night agent who issued the card cannot confirm it (4-eyes). */
  issuedById: string;
  createdAt: string;
}

export interface LeaverReviewView {
  id: string;
  identityId: string;
  personName: string;
  trigger: 'import' | 'departure' | 'schedule';
  hrEndDate: string;
  suspendedMieIds: string[];
  dueOn: string;
  createdAt: string;
}

export interface LeaverHoldView {
  id: string;
  trigger: 'import' | 'departure' | 'schedule';
  affected: number;
  population: number;
  maxShare: number;
  names: string[];
  createdAt: string;
}

export interface NightDeskOverview {
  now: string;
  settings: NightDeskSettings;
  defaultEnd: string;
  latestEnd: string;
  pool: PoolCardView[];
  open: TemporaryIssuanceView[];
  /** Expired (or revoked) temporary cards not handed back yet. */
  overdue: TemporaryIssuanceView[];
  regularizations: RegularizationTaskView[];
  leaverReviews: LeaverReviewView[];
  leaverHolds: LeaverHoldView[];
}

export type NightDeskCardRead =
  | { kind: 'person'; candidate: NightDeskCandidate }
  | { kind: 'pool-card'; card: PoolCardView };

export interface TemporaryIssueResult {
  issuance: TemporaryIssuanceView;
  mie: MieView;
  /** The main badge suspended while the temporary card is out (forgotten card). */
  suspendedMieIds: string[];
}

export interface LeaverRunResult {
  /** `applied`: MIE suspended and reviews created; `held`: waiting for confirmation. */
  outcome: 'applied' | 'held' | 'nothing';
  suspendedMies: number;
  reviews: number;
  holdId: string | null;
}

const id = z.string().trim().min(1).max(128);
const readerName = z.string().trim().min(1, 'reader name is empty').max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const reason = z.string().trim().min(3, 'expected a reason of at least 3 characters').max(500);
const name = z.string().trim().min(1).max(100);

/** Who receives the temporary card. */
export const temporaryHolderSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('person'), identityId: id }).strict(),
  z.object({ source: z.literal('register'), rpps: z.string().regex(/^\d{11}$/, 'expected an 11-digit RPPS') }).strict(),
  z.object({ source: z.literal('typed'), lastName: name, firstName: name, birthDate: isoDate }).strict(),
]);

export const nightDeskMethods = {
  getNightDeskOverview: defineMethod<NightDeskOverview>()(z.object({}).strict(), { access: 'mie.read' }),
  updateNightDeskSettings: defineMethod<NightDeskSettings>()(
    z
      .object({
        shiftChanges: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')).min(1).max(12),
        marginMinutes: z.number().int().min(0).max(720),
        maxHours: z.number().int().min(1).max(72 * 4),
        timeZone: z.string().min(1).max(64),
        massLeaverShare: z.number().gt(0).max(1),
      })
      .strict(),
    { access: 'mie.resume' },
  ),
  searchNightDeskCandidates: defineMethod<NightDeskCandidate[]>()(
    z.object({ query: z.string().trim().min(2, 'expected at least 2 characters').max(100), limit: z.number().int().min(1).max(50).default(12) }).strict(),
    { access: 'mie.read', personalData: true },
  ),
  /** Reads the card in `reader`: a CPS names the person, a pool badge names the temporary card. */
  readNightDeskCard: defineMethod<NightDeskCardRead>()(z.object({ reader: readerName }).strict(), { access: 'mie.read' }),
  registerPoolCard: defineMethod<PoolCardView>()(z.object({ reader: readerName, label: z.string().trim().max(40).optional() }).strict(), { access: 'mie.bind-temporary' }),
  declarePoolCardLost: defineMethod<PoolCardView>()(z.object({ identifier: id, reason }).strict(), { access: 'mie.bind-temporary' }),
  issueTemporaryCard: defineMethod<TemporaryIssueResult>()(
    z
      .object({
        holder: temporaryHolderSchema,
        cardIdentifier: id,
        /** ISO instant; defaults to the end of the current shift plus the margin. */
        endsAt: z.iso.datetime({ offset: true }).optional(),
        /** Desk time from the first action, measured by the screen. */
        timing: z.object({ startedAt: z.iso.datetime({ offset: true }), interactions: z.number().int().min(0).max(1000) }).strict().optional(),
      })
      .strict(),
    { access: 'mie.bind-temporary' },
  ),
  returnTemporaryCard: defineMethod<TemporaryIssuanceView>()(z.object({ cardIdentifier: id }).strict(), { access: 'mie.bind-temporary' }),
  confirmRegularization: defineMethod<RegularizationTaskView>()(z.object({ taskId: id, hrIdentityId: id }).strict(), { access: 'mie.resume' }),
  revokeRegularization: defineMethod<RegularizationTaskView>()(z.object({ taskId: id, reason }).strict(), { access: 'mie.resume' }),
  recordImmediateDeparture: defineMethod<LeaverRunResult>()(z.object({ identityId: id, reason }).strict(), { access: 'mie.suspend' }),
  resolveLeaverReview: defineMethod<LeaverReviewView>()(
    z.discriminatedUnion('decision', [
      z.object({ reviewId: id, decision: z.literal('revoke'), reason: reason.optional() }).strict(),
      z.object({ reviewId: id, decision: z.literal('restore'), reason, newEndDate: isoDate.nullable() }).strict(),
    ]),
    { access: 'mie.resume' },
  ),
  resolveLeaverHold: defineMethod<LeaverRunResult>()(z.object({ holdId: id, decision: z.enum(['apply', 'dismiss']) }).strict(), { access: 'mie.resume' }),
};

export type NightDeskChangeReason = 'pool' | 'issued' | 'returned' | 'expired' | 'regularization' | 'leavers' | 'settings';

export const nightDeskEvents = {
  nightDeskChanged: defineEvent<{ reason: NightDeskChangeReason }>(),
};
