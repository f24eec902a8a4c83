import { z } from 'zod';
import { defineMethod } from './defineContract';

/** One journal entry as the auditor reads it: the act's code (the screen words it), who, where, about whom, why. */
export interface JournalLine {
  seq: number;
  at: string;
  agentId: string | null;
  agentName: string | null;
  desk: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The person the act is about, when the journal can tell (identity, or a means' holder). */
  personId: string | null;
  personName: string | null;
  /** The card, key or record concerned, when there is one. */
  identifier: string | null;
  reason: string | null;
}

export interface JournalPage {
  entries: JournalLine[];
  /** Entries matching the filters (the page shows the newest `limit`). */
  total: number;
}

export interface JournalIntegrity {
  ok: boolean;
  entries: number;
  /** When the chain is broken: the first entry that does not fit, and why (a code the screen words). */
  firstBadEntry: number | null;
  reason: string | null;
  message: string | null;
  /** Whether the MACs were checked (the journal key is present beside the store). */
  keyed: boolean;
  /** The leaver invariant: no departed person holds an active means. */
  leavers: { ok: boolean; violations: { identityId: string; name: string; hrEndDate: string }[]; held: number };
}

export interface JournalExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'date impossible');
export const journalFilters = z
  .object({
    agent: z.string().trim().max(100).optional(),
    person: z.string().trim().max(100).optional(),
    actions: z.array(z.string().regex(/^[a-z][a-z0-9.-]{0,59}$/)).max(60).optional(),
    from: day.optional(),
    to: day.optional(),
    desk: z.string().trim().max(100).optional(),
  })
  .strict()
  .refine((filters) => filters.from === undefined || filters.to === undefined || filters.from <= filters.to, { message: 'la date de début doit précéder la date de fin', path: ['from'] });
export type JournalFilters = z.infer<typeof journalFilters>;

export const journalMethods = {
  /** The journal, newest first, filtered by agent, person, acts, dates and desk (auditors and admins). */
  searchJournal: defineMethod<JournalPage>()(
    z.object({ filters: journalFilters.default({}), limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().positive().optional() }).strict(),
    { access: 'journal.read', personalData: true },
  ),
  /** `audit verify` from the screen: the hash chain, the MACs, the anchors and the leaver invariant. Journaled. */
  verifyJournalIntegrity: defineMethod<JournalIntegrity>()(z.object({}).strict(), { access: 'journal.read' }),
  /** The filtered journal as CSV (with the chain's hashes) or PDF (readable acts). Journaled. */
  exportJournal: defineMethod<JournalExportFile>()(
    z.object({ filters: journalFilters.default({}), format: z.enum(['csv', 'pdf']), language: z.enum(['fr', 'en']).default('fr') }).strict(),
    { access: 'journal.read', personalData: true },
  ),
};
