import type Database from 'better-sqlite3';
import type { MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { formatDayInWords } from '../../shared/text/formatDates';
import type { Clock } from '../clock';
import { dayBefore } from '../leavers/dayBefore';
import { readDepartures } from '../leavers/readDepartures';
import { readOpenLeaverReview } from '../leavers/readOpenLeaverReview';

/**
 * A leaver's MIE (HR end date passed with no exception, or a leaver review open) is not resumed
 * in one click: that is an exception to the departure, recorded with a reason and confirmed by a
 * second agent (`resumeLeaverMie`).
 */
export function assertNotLeaverResume(db: Database.Database, clock: Clock, mie: MieView): void {
  const [departure] = readDepartures(db, { onOrBefore: dayBefore(clock.now()), identityId: mie.identityId });
  const endDate = departure?.endDate ?? readOpenLeaverReview(db, mie.identityId)?.hrEndDate;
  if (endDate === undefined) return;
  throw new DeskError(
    'PRECONDITION_FAILED',
    {
      fr: `${mie.holderName} a quitté ou quitte l’établissement (fin RH le ${formatDayInWords(endDate, 'fr')}) : réactiver ce moyen est une exception qui demande un motif et la confirmation d’un second agent (sa carte CPS et son code).`,
      en: `${mie.holderName} has left or is leaving (HR end date ${formatDayInWords(endDate, 'en')}): resuming this means is an exception that needs a reason and a second agent's confirmation (their CPS and PIN).`,
    },
    { rule: 'leaver-resume-four-eyes', identityId: mie.identityId, hrEndDate: endDate },
  );
}
