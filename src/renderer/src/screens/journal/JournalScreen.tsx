import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { JournalExportFile, JournalFilters, JournalIntegrity, JournalPage } from '../../../../shared/api/journal.contract';
import { journalActCodes, labelJournalAct } from '../../../../shared/journal/journalActLabels';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';

type ExportState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; file: JournalExportFile; url: string } | { phase: 'failed'; message: string };
interface Form {
  person: string;
  agent: string;
  action: string;
  from: string;
  to: string;
  desk: string;
}
const emptyForm: Form = { person: '', agent: '', action: '', from: '', to: '', desk: '' };
const toFilters = (form: Form): JournalFilters => ({
  ...(form.person.trim() === '' ? {} : { person: form.person.trim() }),
  ...(form.agent.trim() === '' ? {} : { agent: form.agent.trim() }),
  ...(form.action === '' ? {} : { actions: [form.action] }),
  ...(form.from === '' ? {} : { from: form.from }),
  ...(form.to === '' ? {} : { to: form.to }),
  ...(form.desk.trim() === '' ? {} : { desk: form.desk.trim() }),
});

/** The journal, for auditors and admins: filters, readable acts, exports and the integrity check. */
export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const { api } = useDesk();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const { session, refresh: refreshSession } = useDeskSession();
  const allowed = sessionAllows(session, 'journal.read');
  const [form, setForm] = useState<Form>(emptyForm);
  const [filters, setFilters] = useState<JournalFilters>({});
  const [page, setPage] = useState<JournalPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [integrity, setIntegrity] = useState<JournalIntegrity | null>(null);
  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });

  const load = useCallback(
    (next: JournalFilters, beforeSeq?: number) => {
      setError(null);
      api.searchJournal({ filters: next, limit: 100, ...(beforeSeq === undefined ? {} : { beforeSeq }) }).then(
        (result) => setPage((current) => (beforeSeq === undefined || current === null ? result : { entries: [...current.entries, ...result.entries], total: result.total })),
        (reason: unknown) => setError(describeError(reason, i18n.language)),
      );
    },
    [api, i18n.language],
  );
  useEffect(() => {
    if (allowed) load({});
  }, [allowed, load]);

  if (session?.state !== 'open') return <LoginToAct session={session} onOpened={refreshSession} summary={t('journal.login')} />;
  if (!allowed) return <p className="hint">{t('journal.notAllowed')}</p>;

  const field = (name: keyof Form) => ({ value: form[name], onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = toFilters(form);
    setFilters(next);
    load(next);
  };
  const exportAs = async (format: 'csv' | 'pdf') => {
    setExportState({ phase: 'running' });
    try {
      const file = await api.exportJournal({ filters, format, language });
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      setExportState({ phase: 'done', file, url: URL.createObjectURL(new Blob([bytes], { type: file.mimeType })) });
    } catch (reason) {
      setExportState({ phase: 'failed', message: describeError(reason, i18n.language) });
    }
  };
  const verify = () => api.verifyJournalIntegrity({}).then(setIntegrity, (reason: unknown) => setError(describeError(reason, i18n.language)));
  const sortedActs = [...journalActCodes].sort((a, b) => labelJournalAct(a, language).localeCompare(labelJournalAct(b, language), language));

  return (
    <section className="journal" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t('journal.title')}</h2>
      <form className="journal-filters" onSubmit={submit} aria-label={t('journal.filters')}>
        <label>
          {t('journal.filter.person')} <input type="search" maxLength={100} aria-label={t('journal.filter.person')} {...field('person')} />
        </label>
        <label>
          {t('journal.filter.agent')} <input type="search" maxLength={100} aria-label={t('journal.filter.agent')} {...field('agent')} />
        </label>
        <label>
          {t('journal.filter.act')}{' '}
          <select aria-label={t('journal.filter.act')} {...field('action')}>
            <option value="">{t('journal.filter.anyAct')}</option>
            {sortedActs.map((code) => (
              <option key={code} value={code}>
                {labelJournalAct(code, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('journal.filter.from')} <input type="date" aria-label={t('journal.filter.from')} {...field('from')} />
        </label>
        <label>
          {t('journal.filter.to')} <input type="date" aria-label={t('journal.filter.to')} {...field('to')} />
        </label>
        <label>
          {t('journal.filter.desk')} <input type="search" maxLength={100} aria-label={t('journal.filter.desk')} {...field('desk')} />
        </label>
        <button type="submit">{t('journal.search')}</button>{' '}
        <button
          type="button"
          onClick={() => {
            setForm(emptyForm);
            setFilters({});
            load({});
          }}
        >
          {t('journal.reset')}
        </button>
      </form>
      <div className="journal-tools">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('journal.export.csv')}
        </button>{' '}
        <button type="button" onClick={() => void exportAs('pdf')}>
          {t('journal.export.pdf')}
        </button>{' '}
        <button type="button" onClick={() => void verify()}>
          {t('journal.verify')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="journal-export">
        {exportState.phase === 'running' && t('journal.export.running')}
        {exportState.phase === 'failed' && <span className="error">{exportState.message}</span>}
        {exportState.phase === 'done' && (
          <a className="button-link" href={exportState.url} download={exportState.file.fileName}>
            {t('journal.export.save', { fileName: exportState.file.fileName })}
          </a>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="journal-integrity">
        {integrity !== null && (
          <>
            <p className={integrity.ok ? 'status-ok' : 'status-error'}>
              {integrity.ok
                ? t('journal.verify.ok', { entries: integrity.entries, keyed: t(integrity.keyed ? 'journal.verify.keyed' : 'journal.verify.unkeyed') })
                : t('journal.verify.broken', { entry: integrity.firstBadEntry, reason: t(`journal.verify.reason.${integrity.reason}`) })}
            </p>
            <p className={integrity.leavers.ok ? 'status-ok' : 'status-error'}>
              {integrity.leavers.ok
                ? t('journal.verify.leaversOk')
                : t('journal.verify.leaversBroken', { count: integrity.leavers.violations.length, names: integrity.leavers.violations.map((violation) => violation.name).join(', ') })}
            </p>
          </>
        )}
      </div>
      {error !== null && (
        <p className="status-banner status-error" role="alert">
          {error}
        </p>
      )}
      {page !== null && (
        <>
          <p data-testid="journal-count">{t('journal.count', { shown: page.entries.length, total: page.total })}</p>
          {page.entries.length === 0 ? (
            <p>{t('journal.empty')}</p>
          ) : (
            <table className="results" data-testid="journal-entries">
              <thead>
                <tr>
                  <th scope="col">{t('journal.col.when')}</th>
                  <th scope="col">{t('journal.col.act')}</th>
                  <th scope="col">{t('journal.col.agent')}</th>
                  <th scope="col">{t('journal.col.desk')}</th>
                  <th scope="col">{t('journal.col.person')}</th>
                  <th scope="col">{t('journal.col.means')}</th>
                  <th scope="col">{t('journal.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.seq} data-action={entry.action}>
                    <td>{dates.dateTimeWithSeconds(entry.at)}</td>
                    <td title={entry.action}>{labelJournalAct(entry.action, language)}</td>
                    <td>{entry.agentName ?? entry.agentId ?? t('journal.system')}</td>
                    <td>{entry.desk}</td>
                    <td>{entry.personName ?? '—'}</td>
                    <td>{entry.identifier ?? '—'}</td>
                    <td>{entry.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {page.entries.length < page.total && (
            <button type="button" onClick={() => load(filters, page.entries.at(-1)?.seq)}>
              {t('journal.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
