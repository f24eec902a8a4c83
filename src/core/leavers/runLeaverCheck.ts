import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LeaverRunResult } from '../../shared/api/nightdesk.contract';
import { isoDay, type Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { isMassLeaverEffect } from './isMassLeaverEffect';
import { readDepartures } from './readDepartures';
import { readOpenLeaverReview } from './readOpenLeaverReview';
import { formatDay } from '../../shared/text/formatDates';

export type LeaverTrigger = 'import' | 'departure' | 'schedule';

export interface RunLeaverCheckRequest {
  actor: Actor;
  trigger: LeaverTrigger;
  maxShare: number;
  /** Only these people (an immediate departure, a confirmed hold); default everyone. */
  identityIds?: readonly string[] | undefined;
  /** Apply even a mass effect: the hold was confirmed by an agent. */
  confirmed?: boolean;
}

interface LeaverRow {
  id: string;
  name: string;
  hr_end_date: string;
}

const reviewDelayDays = 7;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/**
 * Finds people whose HR end date is today or past and who still hold an active MIE, and suspends
 * every such MIE at once (never deleting it), with a review task due D+7. When more than
 * `maxShare` of the identities would be hit (and no agent confirmed), nothing is suspended: the
 * run is held for confirmation. Unless an agent acts, a held or dismissed person is not held again
 * by the same end date coming again; an exception (a review settled as restored, four eyes) covers
 * its end date for good.
 */
export function runLeaverCheck(db: Database.Database, clock: Clock, { actor, trigger, maxShare, identityIds, confirmed = false }: RunLeaverCheckRequest): LeaverRunResult {
  return db.transaction((): LeaverRunResult => {
    const today = isoDay(clock.now());
    // The earliest end date known for the person (directory or any HR record of theirs, so an
    // import alone is enough) that no exception covers, for people still holding an active MIE.
    const departures = readDepartures(db, { onOrBefore: today, withActiveMie: true }).filter((row) => identityIds === undefined || identityIds.includes(row.identityId));
    // Someone under review holds no active means: anything active again is suspended into the same review.
    let suspendedIntoOpenReviews = 0;
    for (const row of departures) {
      const review = readOpenLeaverReview(db, row.identityId);
      if (review !== null) suspendedIntoOpenReviews += suspendIntoReview(db, clock, actor, review.id, row);
    }
    let leavers: LeaverRow[] = departures
      .filter((row) => readOpenLeaverReview(db, row.identityId) === null)
      .map((row) => ({ id: row.identityId, name: row.name, hr_end_date: row.endDate }));
    if (!confirmed) {
      // A held run waits for its decision; a dismissed one is not held again for the same date.
      // (A settled review is no reason to skip: a revoked leaver holding an active MIE again is reviewed again.)
      const held = new Set(
        (db.prepare("SELECT identities_json FROM leaver_holds WHERE status IN ('held', 'dismissed')").all() as { identities_json: string }[]).flatMap(({ identities_json }) =>
          (JSON.parse(identities_json) as { identityId: string; hrEndDate: string }[]).map((entry) => `${entry.identityId}/${entry.hrEndDate}`),
        ),
      );
      leavers = leavers.filter((row) => !held.has(`${row.id}/${row.hr_end_date}`));
    }
    if (leavers.length === 0) return { outcome: suspendedIntoOpenReviews > 0 ? 'applied' : 'nothing', suspendedMies: suspendedIntoOpenReviews, reviews: 0, holdId: null };

    const now = clock.now().toISOString();
    const population = (db.prepare("SELECT COUNT(*) AS n FROM identities WHERE status != 'temporary'").get() as { n: number }).n;
    if (!confirmed && isMassLeaverEffect({ affected: leavers.length, population, maxShare })) {
      const holdId = randomUUID();
      const entries = leavers.map((row) => ({ identityId: row.id, hrEndDate: row.hr_end_date, name: row.name }));
      db.prepare(
        `INSERT INTO leaver_holds (id, trigger, identities_json, affected, population, max_share, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'held', ?)`,
      ).run(holdId, trigger, JSON.stringify(entries), leavers.length, population, maxShare, now);
      appendJournalEntry(db, clock, { actor, action: 'leaver.hold', subject: { type: 'leaver-hold', id: holdId }, after: { trigger, affected: leavers.length, population, maxShare } });
      return { outcome: 'held', suspendedMies: 0, reviews: 0, holdId };
    }

    let suspendedMies = 0;
    for (const leaver of leavers) {
      const active = readMies(db, { identityId: leaver.id }).filter((mie) => mie.status === 'active');
      for (const mie of active) changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend', reason: `départ RH au ${formatDay(leaver.hr_end_date, 'fr')}` });
      suspendedMies += active.length;
      const reviewId = randomUUID();
      db.prepare(
        `INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(reviewId, leaver.id, trigger, leaver.hr_end_date, JSON.stringify(active.map((mie) => mie.id)), addDays(today, reviewDelayDays), actor.agentId ?? 'system', now);
      appendJournalEntry(db, clock, { actor, action: 'leaver.suspend', subject: { type: 'identity', id: leaver.id }, after: { trigger, hrEndDate: leaver.hr_end_date, suspended: active.map((mie) => mie.id), reviewId } });
    }
    return { outcome: 'applied', suspendedMies: suspendedMies + suspendedIntoOpenReviews, reviews: leavers.length, holdId: null };
  }).immediate();
}

function suspendIntoReview(db: Database.Database, clock: Clock, actor: Actor, reviewId: string, departure: { identityId: string; endDate: string }): number {
  const active = readMies(db, { identityId: departure.identityId }).filter((mie) => mie.status === 'active');
  for (const mie of active) changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend', reason: `départ RH au ${formatDay(departure.endDate, 'fr')}` });
  const { suspended_mie_ids_json: listed } = db.prepare('SELECT suspended_mie_ids_json FROM leaver_reviews WHERE id = ?').get(reviewId) as { suspended_mie_ids_json: string };
  const ids = [...new Set([...(JSON.parse(listed) as string[]), ...active.map((mie) => mie.id)])];
  db.prepare('UPDATE leaver_reviews SET suspended_mie_ids_json = ? WHERE id = ?').run(JSON.stringify(ids), reviewId);
  appendJournalEntry(db, clock, { actor, action: 'leaver.suspend', subject: { type: 'identity', id: departure.identityId }, after: { hrEndDate: departure.endDate, suspended: active.map((mie) => mie.id), reviewId } });
  return active.length;
}
