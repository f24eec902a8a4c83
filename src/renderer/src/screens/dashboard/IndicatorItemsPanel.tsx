import { useTranslation } from 'react-i18next';
import type { IndicatorItems } from '../../../../shared/api/indicators.contract';

/** The people, accounts or means behind one figure. */
export function IndicatorItemsPanel({ items, onClose }: { items: IndicatorItems; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  return (
    <section className="indicator-items" aria-labelledby="indicator-items-title" data-testid="indicator-items">
      <h3 id="indicator-items-title">{t('dashboard.items.title', { label: items.label[language], total: items.total })}</h3>
      <button type="button" onClick={onClose}>
        {t('dashboard.items.close')}
      </button>
      {items.items.length < items.total && <p className="hint">{t('dashboard.items.truncated', { shown: items.items.length, total: items.total })}</p>}
      {items.total === 0 ? (
        <p>{t('dashboard.items.none')}</p>
      ) : (
        <table className="results">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.items.name')}</th>
              <th scope="col">{t('dashboard.items.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {items.items.map((item) => (
              <tr key={item.id} data-testid="indicator-item" data-item-id={item.id}>
                <th scope="row">{item.name}</th>
                <td>{item.detail[language]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
