import type Database from 'better-sqlite3';
import type { MieStatus, MieView } from '../../shared/api/enrollment.contract';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { enqueueScimChange } from '../scim/enqueueScimChange';

export interface MieChange {
  actor: Actor;
  /** Journal verb, e.g. `mie.bind`, `mie.suspend`. */
  action: string;
  before: MieView | null;
  after: MieView;
  reason?: string | undefined;
}

/** Writes one MIE change to the MIE history, the journal and the IAM outbox (inside the caller's transaction). */
export function recordMieChange(db: Database.Database, clock: Clock, { actor, action, before, after, reason }: MieChange): void {
  db.prepare(
    `INSERT INTO mie_history (mie_id, identity_id, action, from_status, to_status, reason, agent_id, desk, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    after.id,
    after.identityId,
    action,
    before?.status ?? null,
    after.status satisfies MieStatus,
    reason ?? null,
    actor.agentId ?? 'system',
    actor.desk,
    clock.now().toISOString(),
  );
  appendJournalEntry(db, clock, {
    actor,
    action,
    subject: { type: 'mie', id: after.id },
    before: before === null ? null : { status: before.status, identityId: before.identityId },
    after: { status: after.status, kind: after.kind, identifier: after.identifier, identityId: after.identityId, holder: after.holderName, reason: reason ?? null },
  });
  enqueueScimChange(db, clock, { act: action, mie: after, desk: actor.desk });
}
