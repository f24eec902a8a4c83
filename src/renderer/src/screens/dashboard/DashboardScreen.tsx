import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/useDateFormat';
import type { IndicatorDashboard, IndicatorFigure, IndicatorItems, IndicatorReportFile, IndicatorSeries } from '../../../../shared/api/indicators.contract';
import { seriesRanges } from '../../../../shared/api/indicators.contract';
import { buildIndicatorChartOption } from '../../../../shared/indicators/buildIndicatorChartOption';
import { formatFigureValue } from '../../../../shared/indicators/formatFigureValue';
import { issueTimeCeilingMinutes } from '../../../../shared/indicators/issueTimeCeilingMinutes';
import { selectChartKeys } from '../../../../shared/indicators/selectChartKeys';
import { useDesk } from '../../desk/DeskContext';
import { describeError } from '../../desk/describeError';
import { LoginToAct } from '../enrollment/LoginPanel';
import { sessionAllows, useDeskSession } from '../enrollment/useDeskSession';
import { figureDomId, groupDashboardFigures, reportRange } from './dashboardViewModel';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorItemsPanel } from './IndicatorItemsPanel';
import './dashboard.css';

type Range = (typeof seriesRanges)[number];
type ExportState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; file: IndicatorReportFile; url: string } | { phase: 'failed'; message: string };


function FigureCard({ figure, language, onShowList }: { figure: IndicatorFigure; language: 'fr' | 'en'; onShowList: (figure: IndicatorFigure) => void }) {
  const { t } = useTranslation();
  const id = figureDomId(figure.key);
  const value = formatFigureValue(figure.value, figure.unit, language);
  return (
    <li className={`figure${figure.status === 'alert' ? ' figure-alert' : ''}`} data-testid={id} title={figure.definition[language]}>
      {figure.listable ? (
        <button type="button" className="figure-value link" onClick={() => onShowList(figure)} aria-label={t('dashboard.showList', { label: `${figure.label[language]} ${value}` })} aria-describedby={`${id}-definition`}>
          {value}
        </button>
      ) : (
        <span className="figure-value" aria-describedby={`${id}-definition`}>
          {value}
        </span>
      )}
      <span className="figure-label">{figure.label[language]}</span>
      {figure.counted !== null && figure.unit === 'percent' && <span className="figure-counted">{t('dashboard.counted', { part: figure.counted.part, whole: figure.counted.whole })}</span>}
      {figure.status === 'alert' && <span className="pill pill-alert">{t('dashboard.alert')}</span>}
      <span className="figure-definition" role="tooltip" id={`${id}-definition`}>
        {figure.definition[language]}
      </span>
    </li>
  );
}

/**
 * The identity dashboard: the program's indicators computed by the core, each with its definition
 * and the list behind it, trend charts over 7/30/365 days, and the PDF/CSV report.
 */
