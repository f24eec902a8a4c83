import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LeaverRunResult } from '../../shared/api/nightdesk.contract';
import { isoDay, type Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { isMassLeaverEffect } from './isMassLeaverEffect';

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
 * run is held for confirmation. Unless an agent acts, a held or dismissed person is not held again,
 * and a settled review (restored or revoked) is not reopened, by the same end date coming again.
 */
export function runLeaverCheck(db: Database.Database, clock: Clock, { actor, trigger, maxShare, identityIds, confirmed = false }: RunLeaverCheckRequest): LeaverRunResult {
  return db.transaction((): LeaverRunResult => {
    const today = isoDay(clock.now());
    // The earliest end date known for the person: the directory's, or any HR record of theirs
    // (linked by reconciliation, or carrying their matricule) — an import alone is enough.
    let leavers = db
      .prepare(
        `WITH ends AS (
           SELECT id AS identity_id, hr_end_date AS end_date FROM identities WHERE hr_end_date IS NOT NULL
           UNION ALL
           SELECT i.id, json_extract(r.attributes_json, '$.endDate')
             -- CROSS JOIN keeps the HR sources outside: only their present records are read (index
             -- source_records_present), not every register row, after each import on the desk's thread.
             FROM sources s CROSS JOIN source_records r ON s.id = r.source_id AND s.role = 'hr'
             JOIN identities i ON i.hr_id = r.hr_id OR i.id IN (SELECT l.identity_id FROM identity_links l WHERE l.record_id = r.id AND l.decision IN ('automatic', 'validated'))
            WHERE r.present = 1 AND json_extract(r.attributes_json, '$.endDate') IS NOT NULL
         )
         , earliest AS (SELECT identity_id, MIN(end_date) AS end_date FROM ends GROUP BY identity_id)
         SELECT i.id, i.first_name || ' ' || i.last_name AS name, e.end_date AS hr_end_date
           FROM earliest e JOIN identities i ON i.id = e.identity_id
          WHERE e.end_date <= @today
            AND EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id AND m.status = 'active')
            AND NOT EXISTS (SELECT 1 FROM leaver_reviews r WHERE r.identity_id = i.id AND r.status = 'open')
          ORDER BY i.last_name, i.first_name`,
      )
      .all({ today }) as LeaverRow[];
    if (identityIds !== undefined) leavers = leavers.filter((row) => identityIds.includes(row.id));
    if (!confirmed) {
      const held = (db.prepare("SELECT identities_json FROM leaver_holds WHERE status IN ('held', 'dismissed')").all() as { identities_json: string }[]).flatMap(({ identities_json }) =>
        (JSON.parse(identities_json) as { identityId: string; hrEndDate: string }[]).map((entry) => `${entry.identityId}/${entry.hrEndDate}`),
      );
      const settled = (db.prepare("SELECT identity_id, hr_end_date FROM leaver_reviews WHERE status != 'open'").all() as { identity_id: string; hr_end_date: string }[]).map(
        (review) => `${review.identity_id}/${review.hr_end_date}`,
      );
      const alreadyHandled = new Set([...held, ...settled]);
      leavers = leavers.filter((row) => !alreadyHandled.has(`${row.id}/${row.hr_end_date}`));
    }
    if (leavers.length === 0) return { outcome: 'nothing', suspendedMies: 0, reviews: 0, holdId: null };

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
      for (const mie of active) changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'suspend', reason: `départ RH au ${leaver.hr_end_date}` });
      suspendedMies += active.length;
      const reviewId = randomUUID();
      db.prepare(
        `INSERT INTO leaver_reviews (id, identity_id, trigger, hr_end_date, suspended_mie_ids_json, due_on, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(reviewId, leaver.id, trigger, leaver.hr_end_date, JSON.stringify(active.map((mie) => mie.id)), addDays(today, reviewDelayDays), actor.agentId ?? 'system', now);
      appendJournalEntry(db, clock, { actor, action: 'leaver.suspend', subject: { type: 'identity', id: leaver.id }, after: { trigger, hrEndDate: leaver.hr_end_date, suspended: active.map((mie) => mie.id), reviewId } });
    }
    return { outcome: 'applied', suspendedMies, reviews: leavers.length, holdId: null };
  })();
}
