import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { buildWaterfallSteps, type Waterfall } from '../../shared/matching/buildWaterfallSteps';
import type { FieldEvidence } from '../../shared/matching/compareFeatures';

export interface LinkExplanation {
  sourceId: string;
  recordKey: string;
  identityId: string;
  personName: string;
  decision: string;
  rule: string;
  score: number;
  probability: number | null;
  priorWeight: number | null;
  evidence: FieldEvidence[];
  /** Prior, each field's weight, final probability (null under the seed-points policy). */
  waterfall: Waterfall | null;
  /** A proposal's other possible people (namesakes), best first, with their evidence. */
  alternatives: { identityId: string; personName: string; score: number; probability: number | null; evidence: FieldEvidence[] }[];
}

/** Why record SOURCE:KEY is linked (or proposed) to its person: the same evidence the desk draws. */
export function explainLink(db: Database.Database, sourceId: string, recordKey: string): LinkExplanation {
  const row = db
    .prepare(
      `SELECT l.identity_id AS identityId, i.last_name || ' ' || i.first_name AS personName, l.decision, l.rule, l.score, l.probability,
              l.prior_weight AS priorWeight, l.evidence_json AS evidence
         FROM identity_links l JOIN source_records r ON r.id = l.record_id JOIN identities i ON i.id = l.identity_id
        WHERE r.source_id = ? AND r.record_key = ?`,
    )
    .get(sourceId, recordKey) as (Omit<LinkExplanation, 'sourceId' | 'recordKey' | 'evidence' | 'waterfall'> & { evidence: string }) | undefined;
  if (row === undefined) {
    throw new DeskError(
      'NOT_FOUND',
      { fr: `L’enregistrement ${sourceId}:${recordKey} n’est rapproché d’aucune personne.`, en: `Record ${sourceId}:${recordKey} is linked to nobody.` },
      { sourceId, recordKey },
    );
  }
  const evidence = JSON.parse(row.evidence) as FieldEvidence[];
  const alternatives = (
    db
      .prepare(
        `SELECT a.identity_id AS identityId, i.last_name || ' ' || i.first_name AS personName, a.score, a.probability, a.evidence_json AS evidence
           FROM identity_link_alternatives a JOIN source_records r ON r.id = a.record_id JOIN identities i ON i.id = a.identity_id
          WHERE r.source_id = ? AND r.record_key = ?
          ORDER BY a.score DESC, a.identity_id`,
      )
      .all(sourceId, recordKey) as { identityId: string; personName: string; score: number; probability: number | null; evidence: string }[]
  ).map((alternative) => ({ ...alternative, evidence: JSON.parse(alternative.evidence) as FieldEvidence[] }));
  return { ...row, sourceId, recordKey, evidence, waterfall: buildWaterfallSteps({ priorWeight: row.priorWeight, evidence, probability: row.probability }), alternatives };
}
