import { z } from 'zod';
import type { FieldEvidence } from '../matching/compareFeatures';
import { defineEvent, defineMethod } from './defineContract';
import type { PersonSummary } from './directory.contract';

export type { FieldEvidence as LinkEvidence } from '../matching/compareFeatures';

/** A person as the review screen shows them beside a record. */
export type ReviewPerson = Pick<PersonSummary, 'identityId' | 'lastName' | 'birthName' | 'firstName' | 'birthDate' | 'hrId' | 'rpps' | 'service' | 'profession'>;

/** Another person the record may be (a namesake the homonym guard weighed), with the evidence for that pair. */
export interface ReviewAlternative {
  identity: ReviewPerson;
  score: number;
  probability: number | null;
  evidence: FieldEvidence[];
}

/** A proposed link awaiting a human: the record, the best identity, and why. */
export interface ReviewProposal {
  recordId: number;
  sourceId: string;
  sourceLabel: string;
  recordKey: string;
  recordAttributes: Record<string, string | boolean | null>;
  identity: ReviewPerson;
  /** Summed weights in bits (calibrated policy) or points (seed-points). */
  score: number;
  /** Match probability and the prior (log2 odds) it started from; null under the seed-points policy. */
  probability: number | null;
  priorWeight: number | null;
  rule: string;
  evidence: FieldEvidence[];
  /** Other people the record may be, best first (empty when the engine saw no close namesake); any may be accepted instead. */
  alternatives: ReviewAlternative[];
}

export interface ReconcileReportView {
  finishedAt: string;
  records: number;
  identities: number;
  perSource: Record<string, Partial<Record<'auto' | 'review' | 'none', number>>>;
  automaticRate: number;
  reviewCount: number;
  healthProfessionalsAlignedToRpps: number;
  orphans: Partial<Record<'departed' | 'unknown' | 'generic' | 'duplicate', number>>;
  candidatePairs: number;
  /** Identities no HR record anchors any more: merged into another, kept (night desk), marked left, removed. Absent from runs before it was counted. */
  identityStore?: { merged: number; keptTemporary: number; markedLeft: number; removed: number };
  timingsMs: Record<string, number>;
}

export interface ReviewQueue {
  total: number;
  proposals: ReviewProposal[];
  lastRun: ReconcileReportView | null;
}

export const reviewDecisions = ['accept', 'reject'] as const;

export const reconcileMethods = {
  listReviewProposals: defineMethod<ReviewQueue>()(
    z.object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict(),
    { access: 'directory.read', personalData: true },
  ),
  decideReviewProposal: defineMethod<{ remaining: number }>()(
    z
      .object({
        recordId: z.number().int().positive(),
        identityId: z.string().min(1).max(64),
        decision: z.enum(reviewDecisions),
        reason: z.string().trim().min(3, 'expected a reason of at least 3 characters').max(500),
      })
      .strict(),
    { access: 'directory.review' },
  ),
  runReconciliation: defineMethod<ReconcileReportView>()(z.object({}).strict(), { access: 'directory.reconcile' }),
};

export const reconcileEvents = {
  reviewQueueChanged: defineEvent<{ remaining: number }>(),
};
