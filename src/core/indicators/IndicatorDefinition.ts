import type Database from 'better-sqlite3';
import type { IndicatorGroup, IndicatorItem, IndicatorUnit } from '../../shared/api/indicators.contract';
import type { LocalizedText } from '../../shared/api/errors';

export interface IndicatorSource {
  id: string;
  role: 'register' | 'hr' | 'directory' | 'application';
  label: string;
}

/** What every indicator reads: the store, the moment, and the dashboard's settings. */
export interface IndicatorContext {
  db: Database.Database;
  now: Date;
  /** ISO day of `now` (UTC, like the HR end dates the leaver check compares). */
  today: string;
  /** Figures over a period (issued cards, issue times) look back this many days. */
  periodDays: number;
  /** An enabled account whose last logon is older than this is dormant. */
  dormantDays: number;
  sources: readonly IndicatorSource[];
  /** Values that only change with the directory (imports, reconciliation, review decisions, leavers): kept until it changes. */
  memo<T>(name: string, compute: () => T): T;
  /** Values that change with the means, leavers and night desk too: kept until one changes, an hour at most. */
  liveMemo<T>(name: string, compute: () => T): T;
  /** Values several indicators read during one computation of the dashboard. */
  shared<T>(name: string, compute: () => T): T;
}

/** One figure as an indicator measures it; the indicator adds its id, group, unit and texts. */
export interface MeasuredFigure {
  /** Per source or per kind: `ad/departed`, `cps`… (part of the figure's key after a colon). */
  qualifier?: string;
  /** Replaces `{source}`, `{reason}`, `{kind}`… in the label. */
  labelParams?: Record<string, LocalizedText>;
  value: number | null;
  counted?: { part: number; whole: number };
  alert?: boolean;
}

/**
 * An indicator of the dashboard: a named measure over the store with the text that defines it
 * (shown on hover, printed in the report), and the list of what it counts.
 */
export interface IndicatorDefinition {
  id: string;
  group: IndicatorGroup;
  unit: IndicatorUnit;
  label: LocalizedText;
  definition: LocalizedText;
  measure(context: IndicatorContext): MeasuredFigure[];
  /** The figures depend only on the directory (records, links, identities), so they are kept until it changes. */
  directoryOnly?: boolean;
  /** The people, accounts or means behind the figure named by `qualifier`. */
  list?(context: IndicatorContext, qualifier: string | undefined): IndicatorItem[];
}
