import { isoDay } from '../clock';

/** The day before `date` (YYYY-MM-DD): "in the past" means on or before it. */
export function dayBefore(date: Date): string {
  return isoDay(new Date(Date.parse(`${isoDay(date)}T00:00:00Z`) - 86_400_000));
}
