import type { IndicatorContext, IndicatorDefinition } from './IndicatorDefinition';
import { percentile } from './percentile';
import { localizeDay } from './localizeDate';
import { labelMeansKind } from '../../shared/cards/meansKindLabels';

interface LeaverDelayRow {
  id: string;
  name: string;
  endDate: string;
  /** When the last of the person's means stopped being active. */
  allRevokedAt: string;
}

/**
 * People whose HR end date fell in the last year and who hold no active means any more, with the
 * moment the last one stopped being active (its last change away from `active`).
 */
function readLeaverDelays({ db, today }: IndicatorContext): (LeaverDelayRow & { delayDays: number })[] {
  const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  const rows = db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, i.hr_end_date AS endDate,
              MAX(COALESCE((SELECT MAX(h.at) FROM mie_history h WHERE h.mie_id = m.id AND h.from_status = 'active'), m.updated_at)) AS allRevokedAt
         FROM identities i JOIN mie m ON m.identity_id = i.id
        WHERE i.hr_end_date IS NOT NULL AND i.hr_end_date <> '' AND i.hr_end_date <= @today AND i.hr_end_date >= @yearAgo
        GROUP BY i.id HAVING SUM(m.status = 'active') = 0 ORDER BY i.hr_end_date`,
    )
    .all({ today, yearAgo }) as LeaverDelayRow[];
  return rows.map((row) => ({ ...row, delayDays: Math.max(0, (Date.parse(row.allRevokedAt) - Date.parse(`${row.endDate}T00:00:00Z`)) / 86_400_000) }));
}

const roundDays = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);

/** HR end date → no means left active: median and 95th percentile, in days. */
export const leaverRevocationDelay: IndicatorDefinition = {
  id: 'leaverRevocationDelay',
  group: 'leavers',
  unit: 'days',
  label: { fr: 'Délai fin RH → moyens retirés ({percentile})', en: 'HR end → means withdrawn ({percentile})' },
  definition: {
    fr: "Pour chaque personne dont la date de fin RH est tombée dans les 365 derniers jours et qui ne détient plus aucun moyen actif : jours entre le début du jour de fin RH et le moment où son dernier moyen a cessé d'être actif (suspendu, expiré, rendu ou révoqué ; 0 si c'était avant). Médiane (p50) et 95e centile (p95), au rang le plus proche.",
    en: 'For everyone whose HR end date fell in the last 365 days and who holds no active means any more: days from the start of the HR end day to the moment their last means stopped being active (suspended, expired, returned or revoked; 0 if that was before). Median (p50) and 95th percentile (p95), nearest rank.',
  },
  measure: function measureLeaverRevocationDelay(context) {
    const delays = readLeaverDelays(context).map((row) => row.delayDays);
    return (['p50', 'p95'] as const).map((name) => ({
      qualifier: name,
      labelParams: { percentile: { fr: name, en: name } },
      value: roundDays(percentile(delays, name === 'p50' ? 50 : 95)),
      counted: { part: delays.length, whole: delays.length },
    }));
  },
  list: function listLeaverDelays(context) {
    return readLeaverDelays(context).map((row) => ({
      kind: 'person',
      id: row.id,
      identityId: row.id,
      name: row.name,
      detail: { fr: `fin RH le ${localizeDay(row.endDate).fr}, moyens retirés en ${roundDays(row.delayDays)} j`, en: `HR end ${localizeDay(row.endDate).en}, means withdrawn in ${roundDays(row.delayDays)} d` },
    }));
  },
};

/** "badge 04AA…, cps 8001…" (kind and identifier pairs from SQL) with each kind by its label. */
const labelMeansList = (means: string, language: 'fr' | 'en') =>
  means
    .split(', ')
    .map((pair) => {
      const [kind = '', ...identifier] = pair.split(' ');
      return [labelMeansKind(kind, language), ...identifier].join(' ');
    })
    .join(', ');

function readDepartedHolders({ db, today }: IndicatorContext): { id: string; name: string; endDate: string; means: string }[] {
  return db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, i.hr_end_date AS endDate, group_concat(m.kind || ' ' || m.identifier, ', ') AS means
         FROM identities i JOIN mie m ON m.identity_id = i.id AND m.status = 'active'
        WHERE i.hr_end_date IS NOT NULL AND i.hr_end_date <> '' AND i.hr_end_date < ? GROUP BY i.id ORDER BY i.hr_end_date`,
    )
    .all(today) as { id: string; name: string; endDate: string; means: string }[];
}

/** People whose HR end date has passed and who still hold an active means: must be 0. */
export const departedHoldingMeans: IndicatorDefinition = {
  id: 'departedHoldingMeans',
  group: 'leavers',
  unit: 'count',
  label: { fr: 'Partis détenant encore un moyen actif', en: 'Departed people still holding an active means' },
  definition: {
    fr: "Personnes dont la date de fin RH est passée et qui détiennent encore au moins un moyen d'identification actif. Doit valoir 0 : toute autre valeur est une alerte.",
    en: 'People whose HR end date has passed and who still hold at least one active identification means. Must be 0: any other value is an alert.',
  },
  measure: function measureDepartedHoldingMeans(context) {
    const count = readDepartedHolders(context).length;
    return [{ value: count, alert: count > 0 }];
  },
  list: function listDepartedHoldingMeans(context) {
    return readDepartedHolders(context).map((row) => ({ kind: 'person', id: row.id, identityId: row.id, name: row.name, detail: { fr: `fin RH le ${localizeDay(row.endDate).fr} — ${labelMeansList(row.means, 'fr')}`, en: `HR end ${localizeDay(row.endDate).en} — ${labelMeansList(row.means, 'en')}` } }));
  },
};

function readOverdueReviews({ db, today }: IndicatorContext): { id: string; identityId: string; name: string; dueOn: string }[] {
  return db
    .prepare(
      `SELECT r.id, r.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, r.due_on AS dueOn
         FROM leaver_reviews r JOIN identities i ON i.id = r.identity_id WHERE r.status = 'open' AND r.due_on < ? ORDER BY r.due_on`,
    )
    .all(today) as { id: string; identityId: string; name: string; dueOn: string }[];
}

/** Leaver reviews still open after their D+7 due day. */
export const leaverReviewsOverdue: IndicatorDefinition = {
  id: 'leaverReviewsOverdue',
  group: 'leavers',
  unit: 'count',
  label: { fr: 'Revues J+7 en retard', en: 'D+7 reviews overdue' },
  definition: {
    fr: "Revues de départ (ouvertes quand un départ RH suspend les moyens d'une personne) encore ouvertes après leur échéance J+7.",
    en: 'Leaver reviews (opened when an HR departure suspends a person’s means) still open after their D+7 due day.',
  },
  measure: function measureLeaverReviewsOverdue(context) {
    return [{ value: readOverdueReviews(context).length }];
  },
  list: function listLeaverReviewsOverdue(context) {
    return readOverdueReviews(context).map((row) => ({ kind: 'person', id: row.id, identityId: row.identityId, name: row.name, detail: { fr: `échéance le ${localizeDay(row.dueOn).fr}`, en: `due ${localizeDay(row.dueOn).en}` } }));
  },
};

export const leaverIndicators: readonly IndicatorDefinition[] = [leaverRevocationDelay, departedHoldingMeans, leaverReviewsOverdue];
