import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { applyReviewDecision } from '../identities/applyReviewDecision';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';

export interface DecideReviewProposalOptions {
  recordId: number;
  identityId: string;
  decision: 'accept' | 'reject';
  reason: string;
  /** The agent deciding (a desk session allowed `directory.review`). */
  actor: Actor;
  clock: Clock;
}

/**
 * Records a human decision on a proposed link — for the proposed person or one of the proposal's
 * alternatives (a namesake) — and applies it now: accepted links become `validated` on that person
 * (and lend a missing RPPS or account); a rejected person leaves the proposal (the best alternative
 * is proposed next). The
 * decision is stored apart so the next automatic run keeps it, and journaled with its reason.
 */
export function decideReviewProposal(db: Database.Database, { recordId, identityId, decision, reason, actor, clock }: DecideReviewProposalOptions): { remaining: number } {
  const now = clock.now().toISOString();
  const decidedBy = actor.agentName === null ? actor.desk : `${actor.agentName} (${actor.agentId})`;
  db.transaction(() => {
    const link = db
      .prepare(
        `SELECT l.identity_id AS identityId, l.decision, l.score, r.source_id AS sourceId, r.record_key AS recordKey, r.rpps, r.ad_id AS adId, s.role
           FROM identity_links l JOIN source_records r ON r.id = l.record_id JOIN sources s ON s.id = r.source_id
          WHERE l.record_id = ?`,
      )
      .get(recordId) as { identityId: string; decision: string; score: number; sourceId: string; recordKey: string; rpps: string | null; adId: string | null; role: string } | undefined;
    const isAlternative =
      link !== undefined &&
      link.identityId !== identityId &&
      db.prepare('SELECT 1 FROM identity_link_alternatives WHERE record_id = ? AND identity_id = ?').get(recordId, identityId) !== undefined;
    if (link === undefined || (link.identityId !== identityId && !isAlternative)) {
      throw new DeskError(
        'NOT_FOUND',
        { fr: `Aucun rapprochement proposé entre l’enregistrement ${recordId} et la personne ${identityId}.`, en: `No proposed link between record ${recordId} and person ${identityId}.` },
        { recordId, identityId },
      );
    }
    if (link.decision !== 'pending') {
      throw new DeskError(
        'CONFLICT',
        { fr: 'Ce rapprochement a déjà été décidé.', en: `This link was already decided (expected "pending", found "${link.decision}").` },
        { recordId, decision: link.decision },
      );
    }
    db.prepare(
      `INSERT INTO reconcile_decisions (source_id, record_key, identity_id, decision, reason, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, record_key, identity_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(link.sourceId, link.recordKey, identityId, decision, reason, decidedBy, now);
    appendJournalEntry(db, clock, {
      actor,
      action: decision === 'accept' ? 'identity-link.accept' : 'identity-link.reject',
      subject: { type: 'source-record', id: `${link.sourceId}/${link.recordKey}` },
      before: { identityId: link.identityId, decision: 'pending', score: link.score, ...(isAlternative ? { alternative: identityId } : {}) },
      after: { identityId: decision === 'accept' ? identityId : null, decision: decision === 'accept' ? 'validated' : 'rejected', reason },
    });
    applyReviewDecision(db, clock, { recordId, identityId, decision, decidedBy, role: link.role, rpps: link.rpps, adId: link.adId });
  }).immediate();
  return { remaining: (db.prepare("SELECT COUNT(*) AS n FROM identity_links WHERE decision = 'pending'").get() as { n: number }).n };
}
