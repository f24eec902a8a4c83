import type Database from 'better-sqlite3';
import type { ActingAgent } from '../../shared/api/dispatch';
import type { LeaverReviewView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readLeaverReviews } from './readLeaverQueues';
import { recordLeaverException } from './recordLeaverException';
import { setHrEndDate } from '../identities/setHrEndDate';
import { formatDayInWords } from '../../shared/text/formatDates';

export type LeaverDecision =
  | { decision: 'revoke'; reason: string }
  | { decision: 'restore'; reason: string; newEndDate: string | null; confirmedBy: ActingAgent };

/**
 * Settles a leaver review — the badge office's act. `revoke`: every live MIE of the person
 * (active or suspended, whatever suspended them) ends as `revoked`, never to be issued again, and
 * never deleted. `restore`: a documented exception confirmed by a second agent — the HR end date
 * is corrected (a future date or none) and the MIE suspended by the alert are resumed.
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
    if (decision.reason.trim().length < 3) {
      throw new DeskError('INVALID_ARGUMENT', { fr: 'Indiquez le motif de la décision (3 caractères au moins).', en: 'Give the reason for the decision (at least 3 characters).' }, { field: 'reason', rule: 'reason-required' });
    }
    const today = isoDay(clock.now());
    const now = clock.now().toISOString();
    if (decision.decision === 'restore') {
      if (decision.newEndDate !== null && decision.newEndDate <= today) {
        throw new DeskError(
          'INVALID_ARGUMENT',
          { fr: `Pour rétablir, la nouvelle date de fin doit être après aujourd’hui (${formatDayInWords(today, 'fr')}) ou vide.`, en: `To restore, the new end date must be after today (${formatDayInWords(today, 'en')}) or empty.` },
          { rule: 'restore-end-date', newEndDate: decision.newEndDate },
        );
      }
      setHrEndDate(db, clock, { actor, identityId: review.identityId, endDate: decision.newEndDate });
      appendJournalEntry(db, clock, { actor, action: 'identity.correct-end-date', subject: { type: 'identity', id: review.identityId }, before: { hrEndDate: review.hrEndDate }, after: { hrEndDate: decision.newEndDate, reason: decision.reason } });
      const suspended = review.suspendedMieIds.map((mieId) => readMies(db, { mieId })[0]).filter((mie) => mie?.status === 'suspended');
      // The exception settles the review first: resuming checks that no departure is left uncovered.
      recordLeaverException(db, clock, { actor, confirmedBy: decision.confirmedBy, identityId: review.identityId, reason: decision.reason, mieIds: suspended.map((mie) => mie!.id) });
      for (const mie of suspended) changeMieStatus(db, clock, { actor, mieId: mie!.id, action: 'resume', reason: decision.reason });
      return readLeaverReviews(db, { reviewId })[0]!;
    }
    const live = readMies(db, { identityId: review.identityId }).filter((mie) => mie.status === 'active' || mie.status === 'suspended');
    for (const mie of live) changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'revoke', reason: decision.reason });
    db.prepare("UPDATE leaver_reviews SET status = 'revoked', resolved_by = ?, resolved_at = ?, reason = ? WHERE id = ?").run(actor.agentId ?? 'system', now, decision.reason, reviewId);
    appendJournalEntry(db, clock, { actor, action: 'leaver.revoke', subject: { type: 'leaver-review', id: reviewId }, after: { identityId: review.identityId, reason: decision.reason, revoked: live.map((mie) => mie.id) } });
    return readLeaverReviews(db, { reviewId })[0]!;
  }).immediate();
}
