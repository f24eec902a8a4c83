import type { LinkEvidence, ReviewProposal } from '../../../../shared/api/reconcile.contract';

export interface EvidenceRow {
  fieldKey: string;
  recordValue: string;
  personValue: string;
  levelKey: string;
  comparator: string;
  /** "+20", "−15", "0": signed so a glance tells what argued for and against. */
  points: string;
  tone: 'for' | 'against' | 'neutral';
}

function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

/** Evidence lines for the table, strongest argument first; the total is the link's score. */
export function buildEvidenceRows(evidence: readonly LinkEvidence[]): { rows: EvidenceRow[]; total: string } {
  const rows = [...evidence]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((item) => ({
      fieldKey: `review.field.${item.field}`,
      recordValue: item.left ?? '—',
      personValue: item.right ?? '—',
      levelKey: `review.level.${item.level}`,
      comparator: item.comparator,
      points: signed(item.points),
      tone: item.points > 0 ? ('for' as const) : item.points < 0 ? ('against' as const) : ('neutral' as const),
    }));
  return { rows, total: signed(evidence.reduce((sum, item) => sum + item.points, 0)) };
}

const shownAttributes = ['lastName', 'birthName', 'firstName', 'fullName', 'birthDate', 'hrId', 'adId', 'rpps', 'email', 'service', 'profession', 'endDate'] as const;

/** The record's attributes worth showing, in a fixed order, as [field, value]. */
export function listRecordFacts(attributes: ReviewProposal['recordAttributes']): [string, string][] {
  return shownAttributes.flatMap((name) => {
    const value = attributes[name];
    return typeof value === 'string' && value !== '' ? [[name, value] as [string, string]] : [];
  });
}

/** Which action a key press asks for on the review screen (ignored while typing in a field). */
export function reviewActionForKey(key: string): 'accept' | 'reject' | 'previous' | 'next' | 'reason' | null {
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
    default:
      return null;
  }
}
