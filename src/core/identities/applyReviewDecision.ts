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

/**
 * Applies a reviewer's decision to the link now (the decision itself lives in
 * `reconcile_decisions`, which later runs obey): a rejected link disappears; an accepted one is
 * validated and lends the identity a missing RPPS (register entry) or account (directory).
 */
export function applyReviewDecision(db: Database.Database, clock: Clock, write: ReviewDecisionWrite): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    if (write.decision === 'reject') {
      db.prepare('DELETE FROM identity_links WHERE record_id = ?').run(write.recordId);
      return;
    }
    db.prepare("UPDATE identity_links SET decision = 'validated', validated_by = ?, validated_at = ? WHERE record_id = ?").run(write.decidedBy, now, write.recordId);
    if (write.role === 'register' && write.rpps !== null) {
      db.prepare('UPDATE identities SET rpps = ?, updated_at = ? WHERE id = ? AND rpps IS NULL AND NOT EXISTS (SELECT 1 FROM identities WHERE rpps = ?)').run(write.rpps, now, write.identityId, write.rpps);
    }
    if (write.role === 'directory' && write.adId !== null) {
      db.prepare('UPDATE identities SET ad_id = ?, updated_at = ? WHERE id = ? AND ad_id IS NULL').run(write.adId, now, write.identityId);
    }
  })();
}
