import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { deciderOf } from './deciderOf';

/** Rules of links a desk act made; reconciliation keeps them (see writeReconciledDirectory). */
export const deskLinkRules = ['night-desk-temporary'] as const;

/**
 * A link an agent made at the desk (the register entry of a night-desk temporary person): validated
 * at once, and kept by later runs unless the engine links the record for sure elsewhere. A record
 * already linked keeps its link.
 */
export function linkRecordToIdentity(
  db: Database.Database,
  clock: Clock,
  { actor, recordId, identityId, rule, evidence }: { actor: Actor; recordId: number; identityId: string; rule: (typeof deskLinkRules)[number]; evidence: unknown[] },
): void {
  const now = clock.now().toISOString();
  db.prepare(
    `INSERT INTO identity_links (record_id, identity_id, rule, score, decision, evidence_json, validated_by, validated_at, created_at)
     VALUES (?, ?, ?, 100, 'validated', ?, ?, ?, ?)
     ON CONFLICT (record_id) DO NOTHING`,
  ).run(recordId, identityId, rule, JSON.stringify(evidence), deciderOf(actor), now, now);
}
