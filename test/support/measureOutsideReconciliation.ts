import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReconciledRow } from '../../src/core/reconcile/reconcileDirectory';

/** What an outside generator's truth.json says (only what the measure reads). */
interface OutsideTruth {
  people: { personId: string; homonymGroup: string | null }[];
  records: { sourceId: string; key: string; personId: string | null }[];
}

export interface OutsideQuality {
  /** Non-HR records of a local person (the pairs to find). */
  truePairs: number;
  automatic: number;
  automaticCorrect: number;
  review: number;
  /** Proposals whose person is the proposed one or one of the alternatives the reviewer is shown. */
  reviewCorrect: number;
  /** Of those, proposals whose person is among the alternatives (the reviewer chooses them instead). */
  reviewCorrectAmongAlternatives: number;
  /** Wrong automatic links onto a namesake: same homonym group, or a register entry of nobody here. */
  homonymMerges: number;
  automaticPrecision: number;
  automaticRecall: number;
  automaticOrReviewRecall: number;
  /** Links in review per local (non-register) record. */
  reviewShare: number;
  localRecords: number;
}

/**
 * Pairwise quality of a reconciliation against an outside generator's truth: each non-HR record
 * against its person's HR record. An automatic link is right when the identity's HR record is the
 * record's person; a link of a record that belongs to nobody here is wrong.
 */
export function measureOutsideReconciliation(sampleDir: string, rows: readonly ReconciledRow[]): OutsideQuality {
  const truth = JSON.parse(readFileSync(join(sampleDir, 'truth.json'), 'utf8')) as OutsideTruth;
  const personOf = new Map(truth.records.map((record) => [`${record.sourceId}/${record.key}`, record.personId]));
  const groupOf = new Map(truth.people.map((person) => [person.personId, person.homonymGroup]));
  const personOfIdentity = new Map<string, string | null>();
  for (const row of rows) if (row.role === 'hr' && row.identityId !== null) personOfIdentity.set(row.identityId, personOf.get(`${row.sourceId}/${row.key}`) ?? null);
  const truePairs = truth.records.filter((record) => record.personId !== null && !rows.some((row) => row.role === 'hr' && row.sourceId === record.sourceId)).length;
  let automatic = 0;
  let automaticCorrect = 0;
  let review = 0;
  let reviewCorrect = 0;
  let reviewCorrectAmongAlternatives = 0;
  let homonymMerges = 0;
  for (const row of rows) {
    if (row.role === 'hr' || row.identityId === null) continue;
    const truthPerson = personOf.get(`${row.sourceId}/${row.key}`) ?? null;
    const linked = personOfIdentity.get(row.identityId) ?? null;
    const right = truthPerson !== null && linked === truthPerson;
    if (row.decision === 'auto') {
      automatic += 1;
      if (right) automaticCorrect += 1;
      else if ((truthPerson !== null && groupOf.get(truthPerson) !== null && groupOf.get(truthPerson) === groupOf.get(linked ?? '')) || (truthPerson === null && row.role === 'register')) homonymMerges += 1;
    } else if (row.decision === 'review') {
      review += 1;
      const amongAlternatives = !right && truthPerson !== null && (row.alternativeIdentityIds ?? []).some((identityId) => personOfIdentity.get(identityId) === truthPerson);
      if (right || amongAlternatives) reviewCorrect += 1;
      if (amongAlternatives) reviewCorrectAmongAlternatives += 1;
    }
  }
  const localRecords = rows.filter((row) => row.role !== 'register').length;
  return {
    truePairs,
    automatic,
    automaticCorrect,
    review,
    reviewCorrect,
    reviewCorrectAmongAlternatives,
    homonymMerges,
    automaticPrecision: automatic === 0 ? 1 : automaticCorrect / automatic,
    automaticRecall: truePairs === 0 ? 1 : automaticCorrect / truePairs,
    automaticOrReviewRecall: truePairs === 0 ? 1 : (automaticCorrect + reviewCorrect) / truePairs,
    reviewShare: localRecords === 0 ? 0 : review / localRecords,
    localRecords,
  };
}
