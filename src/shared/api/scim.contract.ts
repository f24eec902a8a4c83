import { z } from 'zod';
import type { ScimIdentificationMeans } from '../scim/guichetUserExtension';
import { defineEvent, defineMethod } from './defineContract';

/** The desk's link with the hospital's IAM (SCIM 2.0), as the header and the admin panel show it. */
export interface ScimSyncStatusView {
  configured: boolean;
  /** Whether the last exchange got an answer from the IAM (null: none yet). */
  connected: boolean | null;
  pending: number;
  failed: number;
  lastContactAt: string | null;
  lastError: string | null;
}

export const scimOutboxStates = ['pending', 'sent', 'dead', 'discarded'] as const;

export interface ScimOutboxItemView {
  id: number;
  identityId: string;
  holderName: string;
  mieId: string | null;
  act: string;
  means: ScimIdentificationMeans;
  state: (typeof scimOutboxStates)[number];
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  /** The IAM's own words (SCIM error detail), or why the desk could not reach it. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const outboxId = z.number().int().positive();

/** Where this desk takes the IAM's bearer token from (never the token itself). */
export interface ScimTokenSourceView {
  /** `keychain`: the Electron shell seals it in the OS keychain; `environment`: a variable only (browser mode, no keychain). */
  source: 'keychain' | 'environment';
  /** The variable the desk reads (from the IAM settings), null when no IAM is configured. */
  tokenEnv: string | null;
  /** Whether a token is there now (sealed, or the variable set). */
  present: boolean;
}

export const scimMethods = {
  /** Connected / n pending / n failed: shown in every window's header. */
  getScimStatus: defineMethod<ScimSyncStatusView>()(z.object({}).strict(), { access: 'session' }),
  /** The outbox towards the IAM: open items (pending and dead letters) by default. */
  listScimOutbox: defineMethod<ScimOutboxItemView[]>()(
    z.object({ state: z.enum([...scimOutboxStates, 'open']).default('open'), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    { access: 'iam.sync', personalData: true },
  ),
  /** Sends a dead letter (or a waiting item) again now. Journaled. */
  retryScimItem: defineMethod<ScimOutboxItemView>()(z.object({ id: outboxId }).strict(), { access: 'iam.sync' }),
  /** Gives up an item, with the reason the admin gives. Journaled. */
  discardScimItem: defineMethod<ScimOutboxItemView>()(z.object({ id: outboxId, reason: z.string().trim().min(5).max(500) }).strict(), { access: 'iam.sync' }),
  getScimTokenSource: defineMethod<ScimTokenSourceView>()(z.object({}).strict(), { access: 'iam.sync' }),
  /** Seals the IAM token in the OS keychain (null forgets it). Journaled without the token. Electron shell only. */
  setScimToken: defineMethod<ScimTokenSourceView>()(
    z.object({ token: z.string().regex(/^[\x21-\x7e]{16,4096}$/, 'expected 16 to 4096 printable characters without spaces').nullable() }).strict(),
    { access: 'iam.sync' },
  ),
};

export const scimEvents = {
  scimStatusChanged: defineEvent<ScimSyncStatusView>(),
};
