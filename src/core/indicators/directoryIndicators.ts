import type { IndicatorItem } from '../../shared/api/indicators.contract';
import { mapProfessionCode } from '../../shared/matching/mapProfessionCode';
import { countPresentRecords } from './countPresentRecords';
import type { IndicatorContext, IndicatorDefinition } from './IndicatorDefinition';

const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);
const roleText = { register: { fr: 'registre', en: 'register' }, hr: { fr: 'RH', en: 'HR' }, directory: { fr: 'annuaire', en: 'directory' }, application: { fr: 'application', en: 'application' } };

interface ProfessionalRow {
  id: string;
  name: string;
  profession: string | null;
  rpps: string | null;
  aligned: 0 | 1;
}

/** Active staff whose profession maps to a TRE_G15 health profession, and whether the register confirms their RPPS. */
function readHealthProfessionals({ db }: IndicatorContext): ProfessionalRow[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, i.profession, i.rpps,
              EXISTS (SELECT 1 FROM identity_links l JOIN source_records r ON r.id = l.record_id JOIN sources s ON s.id = r.source_id
                       WHERE l.identity_id = i.id AND l.decision IN ('automatic', 'validated') AND s.role = 'register' AND r.rpps = i.rpps) AS aligned
         FROM identities i WHERE i.status IN ('active', 'leaving') AND i.profession IS NOT NULL`,
    )
    .all() as ProfessionalRow[];
  const codeOf = new Map<string, string | null>();
  return rows.filter((row) => {
    if (!codeOf.has(row.profession!)) codeOf.set(row.profession!, mapProfessionCode(row.profession));
    return codeOf.get(row.profession!) !== null;
  });
}

/** % of local health professionals whose identity carries an RPPS the national register confirms. */
export const rppsAlignment: IndicatorDefinition = {
  id: 'rppsAlignment',
  directoryOnly: true,
  group: 'directory',
  unit: 'percent',
  label: { fr: 'Alignement au RPPS', en: 'RPPS alignment' },
  definition: {
    fr: "Part des professionnels de santé actifs (profession RH reconnue dans la nomenclature TRE_G15) dont l'identité porte un RPPS confirmé par un lien automatique ou validé avec l'Annuaire Santé. La liste montre ceux qui ne sont pas encore alignés.",
    en: 'Share of active health professionals (HR profession found in the TRE_G15 code set) whose identity carries an RPPS confirmed by an automatic or validated link to the national register. The list shows those not aligned yet.',
  },
  measure: function measureRppsAlignment(context) {
    const professionals = readHealthProfessionals(context);
    const aligned = professionals.filter((row) => row.aligned === 1).length;
    return [{ value: share(aligned, professionals.length), counted: { part: aligned, whole: professionals.length } }];
  },
  list: function listProfessionalsNotAligned(context) {
    return readHealthProfessionals(context)
      .filter((row) => row.aligned === 0)
      .map((row) => ({
        kind: 'person',
        id: row.id,
        identityId: row.id,
        name: row.name,
        detail:
          row.rpps === null
            ? { fr: `${row.profession} — aucun RPPS`, en: `${row.profession} — no RPPS` }
            : { fr: `${row.profession} — RPPS ${row.rpps} non confirmé par le registre`, en: `${row.profession} — RPPS ${row.rpps} not confirmed by the register` },
      }));
  },
};

type ReconciliationState = 'automatic' | 'review' | 'pending';
interface ReconciliationRow {
  id: string;
  name: string;
  automatic: number;
  validated: number;
  pending: number;
}

function reconciliationStateOf(row: ReconciliationRow): ReconciliationState {
  if (row.pending > 0 || row.automatic + row.validated === 0) return 'pending';
  return row.validated > 0 ? 'review' : 'automatic';
}

function readReconciliationStates({ db }: IndicatorContext): (ReconciliationRow & { state: ReconciliationState })[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name,
              COALESCE(SUM(l.decision = 'automatic'), 0) AS automatic, COALESCE(SUM(l.decision = 'validated'), 0) AS validated,
              COALESCE(SUM(l.decision = 'pending'), 0) AS pending
         FROM identities i LEFT JOIN identity_links l ON l.identity_id = i.id AND l.rule <> 'hr-reference'
        WHERE i.status <> 'temporary' GROUP BY i.id`,
    )
    .all() as ReconciliationRow[];
  return rows.map((row) => ({ ...row, state: reconciliationStateOf(row) }));
}

