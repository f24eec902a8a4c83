import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { formatDayInWords } from '../../shared/text/formatDates';
import type { Clock } from '../clock';
import { dayBefore } from '../leavers/dayBefore';
import { readDepartures } from '../leavers/readDepartures';
import { readOpenLeaverReview } from '../leavers/readOpenLeaverReview';
import type { Actor } from '../journal/journalTypes';

export interface MieHolderRow {
  id: string;
  first_name: string;
  last_name: string;
  rpps: string | null;
  hr_end_date: string | null;
  status: string;
}

/**
 * The person exists, has not left (an HR end date passed, from the directory or an HR record,
 * with no exception), has no open leaver review, and is not the acting agent: an agent
 * never acts on their own MIE. Returns the person's row for the caller's own rules.
 */
export function assertMayReceiveMie(db: Database.Database, clock: Clock, actor: Actor, identityId: string): MieHolderRow {
  assertNotOwnMie(actor, identityId);
  const person = db
    .prepare('SELECT id, first_name, last_name, rpps, hr_end_date, status FROM identities WHERE id = ?')
    .get(identityId) as MieHolderRow | undefined;
  if (person === undefined) {
    throw new DeskError('NOT_FOUND', { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` }, { identityId });
  }
  const name = `${person.first_name} ${person.last_name}`;
  const [departure] = readDepartures(db, { onOrBefore: dayBefore(clock.now()), identityId });
  if (departure !== undefined) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `${name} a quitté l’établissement le ${formatDayInWords(departure.endDate, 'fr')} (date de fin RH) : aucun moyen d’identification ne peut lui être remis.`,
        en: `${name} left on ${formatDayInWords(departure.endDate, 'en')} (HR end date): no identification means can be issued.`,
      },
      { identityId, rule: 'leaver', hrEndDate: departure.endDate },
    );
  }
  const review = readOpenLeaverReview(db, identityId);
  if (review !== null) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `${name} a une revue de départ en cours (fin RH le ${formatDayInWords(review.hrEndDate, 'fr')}) : aucun moyen d’identification ne peut lui être remis avant que le bureau des badges la traite.`,
        en: `${name} has an open leaver review (HR end date ${formatDayInWords(review.hrEndDate, 'en')}): no identification means can be issued until the badge office settles it.`,
      },
      { identityId, rule: 'leaver-review', reviewId: review.id, hrEndDate: review.hrEndDate },
    );
  }
  return person;
}

/** Separation of duties: the acting agent can never change their own MIE. */
export function assertNotOwnMie(actor: Actor, holderId: string): void {
  if (actor.agentId !== null && actor.agentId === holderId) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: 'Un agent ne peut pas agir sur ses propres moyens d’identification : demandez à un collègue.', en: 'An agent cannot act on their own identification means: ask a colleague.' },
      { rule: 'own-mie' },
    );
  }
}
