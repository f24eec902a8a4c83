import { z } from 'zod';
import type { FieldEvidence } from '../matching/compareFeatures';
import { defineMethod } from './defineContract';

export const identityStatuses = ['active', 'leaving', 'left', 'temporary'] as const;
export type IdentityStatus = (typeof identityStatuses)[number];

export interface PersonSummary {
  identityId: string;
  lastName: string;
  birthName: string | null;
  firstName: string;
  birthDate: string | null;
  rpps: string | null;
  hrId: string | null;
  adId: string | null;
  profession: string | null;
  service: string | null;
  status: IdentityStatus;
  /** Ids of the sources holding a record linked to this person. */
  sourceIds: string[];
}

export interface SourceRecordView {
  sourceId: string;
  recordKey: string;
  attributes: Record<string, string | boolean | null>;
  /** Why this record is linked to the person (reconciliation rule, score, per-field evidence). */
  link?: {
    decision: 'automatic' | 'validated' | 'pending' | 'rejected';
    rule: string;
    score: number;
    /** Calibrated policy: match probability and prior (log2 odds); null under seed-points or before migration 0240. */
    probability: number | null;
    priorWeight: number | null;
    evidence: FieldEvidence[];
    validatedBy: string | null;
    validatedAt: string | null;
  };
}

/**
 * A record waiting for a reviewer that may be this person's: proposed to them, or proposed to a
 * namesake with this person among the other possible people (`proposedTo` then names the namesake,
 * and `link` holds the evidence for this person).
 */
export interface PendingRecordView extends SourceRecordView {
  proposedTo: { identityId: string; lastName: string; firstName: string } | null;
}

export interface PersonDetail extends PersonSummary {
  records: SourceRecordView[];
  /** Records waiting in the review queue that may be this person's (decided on the review screen). */
  pending: PendingRecordView[];
}

/** The longest search a person may type (the field stops there; the core refuses longer). */
export const searchQueryMaxLength = 200;
export const searchQuerySchema = z.string().trim().min(1, 'query is empty').max(searchQueryMaxLength);

/** Narrowing a search: status, service, profession (code or label), what means the person holds. */
export const searchFiltersSchema = z
  .object({
    status: z.enum(identityStatuses).optional(),
    service: z.string().trim().min(1).max(100).optional(),
    profession: z.string().trim().min(1).max(100).optional(),
    /** `none`: no active means at all. */
    meansKind: z.enum(['cps', 'badge', 'fido', 'temporary-badge', 'none']).optional(),
    meansStatus: z.enum(['active', 'suspended', 'lost', 'stolen', 'replaced', 'returned', 'expired', 'revoked']).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const directoryMethods = {
  searchPeople: defineMethod<PersonSummary[]>()(
    z
      .object({
        query: searchQuerySchema,
        limit: z.number().int().min(1).max(500).default(50),
        filters: searchFiltersSchema.optional(),
      })
      .strict(),
    { access: 'directory.read', personalData: true },
  ),
  getPerson: defineMethod<PersonDetail>()(
    z.object({ identityId: z.string().min(1).max(64) }).strict(),
    { access: 'directory.read', personalData: true },
  ),
};
