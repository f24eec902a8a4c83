import type { DeskHandlers } from '../../shared/api/dispatch';
import type { CardService } from './CardService';

type CardsHandlers = Pick<DeskHandlers, 'listCardReaders' | 'listSimulatedCards' | 'insertSimulatedCard' | 'removeSimulatedCard'>;

export function createCardsHandlers(cards: CardService): CardsHandlers {
  return {
    listCardReaders: () => cards.readState(),
    listSimulatedCards: ({ query }) => cards.listSimulatedCards(query),
    insertSimulatedCard: ({ reader, cardId }) => cards.insertSimulatedCard(reader, cardId),
    removeSimulatedCard: ({ reader }) => cards.removeSimulatedCard(reader),
  };
}
