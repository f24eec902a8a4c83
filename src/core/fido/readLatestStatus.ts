import type { MetadataBLOBPayloadEntry } from '@simplewebauthn/server';

/** The status report that applies now: the latest by effective date (the last one on a tie). */
export function readLatestStatus(entry: Pick<MetadataBLOBPayloadEntry, 'statusReports'>): { status: string; effectiveDate: string | null } | null {
  let latest: { status: string; effectiveDate: string | null } | null = null;
  for (const report of entry.statusReports ?? []) {
    const effectiveDate = report.effectiveDate ?? null;
    if (latest === null || (effectiveDate ?? '') >= (latest.effectiveDate ?? '')) latest = { status: report.status, effectiveDate };
  }
  return latest;
}
