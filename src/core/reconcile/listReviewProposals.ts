import type Database from 'better-sqlite3';
import type { ReconcileReportView, ReviewProposal, ReviewQueue } from '../../shared/api/reconcile.contract';

interface ProposalRow {
  recordId: number;
  sourceId: string;
  sourceLabel: string;
  recordKey: string;
  attributes: string;
  score: number;
  probability: number | null;
  priorWeight: number | null;
  rule: string;
  evidence: string;
  identityId: string;
  lastName: string;
  birthName: string | null;
  firstName: string;
  birthDate: string | null;
  hrId: string | null;
  rpps: string | null;
  service: string | null;
  profession: string | null;
}

/** The review queue: pending links, strongest first, each with both sides and its evidence. */
export function listReviewProposals(db: Database.Database, { limit = 50, offset = 0 }: { limit?: number; offset?: number }): ReviewQueue {
  const total = (db.prepare("SELECT COUNT(*) AS n FROM identity_links WHERE decision = 'pending'").get() as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id AS recordId, r.source_id AS sourceId, s.label AS sourceLabel, r.record_key AS recordKey, r.attributes_json AS attributes,
              l.score, l.probability, l.prior_weight AS priorWeight, l.rule, l.evidence_json AS evidence, i.id AS identityId, i.last_name AS lastName, i.birth_name AS birthName,
              i.first_name AS firstName, i.birth_date AS birthDate, i.hr_id AS hrId, i.rpps, i.service, i.profession
         FROM identity_links l
         JOIN source_records r ON r.id = l.record_id
         JOIN sources s ON s.id = r.source_id
         JOIN identities i ON i.id = l.identity_id
        WHERE l.decision = 'pending'
        ORDER BY l.score DESC, r.id
        LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as ProposalRow[];
  const lastRun = db.prepare("SELECT value_json AS value FROM settings WHERE key = 'reconciliation.lastRun'").get() as { value: string } | undefined;
  const proposals: ReviewProposal[] = rows.map((row) => ({
    recordId: row.recordId,
    sourceId: row.sourceId,
    sourceLabel: row.sourceLabel,
    recordKey: row.recordKey,
    recordAttributes: JSON.parse(row.attributes) as ReviewProposal['recordAttributes'],
    identity: {
      identityId: row.identityId,
      lastName: row.lastName,
      birthName: row.birthName,
      firstName: row.firstName,
      birthDate: row.birthDate,
      hrId: row.hrId,
      rpps: row.rpps,
      service: row.service,
      profession: row.profession,
    },
    score: row.score,
    probability: row.probability,
    priorWeight: row.priorWeight,
    rule: row.rule,
    evidence: JSON.parse(row.evidence) as ReviewProposal['evidence'],
  }));
  return { total, proposals, lastRun: lastRun === undefined ? null : (JSON.parse(lastRun.value) as ReconcileReportView) };
}
