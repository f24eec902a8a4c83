import type { LocalizedText } from '../../shared/api/errors';
import type { IndicatorItem } from '../../shared/api/indicators.contract';
import { mapProfessionCode } from '../../shared/matching/mapProfessionCode';
import type { IndicatorContext, IndicatorDefinition } from './IndicatorDefinition';
import { labelMeansKind } from '../../shared/cards/meansKindLabels';
import { localizeDay } from './localizeDate';

const share = (part: number, whole: number) => (whole === 0 ? null : (100 * part) / whole);
const coverageKinds = ['cps', 'badge', 'fido', 'none'] as const;
type CoverageKind = (typeof coverageKinds)[number];
const kindTexts: Record<CoverageKind, LocalizedText> = {
  cps: { fr: 'CPS/CPE', en: 'CPS/CPE' },
  badge: { fr: 'badge', en: 'badge' },
  fido: { fr: 'clé FIDO', en: 'FIDO key' },
  none: { fr: 'aucun moyen', en: 'no means' },
};

interface StaffRow {
  id: string;
  name: string;
  profession: string | null;
  cps: 0 | 1;
  badge: 0 | 1;
  fido: 0 | 1;
}

/** Active staff (HR status active or leaving) with the kinds of means they hold active. */
function readStaffMeans({ db }: IndicatorContext): StaffRow[] {
  return db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, i.profession,
              COALESCE(m.cps, 0) AS cps, COALESCE(m.badge, 0) AS badge, COALESCE(m.fido, 0) AS fido
         FROM identities i
         LEFT JOIN (SELECT identity_id, MAX(kind = 'cps') AS cps, MAX(kind = 'badge') AS badge, MAX(kind = 'fido') AS fido
                      FROM mie WHERE status = 'active' GROUP BY identity_id) m ON m.identity_id = i.id
        WHERE i.status IN ('active', 'leaving') ORDER BY i.last_name, i.first_name`,
    )
    .all() as StaffRow[];
}

interface ProfessionCounts extends Record<CoverageKind, number> {
  profession: string | null;
  staff: number;
}

/** Active staff counted per HR profession and kind of active means, in SQL (50 000 people are never read one by one). */
function countStaffMeansByProfession({ db, shared }: IndicatorContext): ProfessionCounts[] {
  return shared('staffMeansByProfession', () =>
    db
      .prepare(
        `SELECT i.profession, COUNT(*) AS staff, COALESCE(SUM(m.cps), 0) AS cps, COALESCE(SUM(m.badge), 0) AS badge, COALESCE(SUM(m.fido), 0) AS fido,
                SUM(COALESCE(m.cps + m.badge + m.fido, 0) = 0) AS none
           FROM identities i
           LEFT JOIN (SELECT identity_id, MAX(kind = 'cps') AS cps, MAX(kind = 'badge') AS badge, MAX(kind = 'fido') AS fido
                        FROM mie WHERE status = 'active' GROUP BY identity_id) m ON m.identity_id = i.id
          WHERE i.status IN ('active', 'leaving') GROUP BY i.profession`,
      )
      .all() as ProfessionCounts[],
  );
}

const holds = (row: StaffRow, kind: CoverageKind) => (kind === 'none' ? row.cps + row.badge + row.fido === 0 : row[kind] === 1);
const personItem = (row: { id: string; name: string }, detail: LocalizedText): IndicatorItem => ({ kind: 'person', id: row.id, identityId: row.id, name: row.name, detail });

/** Share of active staff holding each kind of identification means. */
export const meansCoverage: IndicatorDefinition = {
  id: 'meansCoverage',
  group: 'means',
  unit: 'percent',
  label: { fr: 'Couverture du personnel — {kind}', en: 'Staff coverage — {kind}' },
  definition: {
    fr: "Part du personnel actif (statut RH actif ou en partance, hors identités temporaires) qui détient au moins un moyen d'identification actif du type : CPS/CPE, badge, clé FIDO ; « aucun moyen » compte ceux qui n'en ont aucun des trois.",
    en: 'Share of active staff (HR status active or leaving, temporary identities excluded) holding at least one active identification means of the type: CPS/CPE, badge, FIDO key; "no means" counts those holding none of the three.',
  },
  measure: function measureMeansCoverage(context) {
    const byProfession = countStaffMeansByProfession(context);
    const whole = byProfession.reduce((sum, row) => sum + row.staff, 0);
    return coverageKinds.map((kind) => {
      const part = byProfession.reduce((sum, row) => sum + row[kind], 0);
      return { qualifier: kind, labelParams: { kind: kindTexts[kind] }, value: share(part, whole), counted: { part, whole } };
    });
  },
  list: function listStaffByMeans(context, qualifier) {
    const kind = (coverageKinds as readonly string[]).includes(qualifier ?? '') ? (qualifier as CoverageKind) : 'none';
    return readStaffMeans(context)
      .filter((row) => holds(row, kind))
      .map((row) => personItem(row, { fr: row.profession ?? '—', en: row.profession ?? '—' }));
  },
};

/** Health professionals of the staff who hold no active CPS. */
export const professionalsWithoutCps: IndicatorDefinition = {
  id: 'professionalsWithoutCps',
  group: 'means',
  unit: 'count',
  label: { fr: 'Professionnels de santé sans CPS', en: 'Health professionals without a CPS' },
  definition: {
    fr: 'Personnel actif dont la profession RH relève de la nomenclature TRE_G15 des professions de santé et qui ne détient aucune CPS active.',
    en: 'Active staff whose HR profession belongs to the TRE_G15 health professions and who hold no active CPS.',
  },
  measure: function measureProfessionalsWithoutCps(context) {
    const professionals = countStaffMeansByProfession(context).filter((row) => mapProfessionCode(row.profession) !== null);
    const whole = professionals.reduce((sum, row) => sum + row.staff, 0);
    const part = whole - professionals.reduce((sum, row) => sum + row.cps, 0);
    return [{ value: part, counted: { part, whole } }];
  },
  list: function listProfessionalsWithoutCps(context) {
    return readStaffMeans(context)
      .filter((row) => mapProfessionCode(row.profession) !== null && row.cps === 0)
      .map((row) => personItem(row, { fr: row.profession!, en: row.profession! }));
  },
};

interface FidoHolderRow {
  id: string;
  name: string;
  primaryKeys: number;
  backupKeys: number;
}

function readFidoHolders({ db }: IndicatorContext): FidoHolderRow[] {
  return db
    .prepare(
      `SELECT i.id, i.first_name || ' ' || i.last_name AS name, SUM(c.role = 'primary') AS primaryKeys, SUM(c.role = 'backup') AS backupKeys
         FROM fido_credentials c JOIN mie m ON m.id = c.mie_id JOIN identities i ON i.id = c.identity_id
        WHERE c.status = 'active' AND m.status = 'active' AND i.status IN ('active', 'leaving')
        GROUP BY i.id ORDER BY i.last_name, i.first_name`,
    )
    .all() as FidoHolderRow[];
}

/** Backup keys per person holding a FIDO key. */
export const backupFidoKeys: IndicatorDefinition = {
  id: 'backupFidoKeys',
  group: 'means',
  unit: 'ratio',
  label: { fr: 'Clés FIDO de secours par porteur', en: 'Backup FIDO keys per holder' },
  definition: {
    fr: "Nombre moyen de clés FIDO de secours actives (parrainées) par personne du personnel actif qui détient au moins une clé FIDO active. La liste montre les porteurs sans clé de secours.",
    en: 'Average number of active (sponsored) backup FIDO keys per active staff member holding at least one active FIDO key. The list shows the holders without a backup key.',
  },
  measure: function measureBackupFidoKeys(context) {
    const holders = readFidoHolders(context);
    const backups = holders.reduce((sum, row) => sum + row.backupKeys, 0);
    return [{ value: holders.length === 0 ? null : backups / holders.length, counted: { part: backups, whole: holders.length } }];
  },
  list: function listHoldersWithoutBackup(context) {
    return readFidoHolders(context)
      .filter((row) => row.backupKeys === 0)
      .map((row) => personItem(row, { fr: `${row.primaryKeys} clé(s), aucune de secours`, en: `${row.primaryKeys} key(s), no backup` }));
  },
};

interface MieRow {
  id: string;
  identityId: string;
  name: string;
  kind: string;
  identifier: string;
  at: string;
}

function readExpiringMeans({ db, now }: IndicatorContext): MieRow[] {
  const horizon = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  return db
    .prepare(
      `SELECT m.id, m.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, m.kind, m.identifier, m.valid_until AS at
         FROM mie m JOIN identities i ON i.id = m.identity_id
        WHERE m.status = 'active' AND m.kind <> 'temporary-badge' AND m.valid_until IS NOT NULL AND m.valid_until >= ? AND m.valid_until < ?
        ORDER BY m.valid_until`,
    )
    .all(now.toISOString(), horizon) as MieRow[];
}

/** Active means whose validity ends within 30 days. */
export const meansExpiringSoon: IndicatorDefinition = {
  id: 'meansExpiringSoon',
  group: 'means',
  unit: 'count',
  label: { fr: 'Moyens expirant sous 30 jours', en: 'Means expiring within 30 days' },
  definition: {
    fr: "Moyens d'identification actifs (hors cartes temporaires du guichet de nuit) dont la fin de validité tombe dans les 30 prochains jours.",
    en: 'Active identification means (night-desk temporary cards excluded) whose validity ends within the next 30 days.',
  },
  measure: function measureMeansExpiringSoon(context) {
    return [{ value: readExpiringMeans(context).length }];
  },
  list: function listMeansExpiringSoon(context) {
    return readExpiringMeans(context).map((row) => ({ kind: 'means', id: row.id, identityId: row.identityId, name: row.name, detail: { fr: `${labelMeansKind(row.kind, 'fr')} ${row.identifier} — fin le ${localizeDay(row.at).fr}`, en: `${labelMeansKind(row.kind, 'en')} ${row.identifier} — ends on ${localizeDay(row.at).en}` } }));
  },
};

function readLostOrStolen({ db, now }: IndicatorContext): (MieRow & { status: string })[] {
  const monthStart = `${now.toISOString().slice(0, 7)}-01T00:00:00.000Z`;
  return db
    .prepare(
      `SELECT m.id, h.identity_id AS identityId, i.first_name || ' ' || i.last_name AS name, m.kind, m.identifier, h.at, h.to_status AS status
         FROM mie_history h JOIN mie m ON m.id = h.mie_id JOIN identities i ON i.id = h.identity_id
        WHERE h.to_status IN ('lost', 'stolen') AND h.at >= ? ORDER BY h.at`,
    )
    .all(monthStart) as (MieRow & { status: string })[];
}

/** Means declared lost or stolen since the first of the month. */
export const lostOrStolenThisMonth: IndicatorDefinition = {
  id: 'lostOrStolenThisMonth',
  group: 'means',
  unit: 'count',
  label: { fr: 'Perdus ou volés ce mois-ci', en: 'Lost or stolen this month' },
  definition: {
    fr: "Déclarations de perte ou de vol d'un moyen d'identification depuis le premier jour du mois en cours (UTC).",
    en: 'Identification means declared lost or stolen since the first day of the current month (UTC).',
  },
  measure: function measureLostOrStolenThisMonth(context) {
    return [{ value: readLostOrStolen(context).length }];
  },
  list: function listLostOrStolenThisMonth(context) {
    return readLostOrStolen(context).map((row) => ({
      kind: 'means',
      id: row.id,
      identityId: row.identityId,
      name: row.name,
      detail: { fr: `${labelMeansKind(row.kind, 'fr')} ${row.identifier} ${row.status === 'lost' ? 'perdu' : 'volé'} le ${localizeDay(row.at).fr}`, en: `${labelMeansKind(row.kind, 'en')} ${row.identifier} ${row.status === 'lost' ? 'lost' : 'stolen'} on ${localizeDay(row.at).en}` },
    }));
  },
};

export const meansIndicators: readonly IndicatorDefinition[] = [meansCoverage, professionalsWithoutCps, backupFidoKeys, meansExpiringSoon, lostOrStolenThisMonth];
