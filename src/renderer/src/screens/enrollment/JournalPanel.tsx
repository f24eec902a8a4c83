import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView, JournalVerificationView } from '../../../../shared/api/enrollment.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';

/** Auditors and admins: the latest acts, the chain check and the CSV export. */
export function JournalPanel() {
  const { t, i18n } = useTranslation();
  const client = useDesk();
  const [entries, setEntries] = useState<JournalEntryView[]>([]);
  const [verification, setVerification] = useState<JournalVerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);

  const load = useCallback(() => {
    client.api.listJournal({ limit: 50 }).then(setEntries, (reason: unknown) => setError(describeError(reason, i18n.language)));
  }, [client, i18n.language]);
  useEffect(() => {
    load();
    return client.on('mieChanged', load);
  }, [client, load]);
  useEffect(() => () => {
    if (download !== null) URL.revokeObjectURL(download.url);
  }, [download]);

  const verify = () => client.api.verifyJournal({}).then(setVerification, (reason: unknown) => setError(describeError(reason, i18n.language)));
  const exportCsv = () =>
    client.api.exportJournalCsv({}).then(
      ({ csv, fileName }) => setDownload({ url: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), fileName }),
      (reason: unknown) => setError(describeError(reason, i18n.language)),
    );

  return (
    <section className="journal" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t('enrollment.journal.title')}</h2>
      <p>
        <button type="button" onClick={() => void verify()}>
          {t('enrollment.journal.verify')}
        </button>{' '}
        <button type="button" onClick={() => void exportCsv()}>
          {t('enrollment.journal.export')}
        </button>{' '}
        {download !== null && (
          <a className="button-link" href={download.url} download={download.fileName}>
            {download.fileName}
          </a>
        )}
      </p>
      <div role="status" aria-live="polite" data-testid="journal-status">
        {verification !== null && (
          <p className={`status-banner ${verification.ok ? 'status-ok' : 'status-error'}`}>
            {verification.ok
              ? t('enrollment.journal.ok', { entries: verification.entries })
              : t('enrollment.journal.bad', { entry: verification.firstBadEntry, message: verification.message })}
          </p>
        )}
        {error !== null && <p className="status-banner status-error">{error}</p>}
      </div>
      <table className="results">
        <thead>
          <tr>
            <th scope="col">{t('enrollment.journal.seq')}</th>
            <th scope="col">{t('enrollment.history.at')}</th>
            <th scope="col">{t('enrollment.history.agent')}</th>
            <th scope="col">{t('enrollment.history.desk')}</th>
            <th scope="col">{t('enrollment.journal.action')}</th>
            <th scope="col">{t('enrollment.journal.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td>{new Date(entry.at).toLocaleString(i18n.language)}</td>
              <td>{entry.agentName ?? '—'}</td>
              <td>{entry.desk}</td>
              <td>{entry.action}</td>
              <td className="mono">{entry.after ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
