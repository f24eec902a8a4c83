import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import { workItemKinds, type WorkItem } from '../../../../shared/api/workqueue.contract';
import type { SecondAgentInput } from '../../../../shared/api/secondAgent';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { ConfirmReasonDialog } from '../enrollment/ConfirmReasonDialog';
import { enrollmentDeskStore } from '../enrollment/enrollmentDeskStore';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';
import { useOpenScreen } from '../navigation';
import { useWorkQueue } from './useWorkQueue';

type Settling = { item: WorkItem; decision: 'revoke' | 'restore' } | null;

/** "À traiter": everything waiting for the badge office, most urgent first, each item opening the right screen. */
export function WorkQueueScreen() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const openScreen = useOpenScreen();
  const { session, refresh: refreshSession } = useDeskSession();
  const { queue, refresh } = useWorkQueue();
  const [settling, setSettling] = useState<Settling>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const canSettle = sessionAllows(session, 'mie.resume');

  if (!sessionAllows(session, 'mie.read')) {
    return <LoginToAct session={session} onOpened={refreshSession} summary={t('workqueue.login')} />;
  }
  if (queue === null) return <p role="status">{t('app.connecting')}</p>;

  const open = (item: WorkItem) => {
    if (item.screen === 'desk' && item.identityId !== null) enrollmentDeskStore.select(item.identityId);
    openScreen(item.screen);
  };
  const settle = (reason: string, secondAgent: SecondAgentInput | undefined) => {
    if (settling === null) return;
    const { item, decision } = settling;
    setSettling(null);
    const call =
      decision === 'revoke'
        ? api.resolveLeaverReview({ reviewId: item.id, decision: 'revoke', reason })
        : api.resolveLeaverReview({ reviewId: item.id, decision: 'restore', reason, newEndDate: null, secondAgent: secondAgent! });
    call.then(
      () => setNotice({ kind: 'ok', text: t(`workqueue.settled.${decision}`, { name: item.personName ?? '' }) }),
      (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }),
    ).finally(refresh);
  };

  return (
    <section className="workqueue" aria-labelledby="workqueue-heading">
      <h2 id="workqueue-heading">{t('workqueue.title', { count: queue.total })}</h2>
      <ul className="workqueue-counts" data-testid="workqueue-counts">
        {workItemKinds.map((kind) => (
          <li key={kind}>
            {t(`workqueue.kind.${kind}`)} : <strong>{queue.counts[kind]}</strong>
          </li>
        ))}
        {queue.overdue > 0 && (
          <li className="status-warning">
            {t('workqueue.overdue')} : <strong>{queue.overdue}</strong>
          </li>
        )}
      </ul>
      <div role="status" aria-live="polite" data-testid="workqueue-notice">
        {notice !== null && <p className={`status-banner ${notice.kind === 'ok' ? 'status-ok' : 'status-error'}`}>{notice.text}</p>}
      </div>
      {queue.items.length === 0 ? (
        <p>{t('workqueue.empty')}</p>
      ) : (
        <table className="results" data-testid="workqueue-items">
          <thead>
            <tr>
              <th scope="col">{t('workqueue.col.kind')}</th>
              <th scope="col">{t('workqueue.col.who')}</th>
              <th scope="col">{t('workqueue.col.what')}</th>
              <th scope="col">{t('workqueue.col.due')}</th>
              <th scope="col">{t('workqueue.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((item) => (
              <tr key={`${item.kind}:${item.id}`} data-kind={item.kind} className={item.overdue ? 'overdue' : undefined}>
                <td>{t(`workqueue.kind.${item.kind}`)}</td>
                <td>{item.personName ?? '—'}</td>
                <td>{describeItem(item, t, dates)}</td>
                <td>
                  {item.dueOn === null ? '—' : dates.day(item.dueOn)}
                  {item.overdue && <span className="pill pill-warning"> {t('workqueue.late')}</span>}
                </td>
                <td className="actions">
                  <button type="button" onClick={() => open(item)} aria-label={t('workqueue.openFor', { screen: t(`workqueue.screen.${item.screen}`), name: item.personName ?? t(`workqueue.kind.${item.kind}`) })}>
                    {t(`workqueue.open.${item.screen}`)}
                  </button>
                  {item.kind === 'leaver-review' && canSettle && (
                    <>
                      {' '}
                      <button type="button" onClick={() => setSettling({ item, decision: 'revoke' })}>
                        {t('workqueue.revoke')}
                      </button>{' '}
                      <button type="button" onClick={() => setSettling({ item, decision: 'restore' })}>
                        {t('workqueue.exception')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settling !== null && (
        <ConfirmReasonDialog
          title={t(`workqueue.confirm.${settling.decision}.title`, { name: settling.item.personName ?? '' })}
          consequence={t(`workqueue.confirm.${settling.decision}.consequence`, { name: settling.item.personName ?? '' })}
          confirmLabel={t(settling.decision === 'revoke' ? 'workqueue.revoke' : 'workqueue.exception')}
          needsSecondAgent={settling.decision === 'restore'}
          onConfirm={settle}
          onCancel={() => setSettling(null)}
        />
      )}
    </section>
  );
}

function describeItem(item: WorkItem, t: (key: string, options?: Record<string, unknown>) => string, dates: ReturnType<typeof useDateFormat>): string {
  const facts = item.facts;
  switch (item.kind) {
    case 'leaver-review':
      return t('workqueue.what.leaver-review', { end: dates.day(String(facts.hrEndDate)), count: Number(facts.suspended) });
    case 'leaver-hold':
      return t('workqueue.what.leaver-hold', { count: Number(facts.affected), population: Number(facts.population) });
    case 'regularization':
      return t('workqueue.what.regularization', { card: String(facts.card), agent: String(facts.issuedBy) });
    case 'temporary-not-returned':
      return t('workqueue.what.temporary-not-returned', { card: String(facts.card), end: dates.dateTime(String(facts.endsAt)) });
    case 'link-review':
      return t('workqueue.what.link-review', { count: Number(facts.count) });
    case 'iam-conflict':
      return t('workqueue.what.iam-conflict', { value: String(facts.value), error: String(facts.error ?? facts.status) });
    case 'rpps-conflict':
      return t('workqueue.what.rpps-conflict', { rpps: String(facts.rpps), holder: String(facts.hrHolder) });
  }
}
