import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

export interface ReviewDecisionWrite {
  recordId: number;
  identityId: string;
  decision: 'accept' | 'reject';
  /** Who decided, as the link shows it. */
  decidedBy: string;
  /** The record's role and identifiers: an accepted register entry or account lends them. */
  role: string;
  rpps: string | null;
  adId: string | null;
}

interface AlternativeRow {
  identityId: string;
  score: number;
  probability: number | null;
  evidence: string;
}

/**
 * Applies a reviewer's decision to the link now (the decision itself lives in
 * `reconcile_decisions`, which later runs obey). `identityId` is the proposed person or one of the
 * proposal's alternatives (namesakes):
 * - accepted: the link is validated onto that person, who gets a missing RPPS (register entry) or
 *   account (directory); the other alternatives go;
 * - rejected proposed person: the best alternative, if any, becomes the proposal; else the link goes;
 * - rejected alternative: only that alternative goes.
 */
export function applyReviewDecision(db: Database.Database, clock: Clock, write: ReviewDecisionWrite): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    const proposed = db.prepare('SELECT identity_id FROM identity_links WHERE record_id = ?').pluck().get(write.recordId) as string | undefined;
    // The chosen person among the alternatives, or (no person given) the best of them.
    const alternativeOf = db.prepare(
      `SELECT identity_id AS identityId, score, probability, evidence_json AS evidence FROM identity_link_alternatives
        WHERE record_id = @recordId AND (@identityId IS NULL OR identity_id = @identityId) ORDER BY score DESC, identity_id LIMIT 1`,
    );
    const alternative = alternativeOf.get({ recordId: write.recordId, identityId: write.identityId }) as AlternativeRow | undefined;
    const dropAlternative = db.prepare('DELETE FROM identity_link_alternatives WHERE record_id = ? AND identity_id = ?');
    const moveLinkTo = db.prepare('UPDATE identity_links SET identity_id = @identityId, score = @score, probability = @probability, evidence_json = @evidence WHERE record_id = @recordId');
    if (write.decision === 'reject') {
      if (proposed !== write.identityId) {
        dropAlternative.run(write.recordId, write.identityId);
        return;
      }
      const next = alternativeOf.get({ recordId: write.recordId, identityId: null }) as AlternativeRow | undefined;
      if (next === undefined) {
        db.prepare('DELETE FROM identity_links WHERE record_id = ?').run(write.recordId);
        return;
      }
      moveLinkTo.run({ ...next, recordId: write.recordId });
      dropAlternative.run(write.recordId, next.identityId);
      return;
    }
    if (proposed !== write.identityId && alternative !== undefined) moveLinkTo.run({ ...alternative, recordId: write.recordId });
    db.prepare('DELETE FROM identity_link_alternatives WHERE record_id = ?').run(write.recordId);
    db.prepare("UPDATE identity_links SET decision = 'validated', validated_by = ?, validated_at = ? WHERE record_id = ?").run(write.decidedBy, now, write.recordId);
    if (write.role === 'register' && write.rpps !== null) {
      db.prepare('UPDATE identities SET rpps = ?, updated_at = ? WHERE id = ? AND rpps IS NULL AND NOT EXISTS (SELECT 1 FROM identities WHERE rpps = ?)').run(write.rpps, now, write.identityId, write.rpps);
    }
    if (write.role === 'directory' && write.adId !== null) {
      db.prepare('UPDATE identities SET ad_id = ?, updated_at = ? WHERE id = ? AND ad_id IS NULL').run(write.adId, now, write.identityId);
    }
  }).immediate();
}
