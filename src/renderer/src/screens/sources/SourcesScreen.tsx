import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgressEvent, ImportRunResult, ImportWarningView, RejectedLineView, SourcesOverview, SourceView } from '../../../../shared/api/sources.contract';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';
import { formatImportRun } from './formatImportRun';
import { importProblemKey } from './importProblemKey';

type ImportState = { phase: 'idle' } | { phase: 'running'; progress: ImportProgressEvent | null } | { phase: 'done'; result: ImportRunResult } | { phase: 'failed'; message: string };

export function SourcesScreen() {
  const { t, i18n } = useTranslation();
  const desk = useDesk();
  const { session, refresh: refreshSession } = useDeskSession();
  const canImport = sessionAllows(session, 'sources.import');
  const [overview, setOverview] = useState<SourcesOverview | null>(null);
  const [importState, setImportState] = useState<ImportState>({ phase: 'idle' });
  const [force, setForce] = useState(false);
  /** The rejected lines or the warnings of one source's last run, shown under the table. */
  const [problems, setProblems] = useState<{ kind: 'rejected' | 'warnings'; source: SourceView; lines: (RejectedLineView | ImportWarningView)[] } | null>(null);
  const forceId = useId();

  const refresh = useCallback(() => {
    void desk.api.listSources({}).then(setOverview, (error: unknown) => setImportState({ phase: 'failed', message: describeError(error, i18n.language) }));
  }, [desk, i18n.language]);
  useEffect(refresh, [refresh]);
  useEffect(
    () => desk.on('importProgress', (progress) => setImportState((state) => (state.phase === 'running' ? { phase: 'running', progress } : state))),
    [desk],
  );

  const runImport = async (): Promise<void> => {
    setImportState({ phase: 'running', progress: null });
    try {
      const result = await desk.api.runImport({ force });
      setImportState({ phase: 'done', result });
      setForce(false);
    } catch (error) {
      setImportState({ phase: 'failed', message: describeError(error, i18n.language) });
    }
    refresh();
  };
  const showProblems = async (source: SourceView, kind: 'rejected' | 'warnings'): Promise<void> => {
    if (source.lastRun === null) return;
    const { runId } = source.lastRun;
    try {
      const lines = kind === 'rejected' ? await desk.api.listRejectedLines({ runId }) : await desk.api.listImportWarnings({ runId });
      setProblems({ kind, source, lines });
    } catch (error) {
      setImportState({ phase: 'failed', message: describeError(error, i18n.language) });
    }
  };
  const problemLabel = (reason: string): string => {
    const key = importProblemKey(reason);
    return key === null ? reason : t(key);
  };
  const progress = importState.phase === 'running' ? importState.progress : null;
  const number = (value: number) => new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'fr-FR').format(value);

  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sources.title')}</h2>
      {overview !== null && <p className="hint">{t('sources.config', { path: overview.configPath })}</p>}
      {overview !== null && overview.configErrors.length > 0 && (
        <div role="alert" className="error" data-testid="sources-config-errors">
          <p>{t('sources.configErrors')}</p>
          <ul>
            {overview.configErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="sources-actions">
        <button type="button" className="primary" onClick={() => void runImport()} disabled={!canImport || importState.phase === 'running' || (overview?.configErrors.length ?? 0) > 0}>
          {t('sources.import')}
        </button>
        <input id={forceId} type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        <label htmlFor={forceId}>{t('sources.force')}</label>
      </div>
      {session !== null && session.state === 'open' && !canImport && <p className="hint">{t('sources.notAllowed', { role: t(`enrollment.role.${session.agent?.role ?? 'badge-office'}`) })}</p>}
      <LoginToAct session={session} onOpened={refreshSession} summary={t('sources.loginToImport')} />
      <div role="status" aria-live="polite" className="big-status" data-testid="import-status">
        {importState.phase === 'running' && (
          <>
            <progress max={100} value={progress?.percent ?? undefined} aria-label={t('sources.import')} />{' '}
            {progress !== null && t('sources.importing', { source: progress.sourceId, rows: number(progress.rows), speed: number(progress.rowsPerSecond) })}
          </>
        )}
        {importState.phase === 'done' && (importState.result.ok ? t('sources.importDone') : t('sources.importRefused'))}
        {importState.phase === 'failed' && t('sources.importFailed', { message: importState.message })}
      </div>
      {overview !== null && overview.sources.length === 0 && <p>{t('sources.none')}</p>}
      {overview !== null && overview.sources.length > 0 && (
        <table className="results" data-testid="sources-table">
          <thead>
            <tr>
              <th scope="col">{t('sources.column.source')}</th>
              <th scope="col">{t('sources.column.kind')}</th>
              <th scope="col">{t('sources.column.records')}</th>
              <th scope="col">{t('sources.column.lastImport')}</th>
              <th scope="col">{t('sources.column.counts')}</th>
              <th scope="col">{t('sources.column.changes')}</th>
              <th scope="col">{t('sources.column.errors')}</th>
              <th scope="col">{t('sources.column.warnings')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.sources.map((source) => {
              const run = source.lastRun;
              const shown = run === null ? null : formatImportRun(run, i18n.language);
              return (
                <tr key={source.id} data-testid={`source-${source.id}`}>
                  <th scope="row">
                    {source.label} <span className="hint">({source.id})</span>
                  </th>
                  <td>
                    {t(`sources.kind.${source.kind}`)} — {t(`sources.role.${source.role}`)}
                  </td>
                  <td>{number(source.recordCount)}</td>
                  <td>
                    {shown === null ? t('sources.never') : t(shown.statusKey, { date: shown.date })}
                    {run?.error && <p className="error">{run.error}</p>}
                  </td>
                  <td>{run === null ? '—' : `${number(run.read)} / ${number(run.imported)} / ${number(run.rejected)}`}</td>
                  <td>{run === null ? '—' : `+${number(run.added)} / ~${number(run.updated)} / −${number(run.removed)}`}</td>
                  <td>
                    {run !== null && run.rejected > 0 && canImport ? (
                      <button type="button" className="link" onClick={() => void showProblems(source, 'rejected')}>
                        {t('sources.showRejected', { count: run.rejected, source: source.label })}
                      </button>
                    ) : (
                      number(run?.rejected ?? 0)
                    )}
                  </td>
                  <td>
                    {run !== null && run.warned > 0 && canImport ? (
                      <button type="button" className="link" onClick={() => void showProblems(source, 'warnings')}>
                        {t('sources.showWarnings', { count: run.warned, source: source.label })}
                      </button>
                    ) : (
                      number(run?.warned ?? 0)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problems !== null && (
        <section aria-labelledby="problems-title" data-testid={problems.kind === 'rejected' ? 'rejected-lines' : 'import-warnings'}>
          <h3 id="problems-title">{t(problems.kind === 'rejected' ? 'sources.rejectedTitle' : 'sources.warningsTitle', { source: problems.source.label })}</h3>
          <table className="results">
            <thead>
              <tr>
                <th scope="col">{t('sources.rejectedLine')}</th>
                <th scope="col">{t('sources.problemField')}</th>
                <th scope="col">{t('sources.rejectedReason')}</th>
                <th scope="col">{t('sources.problemDetail')}</th>
                <th scope="col">{t('sources.problemValue')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.lines.map((line, index) => (
                <tr key={`${line.line}-${line.field ?? ''}-${index}`}>
                  <td>{line.line}</td>
                  <td>{line.field ?? '—'}</td>
                  <td>{problemLabel(line.reason)}</td>
                  <td>{line.detail ?? ''}</td>
                  <td>{line.value ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => setProblems(null)}>
            {t('sources.close')}
          </button>
        </section>
      )}
    </section>
  );
}
