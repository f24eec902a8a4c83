import type { LocalizedText } from '../../shared/api/errors';
import type { IndicatorItem } from '../../shared/api/indicators.contract';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { genericAccountName } from '../../shared/matching/accountNamePatterns';
import type { OrphanReason } from '../reconcile/reconcileRecords';
import { countPresentRecords } from './countPresentRecords';
import type { IndicatorContext, IndicatorDefinition, IndicatorSource } from './IndicatorDefinition';
import { localizeDay } from './localizeDate';

export const orphanReasons = ['departed', 'unknown', 'generic', 'duplicate'] as const satisfies readonly OrphanReason[];

const reasonTexts: Record<OrphanReason, LocalizedText> = {
  departed: { fr: 'parti (date de fin RH passée)', en: 'departed (HR end date passed)' },
  unknown: { fr: 'inconnu de la RH', en: 'unknown to HR' },
  generic: { fr: 'générique ou de service', en: 'generic or service' },
  duplicate: { fr: 'doublon', en: 'duplicate' },
};

interface OrphanAccount {
  recordId: number;
  key: string;
  name: string;
  identityId: string | null;
  reason: OrphanReason;
  endDate: string | null;
}

const accountSources = (context: IndicatorContext): IndicatorSource[] => context.sources.filter((source) => source.role === 'directory' || source.role === 'application');

/**
 * The orphan accounts of one source, by the reconciliation's own rules read back from the store:
 * no link (generic when unnamed or named like a service account, else unknown to HR), linked to
 * someone whose HR end date has passed (departed), or a second account of the same person
 * (duplicate: every account but the best-scored one).
 */
function readOrphanAccounts({ db, today }: IndicatorContext, sourceId: string): OrphanAccount[] {
  const unlinked = db
    .prepare(
      `SELECT r.id AS recordId, r.record_key AS key, r.attributes_json AS json, TRIM(COALESCE(r.first_name, '') || ' ' || COALESCE(r.last_name, '')) AS name
         FROM source_records r WHERE r.source_id = ? AND r.present = 1 AND NOT EXISTS (SELECT 1 FROM identity_links l WHERE l.record_id = r.id)`,
    )
    .all(sourceId) as { recordId: number; key: string; json: string; name: string }[];
  const orphans: OrphanAccount[] = unlinked.map((row) => {
    const features = buildMatchFeatures({ attributes: JSON.parse(row.json) as CanonicalAttributes, accountKey: row.key });
    const named = features.lastNames.length > 0 || features.firstNames.length > 0;
    return { recordId: row.recordId, key: row.key, name: row.name === '' ? row.key : row.name, identityId: null, reason: !named || genericAccountName.test(row.key) ? 'generic' : 'unknown', endDate: null };
  });
  const linked = db
    .prepare(
      `SELECT r.id AS recordId, r.record_key AS key, l.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, i.hr_end_date AS endDate,
              l.decision IN ('automatic', 'validated') AND COALESCE(i.hr_end_date, '') <> '' AND i.hr_end_date < @today AS departed,
              l.score, r.id AS recordOrder
         FROM source_records r JOIN identity_links l ON l.record_id = r.id JOIN identities i ON i.id = l.identity_id
        WHERE r.source_id = @sourceId AND r.present = 1`,
    )
    .all({ sourceId, today }) as { recordId: number; key: string; identityId: string; name: string; endDate: string | null; departed: 0 | 1; score: number }[];
  const best = new Map<string, { recordId: number; score: number }>();
  for (const row of linked) {
    if (row.departed === 1) {
      orphans.push({ ...row, reason: 'departed' });
      continue;
    }
    const kept = best.get(row.identityId);
    if (kept === undefined || row.score > kept.score || (row.score === kept.score && row.recordId < kept.recordId)) best.set(row.identityId, row);
  }
  for (const row of linked) {
    if (row.departed === 0 && best.get(row.identityId)!.recordId !== row.recordId) orphans.push({ ...row, reason: 'duplicate' });
  }
  return orphans.sort((a, b) => a.key.localeCompare(b.key));
}

const toItem = (sourceId: string, orphan: OrphanAccount): IndicatorItem => ({
  kind: 'account',
  id: `${sourceId}/${orphan.key}`,
  identityId: orphan.identityId,
  name: orphan.name,
  detail: {
    fr: `${orphan.key} — ${reasonTexts[orphan.reason].fr}${orphan.endDate === null || orphan.reason !== 'departed' ? '' : ` le ${localizeDay(orphan.endDate).fr}`}`,
    en: `${orphan.key} — ${reasonTexts[orphan.reason].en}${orphan.endDate === null || orphan.reason !== 'departed' ? '' : ` on ${localizeDay(orphan.endDate).en}`}`,
  },
});

