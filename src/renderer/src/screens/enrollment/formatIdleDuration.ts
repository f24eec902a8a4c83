/** How long without an act locks the desk, as the lock message says it: `5 min`, `90 s`. */
export function formatIdleDuration(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
