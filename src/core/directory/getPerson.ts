import type Database from 'better-sqlite3';
import type { PersonDetail, SourceRecordView } from '../../shared/api/directory.contract';
import { DeskError } from '../../shared/api/errors';
import { readPersonSummaries } from './readPersonSummaries';

/** One person with every source record linked to them (validated or automatic links only). */
export function getPerson(db: Database.Database, identityId: string): PersonDetail {
  const [summary] = readPersonSummaries(db, [identityId]);
  if (summary === undefined) {
    throw new DeskError(
      'NOT_FOUND',
      { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` },
      { identityId },
    );
  }
  const records = db
    .prepare(
      `SELECT r.source_id AS sourceId, r.record_key AS recordKey, r.attributes_json AS attributes,
              l.decision, l.rule, l.score, l.probability, l.prior_weight AS priorWeight, l.evidence_json AS evidence, l.validated_by AS validatedBy, l.validated_at AS validatedAt
         FROM identity_links l JOIN source_records r ON r.id = l.record_id
        WHERE l.identity_id = ? AND l.decision IN ('automatic', 'validated')
        ORDER BY r.source_id, r.record_key`,
    )
    .all(identityId) as ({ sourceId: string; recordKey: string; attributes: string; evidence: string } & Omit<NonNullable<SourceRecordView['link']>, 'evidence'>)[];
  return {
    ...summary,
    records: records.map(({ sourceId, recordKey, attributes, evidence, decision, rule, score, probability, priorWeight, validatedBy, validatedAt }) => ({
      sourceId,
      recordKey,
      attributes: JSON.parse(attributes) as SourceRecordView['attributes'],
      link: { decision, rule, score, probability, priorWeight, evidence: JSON.parse(evidence) as NonNullable<SourceRecordView['link']>['evidence'], validatedBy, validatedAt },
    })),
  };
}
