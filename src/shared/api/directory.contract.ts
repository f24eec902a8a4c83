import { z } from 'zod';
import type { FieldEvidence } from '../matching/compareFeatures';
import { defineMethod } from './defineContract';

export type IdentityStatus = 'active' | 'leaving' | 'left' | 'temporary';

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
    evidence: FieldEvidence[];
    validatedBy: string | null;
    validatedAt: string | null;
  };
}

export interface PersonDetail extends PersonSummary {
  records: SourceRecordView[];
}

export const searchQuerySchema = z.string().trim().min(1, 'query is empty').max(200);

export const directoryMethods = {
  searchPeople: defineMethod<PersonSummary[]>()(
    z
      .object({
        query: searchQuerySchema,
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    { access: 'public' },
  ),
  getPerson: defineMethod<PersonDetail>()(
    z.object({ identityId: z.string().min(1).max(64) }).strict(),
    { access: 'public' },
  ),
};
