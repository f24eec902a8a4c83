import { useTranslation } from 'react-i18next';
import type { LinkEvidence } from '../../../../shared/api/reconcile.contract';
import { buildEvidenceRows } from './reviewViewModel';

/** Per-field evidence of a link: both values, how they compared and the points, with the total. */
export function EvidenceTable({ evidence, caption }: { evidence: readonly LinkEvidence[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const { rows, total, weightTotal } = buildEvidenceRows(evidence, i18n.language === 'en' ? 'en' : 'fr');
  const weighted = evidence.some((item) => item.weight !== undefined);
  return (
    <table className="results evidence" data-testid="link-evidence">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.field')}</th>
          <th scope="col">{t('review.recordValue')}</th>
          <th scope="col">{t('review.personValue')}</th>
          <th scope="col">{t('review.comparison')}</th>
          {weighted && <th scope="col">{t('review.weight')}</th>}
          <th scope="col">{t('review.points')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.fieldKey} className={`evidence-${row.tone}`}>
            <th scope="row">{t(row.fieldKey)}</th>
            <td>{row.recordValue}</td>
            <td>{row.personValue}</td>
            <td>
              {t(row.levelKey)} <span className="hint">({t(row.comparatorKey)})</span>
            </td>
            {weighted && <td>{row.weight}</td>}
            <td>{row.points}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            {t('review.total')}
          </th>
          {weighted && <td>{weightTotal}</td>}
          <td>{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
