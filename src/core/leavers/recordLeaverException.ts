import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ActingAgent } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { dayBefore } from './dayBefore';
import { readDepartures } from './readDepartures';
import { readOpenLeaverReview } from './readOpenLeaverReview';

export interface RecordLeaverExceptionRequest {
  actor: Actor;
  /** The second agent who confirmed in person (four eyes), already checked with their CPS and PIN. */
  confirmedBy: ActingAgent;
  identityId: string;
  reason: string;
  /** The MIE the exception is for (journaled). */
  mieIds: readonly string[];
}

/**
 * Records a documented exception to a departure: the person keeps (or gets back) their means
 * despite the HR end date. The open leaver review is settled as `restored` with the reason and the
 * second agent; without one (the check has not run yet), a settled review is written for the
 * departure date so the exception is on record the same way. Must run inside the caller's
 * transaction; returns the end date the exception covers.
 */
export function recordLeaverException(db: Database.Database, clock: Clock, { actor, confirmedBy, identityId, reason, mieIds }: RecordLeaverExceptionRequest): string {
  if (reason.trim().length < 3) {
    throw new DeskError('INVALID_ARGUMENT', { fr: 'Indiquez le motif de l’exception (3 caractères au moins).', en: 'Give the reason for the exception (at least 3 characters).' }, { field: 'reason', rule: 'reason-required' });
  }
  const now = clock.now().toISOString();
  const agentId = actor.agentId ?? 'system';
  const review = readOpenLeaverReview(db, identityId);
  let reviewId: string;
  let hrEndDate: string;
  if (review !== null) {
    ({ id: reviewId, hrEndDate } = review);
    db.prepare("UPDATE leaver_reviews SET status = 'restored', resolved_by = ?, resolved_at = ?, reason = ?, confirmed_by = ? WHERE id = ?").run(agentId, now, reason, confirmedBy.agentId, reviewId);
  } else {
    const [departure] = readDepartures(db, { onOrBefore: dayBefore(clock.now()), identityId });
    if (departure === undefined) {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette personne n’est pas partie : aucune exception n’est à enregistrer.', en: 'This person has not left: there is no exception to record.' }, { rule: 'not-a-leaver' });
    }
    reviewId = randomUUID();
    hrEndDate = departure.endDate;
    db.prepare(
      `INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at, resolved_by, resolved_at, reason, confirmed_by)
       VALUES (?, ?, 'departure', ?, '[]', ?, 'restored', ?, ?, ?, ?, ?, ?)`,
    ).run(reviewId, identityId, hrEndDate, isoDay(clock.now()), agentId, now, agentId, now, reason, confirmedBy.agentId);
  }
  appendJournalEntry(db, clock, {
    actor,
    action: 'leaver.exception',
    subject: { type: 'leaver-review', id: reviewId },
    after: { identityId, hrEndDate, reason, mieIds, confirmedBy: { agentId: confirmedBy.agentId, agentName: confirmedBy.agentName } },
  });
  return hrEndDate;
}
