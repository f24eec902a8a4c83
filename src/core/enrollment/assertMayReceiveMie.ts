import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
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
 * The person exists, has not left (HR end date passed), and is not the acting agent: an agent
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
  const today = isoDay(clock.now());
  if (person.status === 'left' || (person.hr_end_date !== null && person.hr_end_date < today)) {
    const name = `${person.first_name} ${person.last_name}`;
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: `${name} a quitté l’établissement (fin de contrat RH : ${person.hr_end_date ?? 'inconnue'}) : aucun moyen d’identification ne peut lui être remis.`,
        en: `${name} has left (HR end date: ${person.hr_end_date ?? 'unknown'}): no identification means can be issued.`,
      },
      { identityId, rule: 'leaver', hrEndDate: person.hr_end_date },
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
