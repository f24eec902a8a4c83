import type { MatchFeatures } from '../../shared/matching/buildMatchFeatures';

/** An account's source and features. */
export interface SourcedFeatures {
  sourceId: string;
  features: MatchFeatures;
}

/** One source's correspondence: its value → the HR services it stands for, and every HR service placed. */
export interface ServiceCorrespondence {
  groups: Map<string, Set<string>>;
  placed: Set<string>;
}

/** Identifier-linked accounts an HR service needs before its correspondence is trusted. */
const minAccountsPerService = 3;
/** Share of an HR service's identifier-linked accounts that must show one value for it to stand for that service. */
const minAgreement = 0.8;
/** Identifier-linked accounts a source needs before anything is learned from it. */
const minAccountsPerSource = 20;

/**
 * How a source that names services in another nomenclature than HR (AD's `department` holding the
 * pôle, an application's codes) maps onto HR's services, learned from its accounts that carry the
 * matricule or the RPPS of exactly one HR agent of the same surname: an HR service whose accounts
 * nearly all show one value belongs to that value. Per source: value → the HR services it stands
 * for (one for a renamed service, several for a pôle), and the HR services so placed. Values HR
 * itself uses are left alone.
 */
export function learnServiceGroups(hr: readonly MatchFeatures[], accounts: readonly SourcedFeatures[]): Map<string, ServiceCorrespondence> {
  const hrServices = new Set<string>();
  const byHrId = new Map<string, MatchFeatures | null>();
  const byRpps = new Map<string, MatchFeatures | null>();
  for (const agent of hr) {
    if (agent.service !== null) hrServices.add(agent.service);
    if (agent.hrId !== null) byHrId.set(agent.hrId, byHrId.has(agent.hrId) ? null : agent);
    if (agent.rpps !== null) byRpps.set(agent.rpps, byRpps.has(agent.rpps) ? null : agent);
  }
  // sourceId → HR service → account value → accounts.
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const { sourceId, features } of accounts) {
    if (features.service === null || hrServices.has(features.service)) continue;
    const agent = (features.hrId === null ? undefined : byHrId.get(features.hrId)) ?? (features.rpps === null ? undefined : byRpps.get(features.rpps));
    if (agent === undefined || agent === null || agent.service === null) continue;
    // A matricule typed into the wrong account would teach a wrong correspondence: the surname must agree too.
    if (!features.lastNameTokens.some((token) => agent.lastNameTokens.includes(token))) continue;
    const bySource = counts.get(sourceId) ?? new Map<string, Map<string, number>>();
    counts.set(sourceId, bySource);
    const values = bySource.get(agent.service) ?? new Map<string, number>();
    bySource.set(agent.service, values);
    values.set(features.service, (values.get(features.service) ?? 0) + 1);
  }
  const correspondences = new Map<string, ServiceCorrespondence>();
  for (const [sourceId, byService] of counts) {
    let linked = 0;
    for (const values of byService.values()) for (const count of values.values()) linked += count;
    if (linked < minAccountsPerSource) continue;
    const servicesOf = new Map<string, Set<string>>();
    const placed = new Set<string>();
    for (const [service, values] of byService) {
      let total = 0;
      let best: [string, number] | undefined;
      for (const [value, count] of values) {
        total += count;
        if (best === undefined || count > best[1]) best = [value, count];
      }
      if (best === undefined || total < minAccountsPerService || best[1] / total < minAgreement) continue;
      const services = servicesOf.get(best[0]) ?? new Set<string>();
      services.add(service);
      servicesOf.set(best[0], services);
      placed.add(service);
    }
    if (servicesOf.size > 0) correspondences.set(sourceId, { groups: servicesOf, placed });
  }
  return correspondences;
}