export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const dates = useDateFormat();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const { api } = useDesk();
  const { session, refresh: refreshSession } = useDeskSession();
  const canRead = sessionAllows(session, 'indicators.read');
  const [range, setRange] = useState<Range>(30);
  const [dashboard, setDashboard] = useState<IndicatorDashboard | null>(null);
  const [series, setSeries] = useState<IndicatorSeries | null>(null);
  const [items, setItems] = useState<IndicatorItems | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });

  const load = useCallback(async () => {
    try {
      const next = await api.getDashboard({ periodDays: range });
      const keys = groupDashboardFigures(next).flatMap((view) => selectChartKeys(view.group, next.figures));
      setDashboard(next);
      setSeries(keys.length === 0 ? null : await api.getIndicatorSeries({ keys, days: range }));
      setError(null);
    } catch (reason) {
      setError(describeError(reason, i18n.language));
    }
  }, [api, range, i18n.language]);
  useEffect(() => {
    if (canRead) void load();
  }, [canRead, load]);
  useEffect(() => () => (exportState.phase === 'done' ? URL.revokeObjectURL(exportState.url) : undefined), [exportState]);

  const showList = async (figure: IndicatorFigure) => {
    try {
      setItems(await api.listIndicatorItems({ key: figure.key, periodDays: range }));
    } catch (reason) {
      setError(describeError(reason, i18n.language));
    }
  };
  const exportReport = async (format: 'pdf' | 'csv') => {
    if (dashboard === null) return;
    setExportState({ phase: 'running' });
    try {
      const file = await api.exportIndicatorReport({ format, ...reportRange(dashboard.today, range), language });
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      setExportState({ phase: 'done', file, url: URL.createObjectURL(new Blob([bytes], { type: file.mimeType })) });
    } catch (reason) {
      setExportState({ phase: 'failed', message: describeError(reason, i18n.language) });
    }
  };

  const groups = useMemo(() => (dashboard === null ? [] : groupDashboardFigures(dashboard)), [dashboard]);
  const chartOf = (group: (typeof groups)[number]) => {
    if (series === null || dashboard === null) return null;
    const keys = new Set(selectChartKeys(group.group, dashboard.figures));
    const lines = series.series.filter((line) => keys.has(line.key));
    if (!lines.some((line) => line.values.some((value) => value !== null))) return null;
    return buildIndicatorChartOption({
      title: t('dashboard.chart', { count: range }),
      series: { days: series.days, series: lines },
      language,
      ...(group.group === 'nightDesk' ? { ceiling: { value: issueTimeCeilingMinutes, label: t('dashboard.ceiling', { minutes: issueTimeCeilingMinutes }) } } : {}),
    });
  };

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{t('dashboard.title')}</h2>
      <LoginToAct session={session} onOpened={refreshSession} summary={t('dashboard.loginToRead')} />
      {session?.state === 'open' && !canRead && <p className="hint">{t('dashboard.notAllowed', { role: t(`enrollment.role.${session.agent?.role ?? 'badge-office'}`) })}</p>}
      {error !== null && (
        <p role="alert" className="error">
          {t('dashboard.error', { message: error })}
        </p>
      )}
      {canRead && dashboard === null && error === null && <p role="status">{t('dashboard.loading')}</p>}
      {canRead && dashboard !== null && (
        <>
          <div className="dashboard-toolbar">
            <fieldset className="dashboard-range">
              <legend>{t('dashboard.range')}</legend>
              {seriesRanges.map((days) => (
                <label key={days}>
                  <input type="radio" name="dashboard-range" value={days} checked={range === days} onChange={() => setRange(days)} /> {t('dashboard.days', { count: days })}
                </label>
              ))}
            </fieldset>
            <button type="button" className="primary" onClick={() => void exportReport('pdf')} disabled={exportState.phase === 'running'}>
              {t('dashboard.export.pdf')}
            </button>
            <button type="button" onClick={() => void exportReport('csv')} disabled={exportState.phase === 'running'}>
              {t('dashboard.export.csv')}
            </button>
          </div>
          <div role="status" aria-live="polite" data-testid="dashboard-export">
            {exportState.phase === 'running' && t('dashboard.export.running')}
            {exportState.phase === 'failed' && <span className="error">{exportState.message}</span>}
            {exportState.phase === 'done' && (
              <a className="button-link" href={exportState.url} download={exportState.file.fileName}>
                {t('dashboard.export.save', { fileName: exportState.file.fileName })}
              </a>
            )}
          </div>
          <p className="hint">
            {t('dashboard.computed', { date: dates.dateTime(dashboard.generatedAt), ms: dashboard.computeMs, establishment: dashboard.establishment.name, finess: dashboard.establishment.finess.join(', ') || '—' })}
          </p>
          {items !== null && <IndicatorItemsPanel items={items} onClose={() => setItems(null)} />}
          {groups.map((group) => {
            const option = chartOf(group);
            return (
              <section key={group.group} className="dashboard-group" aria-labelledby={`dashboard-group-${group.group}`} data-testid={`dashboard-group-${group.group}`}>
                <h3 id={`dashboard-group-${group.group}`}>{t(group.titleKey)}</h3>
                <ul className="figures">
                  {group.figures.map((figure) => (
                    <FigureCard key={figure.key} figure={figure} language={language} onShowList={(shown) => void showList(shown)} />
                  ))}
                </ul>
                {option === null ? <p className="hint">{t('dashboard.noSeries')}</p> : <IndicatorChart option={option} testId={`dashboard-chart-${group.group}`} />}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
