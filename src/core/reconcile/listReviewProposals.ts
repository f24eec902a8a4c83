import type Database from 'better-sqlite3';
import type { ReconcileReportView, ReviewAlternative, ReviewPerson, ReviewProposal, ReviewQueue } from '../../shared/api/reconcile.contract';

interface PersonColumns {
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

interface AlternativeRow extends PersonColumns {
  recordId: number;
  score: number;
  probability: number | null;
  evidence: string;
}

const personOf = (row: PersonColumns): ReviewPerson => ({
  identityId: row.identityId,
  lastName: row.lastName,
  birthName: row.birthName,
  firstName: row.firstName,
  birthDate: row.birthDate,
  hrId: row.hrId,
  rpps: row.rpps,
  service: row.service,
  profession: row.profession,
});

interface ProposalRow extends PersonColumns {
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
}

/** The review queue: pending links, strongest first, each with both sides, its evidence and the other people the record may be. */
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
  const alternativesOf = new Map<number, ReviewAlternative[]>();
  if (rows.length > 0) {
    const alternatives = db
      .prepare(
        `SELECT a.record_id AS recordId, a.score, a.probability, a.evidence_json AS evidence, i.id AS identityId, i.last_name AS lastName, i.birth_name AS birthName,
                i.first_name AS firstName, i.birth_date AS birthDate, i.hr_id AS hrId, i.rpps, i.service, i.profession
           FROM identity_link_alternatives a JOIN identities i ON i.id = a.identity_id
          WHERE a.record_id IN (SELECT value FROM json_each(?))
          ORDER BY a.record_id, a.score DESC, i.id`,
      )
      .all(JSON.stringify(rows.map((row) => row.recordId))) as AlternativeRow[];
    for (const row of alternatives) {
      const list = alternativesOf.get(row.recordId) ?? [];
      list.push({ identity: personOf(row), score: row.score, probability: row.probability, evidence: JSON.parse(row.evidence) as ReviewAlternative['evidence'] });
      alternativesOf.set(row.recordId, list);
    }
  }
  const lastRun = db.prepare("SELECT value_json AS value FROM settings WHERE key = 'reconciliation.lastRun'").get() as { value: string } | undefined;
  const proposals: ReviewProposal[] = rows.map((row) => ({
    recordId: row.recordId,
    sourceId: row.sourceId,
    sourceLabel: row.sourceLabel,
    recordKey: row.recordKey,
    recordAttributes: JSON.parse(row.attributes) as ReviewProposal['recordAttributes'],
    identity: personOf(row),
    score: row.score,
    probability: row.probability,
    priorWeight: row.priorWeight,
    rule: row.rule,
    evidence: JSON.parse(row.evidence) as ReviewProposal['evidence'],
    alternatives: alternativesOf.get(row.recordId) ?? [],
  }));
  return { total, proposals, lastRun: lastRun === undefined ? null : (JSON.parse(lastRun.value) as ReconcileReportView) };
}