const stateTexts: Record<ReconciliationState, { label: { fr: string; en: string } }> = {
  automatic: { label: { fr: 'automatiquement', en: 'automatically' } },
  review: { label: { fr: 'après revue', en: 'by review' } },
  pending: { label: { fr: 'pas encore', en: 'not yet' } },
};

/** Identities reconciled automatically, by a human review, or not yet. */
export const identityReconciliation: IndicatorDefinition = {
  id: 'identityReconciliation',
  directoryOnly: true,
  group: 'directory',
  unit: 'count',
  label: { fr: 'Identités rapprochées {state}', en: 'Identities reconciled {state}' },
  definition: {
    fr: "Identités (hors identités temporaires) selon leurs liens avec les autres sources que la RH : « automatiquement » quand tous leurs liens sont automatiques, « après revue » quand au moins un lien a été validé par un agent, « pas encore » quand une proposition attend une revue ou qu'aucune autre source n'est liée.",
    en: 'Identities (temporary ones excluded) by their links to sources other than HR: "automatically" when every link is automatic, "by review" when an agent validated at least one link, "not yet" when a proposal awaits review or no other source is linked.',
  },
  measure: function measureIdentityReconciliation(context) {
    const rows = readReconciliationStates(context);
    return (['automatic', 'review', 'pending'] as const).map((state) => {
      const part = rows.filter((row) => row.state === state).length;
      return { qualifier: state, labelParams: { state: stateTexts[state].label }, value: part, counted: { part, whole: rows.length } };
    });
  },
  list: function listIdentitiesByReconciliation(context, qualifier) {
    return readReconciliationStates(context)
      .filter((row) => row.state === qualifier)
      .map((row) => ({
        kind: 'person',
        id: row.id,
        identityId: row.id,
        name: row.name,
        detail: {
          fr: `${row.automatic} lien(s) automatique(s), ${row.validated} validé(s), ${row.pending} en attente`,
          en: `${row.automatic} automatic link(s), ${row.validated} validated, ${row.pending} pending`,
        },
      }));
  },
};

function countLinkedRecords({ db }: IndicatorContext, sourceId: string): number {
  return db
    .prepare(
      // CROSS JOIN: from the links (thousands) to their records, never through the register's millions.
      `SELECT COUNT(*) FROM identity_links l CROSS JOIN source_records r ON r.id = l.record_id
        WHERE r.source_id = ? AND r.present = 1 AND l.decision IN ('automatic', 'validated') AND l.rule <> 'hr-reference'`,
    )
    .pluck()
    .get(sourceId) as number;
}

/** Records of each source and the share linked to an identity. */
export const sourceLinkRate: IndicatorDefinition = {
  id: 'sourceLinkRate',
  directoryOnly: true,
  group: 'directory',
  unit: 'percent',
  label: { fr: 'Taux de liaison — {source}', en: 'Link rate — {source}' },
  definition: {
    fr: "Pour chaque source, ses fiches présentes au dernier import et la part d'entre elles liées à une identité (lien automatique ou validé). Les fiches RH ancrent les identités ; pour l'Annuaire Santé national, seules les fiches de l'établissement ont vocation à être liées.",
    en: 'For each source, its records present at the last import and the share of them linked to an identity (automatic or validated link). HR records anchor the identities; of the national register only the establishment’s professionals are meant to be linked.',
  },
  measure: function measureSourceLinkRate(context) {
    return context.sources.map((source) => {
      const whole = countPresentRecords(context, source.id);
      const part = source.role === 'hr' ? whole : countLinkedRecords(context, source.id);
      return { qualifier: source.id, labelParams: { source: { fr: source.label, en: source.label }, role: roleText[source.role] }, value: share(part, whole), counted: { part, whole } };
    });
  },
  list: function listUnlinkedRecords({ db, sources }, qualifier) {
    // The unlinked accounts of a directory or application (the register's unlinked entries are the whole country).
    const source = sources.find((candidate) => candidate.id === qualifier);
    if (source === undefined || (source.role !== 'directory' && source.role !== 'application')) return [];
    const rows = db
      .prepare(
        `SELECT r.source_id || '/' || r.record_key AS id, COALESCE(r.first_name || ' ', '') || COALESCE(r.last_name, r.record_key) AS name, r.record_key AS key
           FROM source_records r
          WHERE r.source_id = ? AND r.present = 1
            AND NOT EXISTS (SELECT 1 FROM identity_links l WHERE l.record_id = r.id AND l.decision IN ('automatic', 'validated'))
          ORDER BY r.record_key`,
      )
      .all(source.id) as { id: string; name: string; key: string }[];
    return rows.map((row): IndicatorItem => ({ kind: 'account', id: row.id, identityId: null, name: row.name, detail: { fr: `compte ${row.key} non lié`, en: `account ${row.key} not linked` } }));
  },
};

