import type Database from 'better-sqlite3';
import type { LeaverHoldView, LeaverReviewView } from '../../shared/api/nightdesk.contract';

/** Open leaver reviews, soonest due first. */
export function readLeaverReviews(db: Database.Database, { reviewId }: { reviewId?: string } = {}): (LeaverReviewView & { status: string })[] {
  const rows = db
    .prepare(
      `SELECT r.*, i.first_name || ' ' || i.last_name AS person_name FROM leaver_reviews r JOIN identities i ON i.id = r.identity_id
        WHERE ${reviewId === undefined ? "r.status = 'open'" : 'r.id = @reviewId'} ORDER BY r.due_on, r.created_at`,
    )
    .all(reviewId === undefined ? {} : { reviewId }) as {
    id: string;
    identity_id: string;
    person_name: string;
    trigger: LeaverReviewView['trigger'];
    hr_end_date: string;
    suspended_mie_ids_json: string;
    due_on: string;
    created_at: string;
    status: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    identityId: row.identity_id,
    personName: row.person_name,
    trigger: row.trigger,
    hrEndDate: row.hr_end_date,
    suspendedMieIds: JSON.parse(row.suspended_mie_ids_json) as string[],
    dueOn: row.due_on,
    createdAt: row.created_at,
    status: row.status,
  }));
}

/** Mass-leaver runs waiting for an agent's confirmation. */
export function readLeaverHolds(db: Database.Database, { holdId }: { holdId?: string } = {}): (LeaverHoldView & { status: string; identityIds: string[] })[] {
  const rows = db
    .prepare(`SELECT * FROM leaver_holds WHERE ${holdId === undefined ? "status = 'held'" : 'id = @holdId'} ORDER BY created_at`)
    .all(holdId === undefined ? {} : { holdId }) as {
    id: string;
    trigger: LeaverHoldView['trigger'];
    identities_json: string;
    affected: number;
    population: number;
    max_share: number;
    status: string;
    created_at: string;
  }[];
  return rows.map((row) => {
    const entries = JSON.parse(row.identities_json) as { identityId: string; name: string }[];
    return {
      id: row.id,
      trigger: row.trigger,
      affected: row.affected,
      population: row.population,
      maxShare: row.max_share,
      names: entries.map((entry) => entry.name),
      identityIds: entries.map((entry) => entry.identityId),
      createdAt: row.created_at,
      status: row.status,
    };
  });
}
