import type Database from 'better-sqlite3';
import type { DeskSessionView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { deskTimeZone, type Clock } from '../clock';
import type { CardAccess } from './CardAccess';
import type { DeskSessions } from './createDeskSessions';
import { findCpsAgent } from './findCpsAgent';
import { formatDayInWords } from '../../shared/text/formatDates';

export interface CpsLogin {
  db: Database.Database;
  clock: Clock;
  sessions: DeskSessions;
  cards: CardAccess;
}

/**
 * Agent login with their own CPS: the card in `reader` must be a CPS whose RPPS is an agent's, or
 * a CPS bound (active MIE) to an agent; the PIN is checked by the card (which keeps its try
 * counter). Refusals are journaled; the PIN never is.
 */
export async function openSessionWithCps({ db, clock, sessions, cards }: CpsLogin, connectionId: string, { reader, pin }: { reader: string; pin: string }): Promise<DeskSessionView> {
  const card = cards.readCard(reader);
  if (card?.cps === null || card?.cps === undefined) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: `Insérez votre carte CPS dans le lecteur « ${reader} ».`, en: `Insert your CPS card in the reader "${reader}".` },
      { reader, rule: 'cps-expected' },
    );
  }
  const attempt = { connectionId, reader, card, sessionReader: sessions.readerOf(connectionId), authenticated: sessions.hasOpenSession(connectionId) };
  sessions.login.checkAttempt(attempt);
  if (card.cps.notAfter < clock.now().toISOString()) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: `Cette carte CPS a expiré le ${formatDayInWords(card.cps.notAfter, 'fr', { timeZone: deskTimeZone })} : elle n’ouvre plus de session.`, en: `This CPS expired on ${formatDayInWords(card.cps.notAfter, 'en', { timeZone: deskTimeZone })}: it no longer opens a session.` },
      { rule: 'card-expired', notAfter: card.cps.notAfter },
    );
  }
  const agentId = findCpsAgent(db, card.cps);
  if (agentId === null) {
    throw new DeskError(
      'FORBIDDEN',
      {
        fr: `La carte de ${card.cps.firstName} ${card.cps.lastName} n’est liée à aucun agent du guichet.`,
        en: `The card of ${card.cps.firstName} ${card.cps.lastName} is not linked to any desk agent.`,
      },
      { rule: 'not-an-agent' },
    );
  }
  const check = await cards.verifyPin(reader, pin);
  sessions.login.recordResult(attempt, check);
  if (!check.ok) {
    sessions.recordRefusedLogin(agentId, check.reason);
    throw new DeskError(
      'UNAUTHENTICATED',
      check.reason === 'PIN_BLOCKED'
        ? { fr: 'Code bloqué : la carte CPS doit être débloquée avec son code de déblocage.', en: 'PIN blocked: the CPS must be unblocked with its unblocking code.' }
        : {
            fr: `Code erroné : ${check.triesLeft} essai(s) restant(s) avant blocage de la carte.`,
            en: `Wrong PIN: ${check.triesLeft} tr${check.triesLeft === 1 ? 'y' : 'ies'} left before the card blocks.`,
          },
      check.reason === 'PIN_BLOCKED' ? { reason: check.reason } : { reason: check.reason, triesLeft: check.triesLeft },
    );
  }
  return sessions.open(connectionId, { agentIdentityId: agentId, method: 'cps', reader });
}
