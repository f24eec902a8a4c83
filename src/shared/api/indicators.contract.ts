import { z } from 'zod';
import { defineMethod } from './defineContract';
import type { LocalizedText } from './errors';

/** The dashboard's groups, in the order the screen and the report show them. */
export const indicatorGroups = ['directory', 'orphans', 'means', 'leavers', 'nightDesk'] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

export type IndicatorUnit = 'count' | 'percent' | 'days' | 'minutes' | 'ratio';

/**
 * One figure of the dashboard. `key` names it everywhere (the list behind it, its daily series,
 * the CSV): the indicator id, then a qualifier for figures per source (`orphanAccounts:ad/departed`).
 */
export interface IndicatorFigure {
  key: string;
  indicatorId: string;
  group: IndicatorGroup;
  label: LocalizedText;
  /** What is counted and how, shown on hover and printed in the report. */
  definition: LocalizedText;
  unit: IndicatorUnit;
  /** Null when there is nothing to measure yet (a percentile of no issuance). */
  value: number | null;
  /** For a share: how many were counted out of how many. */
  counted: { part: number; whole: number } | null;
  /** `alert` when the figure breaks a rule (a departed person still holding a means). */
  status: 'ok' | 'alert';
  /** Whether `listIndicatorItems` lists the people or accounts behind the figure. */
  listable: boolean;
}

export interface IndicatorDashboard {
  generatedAt: string;
  today: string;
  establishment: { name: string; finess: string[] };
  /** Figures over a period (issued temporary cards…) look back this many days. */
  periodDays: number;
  /** An account is dormant when its last logon is older than this many days. */
  dormantDays: number;
  figures: IndicatorFigure[];
  /** How long the figures took to compute, for the desk's own monitoring. */
  computeMs: number;
}

/** A person or account behind a figure. */
export interface IndicatorItem {
  kind: 'person' | 'account' | 'means';
  /** Identity id, `source/key` of an account, or MIE id. */
  id: string;
  identityId: string | null;
  name: string;
  /** What places it in the count (source, reason, date, delay…), already worded for a person. */
  detail: LocalizedText;
}

export interface IndicatorItems {
  key: string;
  label: LocalizedText;
  total: number;
  items: IndicatorItem[];
}

export interface IndicatorSeries {
  /** ISO days, oldest first, one per day of the range. */
  days: string[];
  series: { key: string; label: LocalizedText; unit: IndicatorUnit; values: (number | null)[] }[];
}

export interface IndicatorReportFile {
  fileName: string;
  mimeType: 'application/pdf' | 'text/csv';
  /** The file, base64-encoded (travels over IPC and WebSocket as text). */
  base64: string;
}

export const seriesRanges = [7, 30, 365] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const figureKey = z.string().trim().min(1).max(200);

export const indicatorsMethods = {
  getDashboard: defineMethod<IndicatorDashboard>()(
    z.object({ periodDays: z.union([z.literal(7), z.literal(30), z.literal(365)]).default(30) }).strict(),
    { access: 'indicators.read' },
  ),
  listIndicatorItems: defineMethod<IndicatorItems>()(
    z.object({ key: figureKey, periodDays: z.union([z.literal(7), z.literal(30), z.literal(365)]).default(30), limit: z.number().int().min(1).max(5000).default(1000) }).strict(),
    // Names the people and accounts behind a figure: each list read is journaled.
    { access: 'indicators.read', personalData: true },
  ),
  getIndicatorSeries: defineMethod<IndicatorSeries>()(
    z.object({ keys: z.array(figureKey).min(1).max(100), days: z.union([z.literal(7), z.literal(30), z.literal(365)]) }).strict(),
    { access: 'indicators.read' },
  ),
  exportIndicatorReport: defineMethod<IndicatorReportFile>()(
    z
      .object({ format: z.enum(['pdf', 'csv']), from: isoDate, to: isoDate, language: z.enum(['fr', 'en']).default('fr') })
      .strict()
      .refine((range) => range.from <= range.to, { message: 'expected "from" on or before "to"', path: ['from'] }),
    { access: 'indicators.read' },
  ),
};
