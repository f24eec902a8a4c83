import type { IndicatorDashboard, IndicatorFigure, IndicatorGroup } from '../../../../shared/api/indicators.contract';
import { indicatorGroups } from '../../../../shared/api/indicators.contract';

export interface DashboardGroupView {
  group: IndicatorGroup;
  titleKey: string;
  figures: IndicatorFigure[];
}

/** The dashboard's figures by group, in the screen's order (a group without figures is left out). */
export function groupDashboardFigures(dashboard: IndicatorDashboard): DashboardGroupView[] {
  return indicatorGroups
    .map((group) => ({ group, titleKey: `dashboard.group.${group}`, figures: dashboard.figures.filter((figure) => figure.group === group) }))
    .filter((view) => view.figures.length > 0);
}

/** The figure's key as a test id and an element id (keys hold ":" and "/"). */
export function figureDomId(key: string): string {
  return `figure-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The period a report covers when exported from the screen: the selected number of days up to today. */
export function reportRange(today: string, days: number): { from: string; to: string } {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}