/** Accounts of each directory and application source that belong to nobody on the staff. */
export const orphanAccounts: IndicatorDefinition = {
  id: 'orphanAccounts',
  directoryOnly: true,
  group: 'orphans',
  unit: 'count',
  label: { fr: 'Comptes orphelins {source}{reason}', en: 'Orphan accounts {source}{reason}' },
  definition: {
    fr: "Comptes présents d'un annuaire ou d'une application qui ne correspondent à aucun agent en poste : parti (lié à une personne dont la date de fin RH est passée), inconnu de la RH (nommé mais lié à personne), générique (compte de service ou sans nom), doublon (second compte d'une même personne dans la source). Le programme HOP'EN attend 15 à 25 % de comptes orphelins avant nettoyage.",
    en: 'Present accounts of a directory or application that match no current staff member: departed (linked to someone whose HR end date has passed), unknown to HR (named but linked to nobody), generic (service or unnamed account), duplicate (a second account of the same person in the source). The HOP’EN program expects 15–25 % orphan accounts before a clean-up.',
  },
  measure: function measureOrphanAccounts(context) {
    return accountSources(context).flatMap((source) => {
      const orphans = readOrphanAccounts(context, source.id);
      const whole = countPresentRecords(context, source.id);
      const sourceText = { fr: source.label, en: source.label };
      return [
        { qualifier: source.id, labelParams: { source: sourceText, reason: { fr: '', en: '' } }, value: orphans.length, counted: { part: orphans.length, whole } },
        ...orphanReasons.map((reason) => {
          const part = orphans.filter((orphan) => orphan.reason === reason).length;
          return { qualifier: `${source.id}/${reason}`, labelParams: { source: sourceText, reason: { fr: ` — ${reasonTexts[reason].fr}`, en: ` — ${reasonTexts[reason].en}` } }, value: part, counted: { part, whole } };
        }),
      ];
    });
  },
  list: function listOrphanAccounts(context, qualifier) {
    const [sourceId = '', reason] = (qualifier ?? '').split('/');
    return readOrphanAccounts(context, sourceId)
      .filter((orphan) => reason === undefined || orphan.reason === reason)
      .map((orphan) => toItem(sourceId, orphan));
  },
};

interface DormantRow {
  key: string;
  name: string;
  lastLogin: string;
  identityId: string | null;
}

function readDormantAccounts({ db, now, dormantDays }: IndicatorContext, sourceId: string): DormantRow[] {
  const cutoff = new Date(now.getTime() - dormantDays * 86_400_000).toISOString().slice(0, 10);
  return db
    .prepare(
      `SELECT r.record_key AS key, TRIM(COALESCE(r.first_name, '') || ' ' || COALESCE(r.last_name, '')) AS name,
              json_extract(r.attributes_json, '$.lastLogin') AS lastLogin, l.identity_id AS identityId
         FROM source_records r LEFT JOIN identity_links l ON l.record_id = r.id AND l.decision IN ('automatic', 'validated')
        WHERE r.source_id = ? AND r.present = 1 AND json_extract(r.attributes_json, '$.enabled') IS NOT 0
          AND json_extract(r.attributes_json, '$.lastLogin') < ? ORDER BY lastLogin, r.record_key`,
    )
    .all(sourceId, cutoff) as DormantRow[];
}

/** Enabled accounts nobody has logged on with for N days. */
export const dormantAccounts: IndicatorDefinition = {
  id: 'dormantAccounts',
  directoryOnly: true,
  group: 'orphans',
  unit: 'count',
  label: { fr: 'Comptes dormants {source}', en: 'Dormant accounts {source}' },
  definition: {
    fr: "Comptes présents et actifs (non désactivés) dont la dernière connexion connue (lastLogonTimestamp / lastLogon de l'AD, lastLogin d'une application) est plus ancienne que le seuil de dormance (90 jours par défaut). Un compte sans date de connexion n'est pas compté.",
    en: 'Present, enabled accounts whose last known logon (AD lastLogonTimestamp / lastLogon, an application’s lastLogin) is older than the dormancy threshold (90 days by default). An account without a logon date is not counted.',
  },
  measure: function measureDormantAccounts(context) {
    return accountSources(context).map((source) => {
      const part = readDormantAccounts(context, source.id).length;
      return { qualifier: source.id, labelParams: { source: { fr: source.label, en: source.label } }, value: part, counted: { part, whole: countPresentRecords(context, source.id) } };
    });
  },
  list: function listDormantAccounts(context, qualifier) {
    return readDormantAccounts(context, qualifier ?? '').map((row) => ({
      kind: 'account',
      id: `${qualifier}/${row.key}`,
      identityId: row.identityId,
      name: row.name === '' ? row.key : row.name,
      detail: { fr: `${row.key} — dernière connexion le ${localizeDay(row.lastLogin).fr}`, en: `${row.key} — last logon ${localizeDay(row.lastLogin).en}` },
    }));
  },
};

export const orphanIndicators: readonly IndicatorDefinition[] = [orphanAccounts, dormantAccounts];
