import type { IdentityStatus } from '../../shared/api/directory.contract';

/** HR end date → status: gone once the date has passed, "leaving" within the notice window. */
export function identityStatusFromEndDate(endDate: string | null | undefined, today: string, noticeDays = 30): IdentityStatus {
  if (endDate === null || endDate === undefined || endDate === '') return 'active';
  if (endDate < today) return 'left';
  const notice = new Date(`${today}T00:00:00Z`);
  notice.setUTCDate(notice.getUTCDate() + noticeDays);
  return endDate <= notice.toISOString().slice(0, 10) ? 'leaving' : 'active';
}
