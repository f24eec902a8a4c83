import { describe, expect, it } from 'vitest';
import type { IndicatorDashboard, IndicatorFigure } from '../../../../shared/api/indicators.contract';
import { figureDomId, groupDashboardFigures, reportRange } from './dashboardViewModel';

const figure = (key: string, group: IndicatorFigure['group']): IndicatorFigure => ({
  key, indicatorId: key.split(':')[0]!, group, label: { fr: key, en: key }, definition: { fr: 'd', en: 'd' }, unit: 'count', value: 1, counted: null, status: 'ok', listable: true,
});

describe('dashboard view model', () => {
  it('groups figures in the screen order and leaves empty groups out', () => {
    const dashboard = { figures: [figure('temporaryCardsIssued', 'nightDesk'), figure('rppsAlignment', 'directory'), figure('orphanAccounts:ad', 'orphans')] } as IndicatorDashboard;
    expect(groupDashboardFigures(dashboard).map((view) => [view.group, view.titleKey, view.figures.map((f) => f.key)])).toEqual([
      ['directory', 'dashboard.group.directory', ['rppsAlignment']],
      ['orphans', 'dashboard.group.orphans', ['orphanAccounts:ad']],
      ['nightDesk', 'dashboard.group.nightDesk', ['temporaryCardsIssued']],
    ]);
  });

  it('makes keys safe for ids and counts report days inclusively', () => {
    expect(figureDomId('orphanAccounts:ad/departed')).toBe('figure-orphanAccounts-ad-departed');
    expect(reportRange('2026-12-03', 7)).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(reportRange('2026-03-01', 365)).toEqual({ from: '2025-03-02', to: '2026-03-01' });
  });
});
