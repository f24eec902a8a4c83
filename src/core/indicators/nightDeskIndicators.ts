import type { LocalizedText } from '../../shared/api/errors';
import type { IndicatorItem } from '../../shared/api/indicators.contract';
import { issueTimeCeilingMinutes } from '../../shared/indicators/issueTimeCeilingMinutes';
import type { IndicatorContext, IndicatorDefinition } from './IndicatorDefinition';
import { percentile } from './percentile';
import { localizeDateTime, localizeDay } from './localizeDate';


interface IssuanceRow {
  id: string;
  identityId: string;
  name: string;
  card: string;
  issuedAt: string;
  endsAt: string;
  deskSeconds: number | null;
}

const issuanceColumns = `t.id, t.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, p.label AS card, t.issued_at AS issuedAt, t.ends_at AS endsAt, t.desk_seconds AS deskSeconds
  FROM temporary_issuances t JOIN identities i ON i.id = t.identity_id JOIN temporary_pool p ON p.identifier = t.card_identifier`;

const periodStart = ({ now, periodDays }: IndicatorContext) => new Date(now.getTime() - periodDays * 86_400_000).toISOString();
const readIssued = (context: IndicatorContext) => context.db.prepare(`SELECT ${issuanceColumns} WHERE t.issued_at >= ? ORDER BY t.issued_at`).all(periodStart(context)) as IssuanceRow[];
const readOutstanding = ({ db }: IndicatorContext) => db.prepare(`SELECT ${issuanceColumns} WHERE t.closed_at IS NULL ORDER BY t.ends_at`).all() as IssuanceRow[];
// As the night desk lists them: closed (expired, revoked) while the card is still out.
const readOverdue = ({ db }: IndicatorContext) => db.prepare(`SELECT ${issuanceColumns} WHERE t.closed_at IS NOT NULL AND t.card_back_at IS NULL AND p.state = 'issued' ORDER BY t.ends_at`).all() as IssuanceRow[];

const issuanceItem = (row: IssuanceRow, detail: LocalizedText): IndicatorItem => ({ kind: 'means', id: row.id, identityId: row.identityId, name: row.name, detail });
const minutes = (row: IssuanceRow) => (row.deskSeconds === null ? null : Math.round((row.deskSeconds / 60) * 10) / 10);

export const temporaryCardsIssued: IndicatorDefinition = {
  id: 'temporaryCardsIssued',
  group: 'nightDesk',
  unit: 'count',
  label: { fr: 'Cartes temporaires remises', en: 'Temporary cards issued' },
  definition: { fr: 'Cartes temporaires remises par le guichet de nuit pendant la période choisie.', en: 'Temporary cards the night desk issued over the chosen period.' },
  measure: function measureTemporaryCardsIssued(context) {
    return [{ value: readIssued(context).length }];
  },
  list: function listTemporaryCardsIssued(context) {
    return readIssued(context).map((row) => issuanceItem(row, { fr: `${row.card} remise le ${localizeDateTime(row.issuedAt).fr}`, en: `${row.card} issued on ${localizeDateTime(row.issuedAt).en}` }));
  },
};

export const temporaryCardsOutstanding: IndicatorDefinition = {
  id: 'temporaryCardsOutstanding',
  group: 'nightDesk',
  unit: 'count',
  label: { fr: 'Cartes temporaires en cours', en: 'Temporary cards outstanding' },
  definition: { fr: 'Cartes temporaires encore valides (ni rendues, ni expirées, ni révoquées).', en: 'Temporary cards still valid (neither returned, expired nor revoked).' },
  measure: function measureTemporaryCardsOutstanding(context) {
    return [{ value: readOutstanding(context).length }];
  },
  list: function listTemporaryCardsOutstanding(context) {
    return readOutstanding(context).map((row) => issuanceItem(row, { fr: `${row.card} jusqu'au ${localizeDateTime(row.endsAt).fr}`, en: `${row.card} until ${localizeDateTime(row.endsAt).en}` }));
  },
};

