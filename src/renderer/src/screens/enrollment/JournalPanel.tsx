import { useTranslation } from 'react-i18next';
import { useOpenScreen } from '../navigation';

/** Auditors and admins at the desk: the journal has its own screen (filters, readable acts, exports, integrity). */
export function JournalPanel() {
  const { t } = useTranslation();
  const openScreen = useOpenScreen();
  return (
    <section className="journal" aria-labelledby="desk-journal-heading">
      <h2 id="desk-journal-heading">{t('enrollment.journal.title')}</h2>
      <p>
        {t('enrollment.journal.moved')}{' '}
        <button type="button" onClick={() => openScreen('journal')}>
          {t('enrollment.journal.open')}
        </button>
      </p>
    </section>
  );
}
