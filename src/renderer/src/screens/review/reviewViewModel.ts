import type { LinkEvidence, ReviewProposal } from '../../../../shared/api/reconcile.contract';
import { labelProfession } from '../../../../shared/directory/professionLabels';
import { labelService } from '../../../../shared/directory/serviceLabels';
import { formatDay } from '../../../../shared/text/formatDates';

export interface EvidenceRow {
  fieldKey: string;
  recordValue: string;
  personValue: string;
  levelKey: string;
  comparatorKey: string;
  /** "+20", "−15", "0": signed so a glance tells what argued for and against. */
  points: string;
  /** Calibrated weight in bits, signed ("+7.9"), or "" under the seed-points policy. */
  weight: string;
  tone: 'for' | 'against' | 'neutral';
}

function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

function signedBits(weight: number | undefined): string {
  if (weight === undefined) return '';
  return `${weight >= 0 ? '+' : '−'}${Math.abs(weight).toFixed(1)}`;
}

/** The i18n key of a link's rule (an establishment's own rule names have none: the code is shown). */
export const ruleKeyOf = (rule: string): string => `review.ruleName.${rule}`;

/** The i18n key of how a field was compared (the engine names comparators in plain English). */
export const comparatorKeyOf = (comparator: string): string => `review.comparator.${comparator.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** A compared or recorded value as a person reads it: codes through their labels, days through the date formatter. */
export function labelFieldValue(field: string, value: string | null, language: 'fr' | 'en'): string {
  if (value === null || value === '') return '—';
  if (field === 'birthDate' || field === 'endDate') return formatDay(value, language);
  if (field === 'service') return labelService(value, language);
  if (field === 'profession') return labelProfession(value, language);
  return value;
}

/** Evidence lines for the table, strongest argument first (weights when calibrated, else points); totals of both. */
export function buildEvidenceRows(evidence: readonly LinkEvidence[], language: 'fr' | 'en' = 'fr'): { rows: EvidenceRow[]; total: string; weightTotal: string } {
  const rows = [...evidence]
    .sort((a, b) => Math.abs(b.weight ?? b.points) - Math.abs(a.weight ?? a.points))
    .map((item) => ({
      fieldKey: `review.field.${item.field}`,
      recordValue: labelFieldValue(item.field, item.left, language),
      personValue: labelFieldValue(item.field, item.right, language),
      levelKey: `review.level.${item.level}`,
      comparatorKey: comparatorKeyOf(item.comparator),
      points: signed(item.points),
      weight: signedBits(item.weight),
      tone: (item.weight ?? item.points) > 0 ? ('for' as const) : (item.weight ?? item.points) < 0 ? ('against' as const) : ('neutral' as const),
    }));
  const weighted = evidence.some((item) => item.weight !== undefined);
  return {
    rows,
    total: signed(evidence.reduce((sum, item) => sum + item.points, 0)),
    weightTotal: weighted ? signedBits(evidence.reduce((sum, item) => sum + (item.weight ?? 0), 0)) : '',
  };
}

const shownAttributes = ['lastName', 'birthName', 'firstName', 'fullName', 'birthDate', 'hrId', 'adId', 'rpps', 'email', 'service', 'profession', 'endDate'] as const;

/** The record's attributes worth showing, in a fixed order, as [field, value] (codes through their labels). */
export function listRecordFacts(attributes: ReviewProposal['recordAttributes'], language: 'fr' | 'en' = 'fr'): [string, string][] {
  return shownAttributes.flatMap((name) => {
    const value = attributes[name];
    return typeof value === 'string' && value !== '' ? [[name, labelFieldValue(name, value, language)] as [string, string]] : [];
  });
}

/** A review-screen action: one of the fixed ones, or choosing the n-th namesake shown beside the proposal. */
export type ReviewKeyAction = 'accept' | 'reject' | 'previous' | 'next' | 'reason' | { namesake: number };

/** Which action a key press asks for on the review screen (ignored while typing in a field); 1–3 choose a namesake. */
export function reviewActionForKey(key: string): ReviewKeyAction | null {
  switch (key.toLowerCase()) {
    case 'a':
      return 'accept';
    case 'r':
      return 'reject';
    case 'arrowleft':
      return 'previous';
    case 'arrowright':
      return 'next';
    case 'm':
      return 'reason';
    case '1':
    case '2':
    case '3':
      return { namesake: Number(key) - 1 };
    default:
      return null;
  }
}

/** A match probability as the desk shows it: "99.87 %", "87.5 %". */
export function formatProbability(probability: number): string {
  return `${(probability * 100).toFixed(probability > 0.99 ? 2 : 1)} %`;
}
