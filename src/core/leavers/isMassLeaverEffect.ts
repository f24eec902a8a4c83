/**
 * A leaver run touching more than `maxShare` of the identities at once (a truncated HR export, a
 * wrong end-date column) is held for confirmation instead of suspending half the hospital.
 * A single person is never "mass", whatever the population.
 */
export function isMassLeaverEffect({ affected, population, maxShare }: { affected: number; population: number; maxShare: number }): boolean {
  if (affected <= 1) return false;
  return population === 0 || affected / population > maxShare;
}
