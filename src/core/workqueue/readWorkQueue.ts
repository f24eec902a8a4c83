import { readScimDeadLetters } from '../scim/readScimDeadLetters';
import type Database from 'better-sqlite3';
import type { WorkItem, WorkItemKind, WorkQueue } from '../../shared/api/workqueue.contract';
import { isoDay, type Clock } from '../clock';
import { readLeaverHolds, readLeaverReviews } from '../leavers/readLeaverQueues';
import { readRegularizationTasks } from '../nightdesk/readRegularizationTasks';
import { readTemporaryIssuances } from '../nightdesk/readTemporaryIssuances';

/** RPPS numbers the desk paired that an HR record of another person now carries. */
export const rppsConflictsSql = `SELECT f.value AS rpps, f.decided_at AS since, f.identity_id AS identityId, d.first_name || ' ' || d.last_name AS personName,
              h.first_name || ' ' || h.last_name AS hrHolder, r.source_id AS source, r.record_key AS hrKey
         FROM identity_desk_facts f
         -- From the few desk pairings to the records (CROSS JOIN keeps that order): never a scan of the register.
         CROSS JOIN source_records r ON r.rpps = f.value AND r.present = 1
         JOIN identities d ON d.id = f.identity_id
         JOIN sources s ON s.id = r.source_id AND s.role = 'hr'
         JOIN identity_links l ON l.record_id = r.id AND l.rule = 'hr-reference'
         JOIN identities h ON h.id = l.identity_id
        WHERE f.fact = 'rpps' AND l.identity_id <> f.identity_id`;

/**
 * Everything waiting for the badge office, most urgent first: overdue items (a leaver review past
 * D+7, a temporary card not back after its end), then by age. Link reviews of the reconciliation
 * are one item with their count (they are settled one by one on the review screen).
 */
export function readWorkQueue(db: Database.Database, clock: Clock): WorkQueue {
  const today = isoDay(clock.now());
  const items: WorkItem[] = [];
  for (const review of readLeaverReviews(db)) {
    items.push({
      kind: 'leaver-review',
      id: review.id,
      identityId: review.identityId,
      personName: review.personName,
      since: review.createdAt,
      dueOn: review.dueOn,
      overdue: review.dueOn < today,
      facts: { hrEndDate: review.hrEndDate, suspended: review.suspendedMieIds.length },
      screen: 'desk',
    });
  }
  for (const hold of readLeaverHolds(db)) {
    items.push({ kind: 'leaver-hold', id: hold.id, identityId: null, personName: null, since: hold.createdAt, dueOn: null, overdue: false, facts: { affected: hold.affected, population: hold.population }, screen: 'nightdesk' });
  }
  for (const task of readRegularizationTasks(db)) {
    if (task.status !== 'open') continue;
    items.push({
      kind: 'regularization',
      id: task.id,
      identityId: task.identityId,
      personName: task.personName,
      since: task.createdAt,
      dueOn: null,
      overdue: false,
      facts: { card: task.issuance.cardLabel, issuedBy: task.issuance.issuedByName },
      screen: 'nightdesk',
    });
  }
  for (const issuance of readTemporaryIssuances(db, { overdue: true })) {
    items.push({
      kind: 'temporary-not-returned',
      id: issuance.id,
      identityId: issuance.identityId,
      personName: issuance.holderName,
      since: issuance.endsAt,
      dueOn: issuance.endsAt.slice(0, 10),
      overdue: true,
      facts: { card: issuance.cardLabel, endsAt: issuance.endsAt },
      screen: 'nightdesk',
    });
  }
  for (const letter of readScimDeadLetters(db)) {
    items.push({
      kind: 'iam-conflict',
      id: String(letter.id),
      identityId: letter.identityId,
      personName: letter.holderName,
      since: letter.createdAt,
      dueOn: null,
      overdue: false,
      facts: { value: letter.value, act: letter.act, status: letter.status, error: letter.error },
      screen: 'iam',
    });
  }
  // An RPPS paired at the desk stays with its person (the identity store never erases it), but HR
  // may later give that number to somebody else: a human must find out which one is right.
  const conflicts = db
    .prepare(
      rppsConflictsSql,
    )
    .all() as { rpps: string; since: string; identityId: string; personName: string; hrHolder: string; source: string; hrKey: string }[];
  for (const conflict of conflicts) {
    items.push({
      kind: 'rpps-conflict',
      id: `rpps:${conflict.rpps}`,
      identityId: conflict.identityId,
      personName: conflict.personName,
      since: conflict.since,
      dueOn: null,
      overdue: false,
      facts: { rpps: conflict.rpps, hrHolder: conflict.hrHolder, hrRecord: `${conflict.source}/${conflict.hrKey}` },
      screen: 'desk',
    });
  }
  const links = (db.prepare("SELECT COUNT(*) AS n, MIN(l.created_at) AS since FROM identity_links l WHERE l.decision = 'pending'").get() as { n: number; since: string | null });
  if (links.n > 0) {
    items.push({ kind: 'link-review', id: 'links', identityId: null, personName: null, since: links.since ?? clock.now().toISOString(), dueOn: null, overdue: false, facts: { count: links.n }, screen: 'review' });
  }
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.since.localeCompare(b.since));
  const counts = { 'leaver-review': 0, 'leaver-hold': 0, regularization: 0, 'temporary-not-returned': 0, 'link-review': links.n, 'iam-conflict': 0, 'rpps-conflict': 0 } satisfies Record<WorkItemKind, number>;
  for (const item of items) if (item.kind !== 'link-review') counts[item.kind] += 1;
  const overdue = items.filter((item) => item.overdue).length;
  return { items, counts, overdue, total: items.length - (links.n > 0 ? 1 : 0) + links.n };
}
