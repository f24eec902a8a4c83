import type { ReconcileResult } from '../../src/core/reconcile/reconcileRecords';
import type { LabelledRecord } from './generateSyntheticHospital';

export interface ReconciliationQuality {
  /** Records that belong to a local person (HR anchors excluded). */
  truePairs: number;
  automatic: number;
  automaticCorrect: number;
  review: number;
  /** Proposals whose person is the proposed one or one of the namesakes shown beside it. */
  reviewCorrect: number;
  /** Of those, proposals whose person is among the namesakes (the reviewer chooses them instead). */
  reviewCorrectAmongAlternatives: number;
  /** Automatic links joining a record to the wrong person. */
  automaticWrong: number;
  /** Of which: the wrong person is a homonym (same folded first and last name). */
  homonymMerges: number;
  automaticPrecision: number;
  automaticRecall: number;
  automaticOrReviewRecall: number;
  reviewShare: number;
  /** True pairs whose HR record was among the compared candidates (blocking recall). */
  records: number;
}

/** Pairwise quality of a reconciliation against the generator's truth (record ↔ its person's HR record). */
export function measureReconciliation(records: readonly LabelledRecord[], result: ReconcileResult): ReconciliationQuality {
  const personOfIdentity = result.identities.map((identity) => records[identity.anchor]!.personId);
  const nameOf = (record: LabelledRecord) => `${record.attributes.firstName ?? ''} ${record.attributes.birthName ?? record.attributes.lastName ?? ''}`.toUpperCase();
  const anchorNames = new Map(result.identities.map((identity) => [records[identity.anchor]!.personId, nameOf(records[identity.anchor]!)]));
  let truePairs = 0;
  let automatic = 0;
  let automaticCorrect = 0;
  let review = 0;
  let reviewCorrect = 0;
  let reviewCorrectAmongAlternatives = 0;
  let homonymMerges = 0;
  records.forEach((record, index) => {
    if (record.role === 'hr') return;
    const link = result.links[index];
    const truth = record.personId;
    if (truth !== null) truePairs += 1;
    if (link === undefined || link.identity === null) return;
    const linked = personOfIdentity[link.identity];
    if (link.decision === 'auto') {
      automatic += 1;
      if (linked === truth) automaticCorrect += 1;
      else if (truth !== null && anchorNames.get(truth) === anchorNames.get(linked ?? null)) homonymMerges += 1;
    } else if (link.decision === 'review') {
      review += 1;
      const amongAlternatives = linked !== truth && truth !== null && (link.alternatives ?? []).some((alternative) => personOfIdentity[alternative.identity] === truth);
      if (linked === truth || amongAlternatives) reviewCorrect += 1;
      if (amongAlternatives) reviewCorrectAmongAlternatives += 1;
    }
  });
  return {
    truePairs,
    automatic,
    automaticCorrect,
    review,
    reviewCorrect,
    reviewCorrectAmongAlternatives,
    automaticWrong: automatic - automaticCorrect,
    homonymMerges,
    automaticPrecision: automatic === 0 ? 1 : automaticCorrect / automatic,
    automaticRecall: automaticCorrect / truePairs,
    automaticOrReviewRecall: (automaticCorrect + reviewCorrect) / truePairs,
    reviewShare: review / records.length,
    records: records.length,
  };
}
