import type Database from 'better-sqlite3';
import type { LeaverReviewView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import { identityStatusFromEndDate } from '../directory/identityStatus';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readLeaverReviews } from './readLeaverQueues';

export type LeaverDecision = { decision: 'revoke'; reason?: string | undefined } | { decision: 'restore'; reason: string; newEndDate: string | null };

/**
 * Settles a leaver review. `revoke`: the suspended MIE end for good (expired, still never
 * deleted). `restore`: the HR end date was wrong — it is corrected (a future date or none), with
 * the reason, and the MIE suspended by the alert are resumed.
 */
export function resolveLeaverReview(db: Database.Database, clock: Clock, { actor, reviewId, ...decision }: { actor: Actor; reviewId: string } & LeaverDecision): LeaverReviewView {
  return db.transaction((): LeaverReviewView => {
    const [review] = readLeaverReviews(db, { reviewId });
    if (review === undefined) {
      throw new DeskError('NOT_FOUND', { fr: `Aucune revue de départ n’a l’identifiant ${reviewId}.`, en: `No leaver review has the id ${reviewId}.` }, { reviewId });
    }
    if (review.status !== 'open') {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette revue de départ est déjà traitée.', en: 'This leaver review is already settled.' }, { rule: 'review-closed', status: review.status });
    }
    const today = isoDay(clock.now());
    const now = clock.now().toISOString();
    const suspended = review.suspendedMieIds.map((mieId) => readMies(db, { mieId })[0]).filter((mie) => mie?.status === 'suspended');
    if (decision.decision === 'restore') {
      if (decision.newEndDate !== null && decision.newEndDate <= today) {
        throw new DeskError(
          'INVALID_ARGUMENT',
          { fr: `Pour rétablir, la nouvelle date de fin doit être après aujourd’hui (${today}) ou vide.`, en: `To restore, the new end date must be after today (${today}) or empty.` },
          { rule: 'restore-end-date', newEndDate: decision.newEndDate },
        );
      }
      db.prepare('UPDATE identities SET hr_end_date = ?, status = ?, updated_at = ? WHERE id = ?').run(decision.newEndDate, identityStatusFromEndDate(decision.newEndDate, today), now, review.identityId);
      appendJournalEntry(db, clock, { actor, action: 'identity.correct-end-date', subject: { type: 'identity', id: review.identityId }, before: { hrEndDate: review.hrEndDate }, after: { hrEndDate: decision.newEndDate, reason: decision.reason } });
      for (const mie of suspended) changeMieStatus(db, clock, { actor, mieId: mie!.id, action: 'resume', reason: decision.reason });
    } else {
      for (const mie of suspended) changeMieStatus(db, clock, { actor, mieId: mie!.id, action: 'expire', reason: decision.reason ?? 'départ confirmé' });
    }
    const status = decision.decision === 'restore' ? 'restored' : 'revoked';
    db.prepare('UPDATE leaver_reviews SET status = ?, resolved_by = ?, resolved_at = ?, reason = ? WHERE id = ?').run(status, actor.agentId ?? 'system', now, decision.reason ?? null, reviewId);
    appendJournalEntry(db, clock, { actor, action: `leaver.${decision.decision}`, subject: { type: 'leaver-review', id: reviewId }, after: { identityId: review.identityId, reason: decision.reason ?? null } });
    return readLeaverReviews(db, { reviewId })[0]!;
  })();
}
