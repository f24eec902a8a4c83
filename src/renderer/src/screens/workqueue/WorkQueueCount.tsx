import { useTranslation } from 'react-i18next';
import { useOpenScreen } from '../navigation';
import { useWorkQueue } from './useWorkQueue';

/** The header's "À traiter (N)": what waits for the badge office, one click away. Nothing without a session allowed to read it. */
export function WorkQueueCount() {
  const { t } = useTranslation();
  const openScreen = useOpenScreen();
  const { queue } = useWorkQueue();
  if (queue === null) return null;
  return (
    <button type="button" className={`workqueue-count${queue.overdue > 0 ? ' status-warning' : ''}`} data-testid="workqueue-count" onClick={() => openScreen('workqueue')}>
      {t('workqueue.header', { count: queue.total })}
      {queue.overdue > 0 && ` · ${t('workqueue.headerOverdue', { count: queue.overdue })}`}
    </button>
  );
}
