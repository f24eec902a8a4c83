import type { IndicatorFigure, IndicatorGroup } from '../api/indicators.contract';

/** The figures each group's trend chart draws, all in one unit (the others are read from the cards). */
export function selectChartKeys(group: IndicatorGroup, figures: readonly IndicatorFigure[]): string[] {
  const drawn: Record<IndicatorGroup, (figure: IndicatorFigure) => boolean> = {
    directory: (figure) => figure.indicatorId === 'rppsAlignment' || figure.indicatorId === 'sourceLinkRate',
    orphans: (figure) => (figure.indicatorId === 'orphanAccounts' && !figure.key.includes('/')) || figure.indicatorId === 'dormantAccounts',
    means: (figure) => figure.indicatorId === 'meansCoverage',
    leavers: (figure) => figure.indicatorId === 'leaverRevocationDelay',
    nightDesk: (figure) => figure.indicatorId === 'temporaryIssueTime',
  };
  return figures.filter((figure) => figure.group === group && drawn[group](figure)).map((figure) => figure.key);
}