interface PendingRow {
  id: string;
  identityId: string;
  name: string;
  sourceLabel: string;
  key: string;
  since: string;
}

/** Pending proposals with the day their record first arrived (links are rewritten by each run). */
function readPendingProposals({ db, memo }: IndicatorContext): PendingRow[] {
  return memo('pendingProposals', () => db
    .prepare(
      `SELECT r.source_id || '/' || r.record_key AS id, l.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, s.label AS sourceLabel,
              r.record_key AS key, COALESCE(run.started_at, r.updated_at) AS since
         FROM identity_links l JOIN source_records r ON r.id = l.record_id JOIN sources s ON s.id = r.source_id
         JOIN identities i ON i.id = l.identity_id LEFT JOIN import_runs run ON run.id = r.first_run_id
        WHERE l.decision = 'pending' ORDER BY since`,
    )
    .all() as PendingRow[]);
}

const ageInDays = (since: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));

/** The review queue: its size and the age of its oldest proposal. */
export const reviewQueue: IndicatorDefinition = {
  id: 'reviewQueue',
  group: 'directory',
  unit: 'count',
  label: { fr: 'Propositions à revoir', en: 'Proposals awaiting review' },
  definition: {
    fr: 'Liens proposés par le rapprochement (score entre les seuils de revue et automatique, ou homonyme proche) qui attendent la décision d’un agent.',
    en: 'Links the reconciliation proposed (score between the review and automatic thresholds, or a close homonym) awaiting an agent’s decision.',
  },
  measure: function measureReviewQueue(context) {
    return [{ value: readPendingProposals(context).length }];
  },
  list: function listPendingProposals(context) {
    return readPendingProposals(context).map((row) => ({
      kind: 'account',
      id: row.id,
      identityId: row.identityId,
      name: row.name,
      detail: { fr: `${row.sourceLabel} ${row.key}, en attente depuis ${ageInDays(row.since, context.now)} j`, en: `${row.sourceLabel} ${row.key}, waiting for ${ageInDays(row.since, context.now)} d` },
    }));
  },
};

/** Age of the oldest proposal still waiting. */
export const reviewQueueAge: IndicatorDefinition = {
  id: 'reviewQueueAge',
  group: 'directory',
  unit: 'days',
  label: { fr: 'Âge de la plus ancienne proposition', en: 'Age of the oldest proposal' },
  definition: {
    fr: "Jours écoulés depuis l'import qui a apporté la fiche de la plus ancienne proposition encore en attente (0 quand la file est vide).",
    en: 'Days since the import that brought the record of the oldest proposal still waiting (0 when the queue is empty).',
  },
  measure: function measureReviewQueueAge(context) {
    const oldest = readPendingProposals(context)[0];
    return [{ value: oldest === undefined ? 0 : ageInDays(oldest.since, context.now) }];
  },
  list: (context) => reviewQueue.list!(context, undefined).slice(0, 1),
};

export const directoryIndicators: readonly IndicatorDefinition[] = [rppsAlignment, identityReconciliation, sourceLinkRate, reviewQueue, reviewQueueAge];
