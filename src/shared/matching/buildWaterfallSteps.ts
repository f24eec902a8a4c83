import type { FieldEvidence as LinkEvidence } from './compareFeatures';

/** One bar of the waterfall: from `start` to `end` on the log2-odds scale. */
export interface WaterfallStep {
  /** i18n key of the bar's label (the prior, a field, or the final probability). */
  labelKey: string;
  start: number;
  end: number;
  kind: 'prior' | 'for' | 'against' | 'final';
  /** The seed's points beside the calibrated weight (fields only). */
  seedPoints: number | null;
}

export interface Waterfall {
  steps: WaterfallStep[];
  /** Match probability at the end (2^odds / (1 + 2^odds)). */
  probability: number;
}

/** Below this gap (bits) the stored probability is the evidence's own, rounding aside. */
const rivalsStepMinimum = 0.05;

/**
 * The steps of a link's explanation: the prior odds, then each field's calibrated weight (strongest
 * first), then the final odds and probability. When the link's stored probability weighed its rivals
 * too (the accounts left for the people without one, the register entries of the same names), one
 * more step carries the evidence's odds to it, so that the chart ends where the desk's figure does.
 * Null when the link was decided on the seed's points (no weights to draw).
 */
export function buildWaterfallSteps({ priorWeight, evidence, probability = null }: { priorWeight: number | null; evidence: readonly LinkEvidence[]; probability?: number | null }): Waterfall | null {
  if (priorWeight === null || evidence.some((item) => item.weight === undefined)) return null;
  const steps: WaterfallStep[] = [{ labelKey: 'review.waterfall.prior', start: 0, end: priorWeight, kind: 'prior', seedPoints: null }];
  let odds = priorWeight;
  for (const item of [...evidence].sort((a, b) => Math.abs(b.weight!) - Math.abs(a.weight!))) {
    steps.push({ labelKey: `review.field.${item.field}`, start: odds, end: odds + item.weight!, kind: item.weight! >= 0 ? 'for' : 'against', seedPoints: item.points });
    odds += item.weight!;
  }
  if (probability !== null && probability > 0 && probability < 1) {
    const stored = Math.log2(probability / (1 - probability));
    if (Math.abs(stored - odds) > rivalsStepMinimum) {
      steps.push({ labelKey: 'review.waterfall.rivals', start: odds, end: stored, kind: stored >= odds ? 'for' : 'against', seedPoints: null });
      odds = stored;
    }
  }
  steps.push({ labelKey: 'review.waterfall.final', start: 0, end: odds, kind: 'final', seedPoints: null });
  return { steps, probability: 1 / (1 + 2 ** -odds) };
}
