import type Database from 'better-sqlite3';
import type { SimulatedCardView } from '../../shared/api/cards.contract';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { DeskSessions } from '../agents/createDeskSessions';
import { redactCardReaders } from '../agents/redactCardReaders';
import type { CardService } from './CardService';

type CardsHandlers = Pick<DeskHandlers, 'listCardReaders' | 'listSimulatedCards' | 'insertSimulatedCard' | 'removeSimulatedCard'>;

export interface CardsHandlersOptions {
  cards: CardService;
  db: Database.Database;
  sessions: DeskSessions;
  /** The desk's agent reader now (resolveAgentReader). */
  agentReader: () => string | null;
}

/**
 * Readers and the simulated card box (which exists only in demo mode: simulated readers are
 * created only there). A window without a session sees readers redacted (redactCardReaders) and,
 * so that an agent can still log in to the demo, may only see agents' own cards and put one into
 * the agent reader (or take it out); everything else needs a session.
 */
export function createCardsHandlers({ cards, db, sessions, agentReader }: CardsHandlersOptions): CardsHandlers {
  const isActiveAgent = db.prepare('SELECT 1 FROM agents WHERE identity_id = ? AND active = 1');
  const isAgentCard = (card: SimulatedCardView) => card.interface === 'contact' && card.identityId !== null && isActiveAgent.get(card.identityId) !== undefined;
  const refuseOutsideAgentReader = (reader: string) => {
    if (reader !== agentReader()) {
      throw new DeskError(
        'UNAUTHENTICATED',
        { fr: 'Sans session, seule la carte d’un agent peut être insérée, dans le lecteur agent. Identifiez-vous d’abord.', en: 'Without a session, only an agent’s card goes in, into the agent reader. Log in first.' },
        { rule: 'anonymous-simulated-card', reader },
      );
    }
  };
  return {
    listCardReaders: (_input, { connectionId }) => (sessions.hasOpenSession(connectionId) ? cards.readState() : redactCardReaders(cards.readState(), agentReader())),
    listSimulatedCards: ({ query }, { connectionId }) => (sessions.hasOpenSession(connectionId) ? cards.listSimulatedCards(query) : cards.listSimulatedCards(query, isAgentCard)),
    insertSimulatedCard: ({ reader, cardId }, { connectionId }) => {
      if (!sessions.hasOpenSession(connectionId)) {
        refuseOutsideAgentReader(reader);
        if (cards.listSimulatedCards('', (card) => card.id === cardId && isAgentCard(card)).length === 0) {
          throw new DeskError(
            'UNAUTHENTICATED',
            { fr: 'Sans session, seule la carte d’un agent du guichet peut être insérée.', en: 'Without a session, only a desk agent’s card can be inserted.' },
            { rule: 'anonymous-simulated-card', cardId },
          );
        }
      }
      return cards.insertSimulatedCard(reader, cardId);
    },
    removeSimulatedCard: ({ reader }, { connectionId }) => {
      if (!sessions.hasOpenSession(connectionId)) refuseOutsideAgentReader(reader);
      return cards.removeSimulatedCard(reader);
    },
  };
}
