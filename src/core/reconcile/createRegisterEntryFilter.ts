import { buildMatchFeatures, type MatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { defaultMatchingConfig, type MatchingConfig } from '../../shared/matching/matchingConfig';
import { indexIdentities } from './indexIdentities';
import type { ReconcileRecord } from './reconcileRecords';

export interface CreateRegisterEntryFilterOptions {
  /** The local records; their HR records become the identities, as in reconcileRecords. */
  records: readonly ReconcileRecord[];
  config?: MatchingConfig;
  establishmentFiness?: readonly string[];
  /** The HR records' features, when the caller built them already. */
  references?: readonly MatchFeatures[];
}

/**
 * Tells the register entries some identity may claim from the rest of the national register, as
 * reconcileRecords' register phase scores them (identities as HR records; rules, review rules or
 * points at the floor). The others can only end unlinked: a caller streaming two million entries
 * keeps just these and passes them to reconcileRecords, with the same result in a fraction of the memory.
 */
export function createRegisterEntryFilter({
  records,
  config = defaultMatchingConfig,
  establishmentFiness = [],
  references = records.flatMap((record) => (record.role === 'hr' ? [buildMatchFeatures({ attributes: record.attributes, finess: record.finess })] : [])),
}: CreateRegisterEntryFilterOptions): (entry: ReconcileRecord, features?: MatchFeatures) => boolean {
  const index = indexIdentities({ references, config, establishmentFiness });
  return (entry, features = buildMatchFeatures({ attributes: entry.attributes, finess: entry.finess })) =>
    index.score(features).candidates.some(
      (candidate) => candidate.rule !== null || candidate.reviewRule !== null || candidate.score >= index.floor,
    );
}
