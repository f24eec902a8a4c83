import type Database from 'better-sqlite3';
import type { PersonDetail, SourceRecordView } from '../../shared/api/directory.contract';
import { DeskError } from '../../shared/api/errors';
import { readPersonSummaries } from './readPersonSummaries';

type LinkRow = { sourceId: string; recordKey: string; attributes: string; evidence: string } & Omit<NonNullable<SourceRecordView['link']>, 'evidence'>;

function recordViewOf({ sourceId, recordKey, attributes, evidence, decision, rule, score, probability, priorWeight, validatedBy, validatedAt }: LinkRow): SourceRecordView {
  return {
    sourceId,
    recordKey,
    attributes: JSON.parse(attributes) as SourceRecordView['attributes'],
    link: { decision, rule, score, probability, priorWeight, evidence: JSON.parse(evidence) as NonNullable<SourceRecordView['link']>['evidence'], validatedBy, validatedAt },
  };
}

const linkColumns = 'r.source_id AS sourceId, r.record_key AS recordKey, r.attributes_json AS attributes, l.decision, l.rule, l.prior_weight AS priorWeight, l.validated_by AS validatedBy, l.validated_at AS validatedAt';

/**
 * One person with every source record linked to them (validated or automatic links), and the
 * records waiting for a reviewer that may be theirs: proposed to them, or proposed to a namesake
 * with them among the other possible people (the evidence is then the one for this person).
 */
export function getPerson(db: Database.Database, identityId: string): PersonDetail {
  const [summary] = readPersonSummaries(db, [identityId]);
  if (summary === undefined) {
    throw new DeskError(
      'NOT_FOUND',
      { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` },
      { identityId },
    );
  }
  const linked = db
    .prepare(
      `SELECT ${linkColumns}, l.score, l.probability, l.evidence_json AS evidence
         FROM identity_links l JOIN source_records r ON r.id = l.record_id
        WHERE l.identity_id = ? AND l.decision IN ('automatic', 'validated', 'pending')
        ORDER BY r.source_id, r.record_key`,
    )
    .all(identityId) as LinkRow[];
  const asNamesake = db
    .prepare(
      `SELECT ${linkColumns}, a.score, a.probability, a.evidence_json AS evidence,
              i.id AS proposedId, i.last_name AS proposedLastName, i.first_name AS proposedFirstName
         FROM identity_link_alternatives a JOIN identity_links l ON l.record_id = a.record_id
         JOIN source_records r ON r.id = a.record_id JOIN identities i ON i.id = l.identity_id
        WHERE a.identity_id = ? AND l.decision = 'pending'
        ORDER BY r.source_id, r.record_key`,
    )
    .all(identityId) as (LinkRow & { proposedId: string; proposedLastName: string; proposedFirstName: string })[];
  return {
    ...summary,
    records: linked.filter((row) => row.decision !== 'pending').map(recordViewOf),
    pending: [
      ...linked.filter((row) => row.decision === 'pending').map((row) => ({ ...recordViewOf(row), proposedTo: null })),
      ...asNamesake.map(({ proposedId, proposedLastName, proposedFirstName, ...row }) => ({
        ...recordViewOf(row),
        proposedTo: { identityId: proposedId, lastName: proposedLastName, firstName: proposedFirstName },
      })),
    ],
  };
}
