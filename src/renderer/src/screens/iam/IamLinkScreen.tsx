import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { ScimOutboxItemView } from '../../../../shared/api/scim.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { ConfirmReasonDialog } from '../enrollment/ConfirmReasonDialog';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';
import { IamTokenPanel } from './IamTokenPanel';
import { useScimStatus } from './useScimStatus';


/** The admin's view of the outbox towards the IAM: what waits, what the IAM refused and why; send again or give up with a reason. */
export function IamLinkScreen() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const client = useDesk();
  const { session, refresh: refreshSession } = useDeskSession();
  const { status } = useScimStatus();
  const [items, setItems] = useState<ScimOutboxItemView[] | null>(null);
  const [discarding, setDiscarding] = useState<ScimOutboxItemView | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const allowed = sessionAllows(session, 'iam.sync');
  const refresh = useCallback(() => {
    if (!allowed) return;
    client.api.listScimOutbox({ state: 'open' }).then(setItems, (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) }));
  }, [client, allowed, i18n.language]);
  useEffect(() => {
    refresh();
    return client.on('scimStatusChanged', refresh);
  }, [client, refresh]);

  if (session?.state !== 'open') return <LoginToAct session={session} onOpened={refreshSession} summary={t('scim.login')} />;
  if (!allowed) return <p className="hint">{t('scim.notAllowed')}</p>;

  const done = (text: string) => () => {
    setNotice({ kind: 'ok', text });
    refresh();
  };
  const failed = (reason: unknown) => setNotice({ kind: 'error', text: describeError(reason, i18n.language) });
  const retry = (item: ScimOutboxItemView) => client.api.retryScimItem({ id: item.id }).then(done(t('scim.retried', { value: item.means.value })), failed);
  const discard = (reason: string) => {
    if (discarding === null) return;
    const item = discarding;
    setDiscarding(null);
    client.api.discardScimItem({ id: item.id, reason }).then(done(t('scim.discarded', { value: item.means.value })), failed);
  };

  return (
    <section className="iam-link" aria-labelledby="iam-heading">
      <h2 id="iam-heading">{t('scim.title')}</h2>
      {status !== null && !status.configured && <p className="hint">{t('scim.notConfigured')}</p>}
      {status?.lastContactAt != null && <p>{t('scim.lastContact', { at: `${dates.dateTime(status.lastContactAt)} (${dates.relative(status.lastContactAt, new Date())})` })}</p>}
      {status?.lastError != null && <p className="status-warning">{t('scim.lastError', { error: status.lastError })}</p>}
      <IamTokenPanel />
      <div role="status" aria-live="polite" data-testid="iam-notice">
        {notice !== null && <p className={`status-banner ${notice.kind === 'ok' ? 'status-ok' : 'status-error'}`}>{notice.text}</p>}
      </div>
      {items === null ? (
        <p role="status">{t('app.connecting')}</p>
      ) : items.length === 0 ? (
        <p>{t('scim.empty')}</p>
      ) : (
        <table className="results" data-testid="iam-outbox">
          <thead>
            <tr>
              <th scope="col">{t('scim.col.person')}</th>
              <th scope="col">{t('scim.col.act')}</th>
              <th scope="col">{t('scim.col.means')}</th>
              <th scope="col">{t('scim.col.state')}</th>
              <th scope="col">{t('scim.col.error')}</th>
              <th scope="col">{t('scim.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-state={item.state}>
                <td>{item.holderName}</td>
                <td>{t(`scim.status.${item.means.status}`)}</td>
                <td>
                  {t(`scim.means.${item.means.type}`)} {item.means.value}
                </td>
                <td>
                  {t(`scim.state.${item.state}`, { attempts: item.attempts })}
                  {item.state === 'pending' && item.attempts > 0 && ` — ${t('scim.nextAttempt', { at: dates.dateTime(item.nextAttemptAt) })}`}
                </td>
                <td>{item.lastError ?? '—'}</td>
                <td className="actions">
                  <button type="button" onClick={() => void retry(item)} aria-label={t('scim.retryFor', { value: item.means.value, name: item.holderName })}>
                    {t('scim.retry')}
                  </button>{' '}
                  <button type="button" onClick={() => setDiscarding(item)} aria-label={t('scim.discardFor', { value: item.means.value, name: item.holderName })}>
                    {t('scim.discard')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {discarding !== null && (
        <ConfirmReasonDialog
          title={t('scim.confirm.title', { value: discarding.means.value })}
          consequence={t('scim.confirm.consequence', { name: discarding.holderName })}
          confirmLabel={t('scim.discard')}
          onConfirm={discard}
          onCancel={() => setDiscarding(null)}
        />
      )}
    </section>
  );
}