export const temporaryCardsOverdue: IndicatorDefinition = {
  id: 'temporaryCardsOverdue',
  group: 'nightDesk',
  unit: 'count',
  label: { fr: 'Cartes temporaires non rendues', en: 'Temporary cards overdue' },
  definition: { fr: 'Cartes temporaires expirées ou révoquées qui ne sont pas revenues au guichet (« Carte rendue » pas encore saisi).', en: 'Temporary cards expired or revoked that have not come back to the desk ("Card returned" not recorded yet).' },
  measure: function measureTemporaryCardsOverdue(context) {
    return [{ value: readOverdue(context).length, alert: readOverdue(context).length > 0 }];
  },
  list: function listTemporaryCardsOverdue(context) {
    return readOverdue(context).map((row) => issuanceItem(row, { fr: `${row.card} attendue depuis le ${localizeDateTime(row.endsAt).fr}`, en: `${row.card} expected since ${localizeDateTime(row.endsAt).en}` }));
  },
};

export const temporaryIssueTime: IndicatorDefinition = {
  id: 'temporaryIssueTime',
  group: 'nightDesk',
  unit: 'minutes',
  label: { fr: 'Temps de remise ({percentile})', en: 'Issue time ({percentile})' },
  definition: {
    fr: `Temps au guichet de chaque remise de carte temporaire de la période, de la première action de l'agent à la confirmation ; médiane (p50) et 95e centile (p95) au rang le plus proche, en minutes. Plafond : ${issueTimeCeilingMinutes} minutes (un p95 au-delà est une alerte).`,
    en: `Desk time of each temporary card issued over the period, from the agent’s first action to the confirmation; median (p50) and 95th percentile (p95), nearest rank, in minutes. Ceiling: ${issueTimeCeilingMinutes} minutes (a p95 above it is an alert).`,
  },
  measure: function measureTemporaryIssueTime(context) {
    const times = readIssued(context).flatMap((row) => (row.deskSeconds === null ? [] : [row.deskSeconds / 60]));
    return (['p50', 'p95'] as const).map((name) => {
      const value = percentile(times, name === 'p50' ? 50 : 95);
      return { qualifier: name, labelParams: { percentile: { fr: name, en: name } }, value: value === null ? null : Math.round(value * 10) / 10, counted: { part: times.length, whole: times.length }, alert: value !== null && value > issueTimeCeilingMinutes };
    });
  },
  list: function listTemporaryIssueTimes(context) {
    return readIssued(context).map((row) => issuanceItem(row, { fr: `${row.card} : ${minutes(row) ?? '—'} min`, en: `${row.card}: ${minutes(row) ?? '—'} min` }));
  },
};

function readPendingRegularizations({ db }: IndicatorContext): { id: string; identityId: string; name: string; createdAt: string }[] {
  return db
    .prepare(
      `SELECT r.id, r.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, r.created_at AS createdAt
         FROM regularization_tasks r JOIN identities i ON i.id = r.identity_id WHERE r.status = 'open' ORDER BY r.created_at`,
    )
    .all() as { id: string; identityId: string; name: string; createdAt: string }[];
}

export const regularizationsPending: IndicatorDefinition = {
  id: 'regularizationsPending',
  group: 'nightDesk',
  unit: 'count',
  label: { fr: 'Régularisations en attente', en: 'Regularisations pending' },
  definition: { fr: "Identités temporaires créées par le guichet de nuit qui attendent que le bureau des badges les rattache au dossier RH ou les refuse.", en: 'Temporary identities the night desk created that wait for the badge office to link them to the HR record or refuse them.' },
  measure: function measureRegularizationsPending(context) {
    return [{ value: readPendingRegularizations(context).length }];
  },
  list: function listRegularizationsPending(context) {
    return readPendingRegularizations(context).map((row) => ({ kind: 'person', id: row.id, identityId: row.identityId, name: row.name, detail: { fr: `en attente depuis le ${localizeDay(row.createdAt).fr}`, en: `waiting since ${localizeDay(row.createdAt).en}` } }));
  },
};

export const nightDeskIndicators: readonly IndicatorDefinition[] = [temporaryCardsIssued, temporaryCardsOutstanding, temporaryCardsOverdue, temporaryIssueTime, regularizationsPending];
