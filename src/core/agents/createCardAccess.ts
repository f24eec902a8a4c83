import type { CardService } from '../cards/CardService';
import type { CardAccess } from './CardAccess';

/** The card service seen from the desk session and the enrollment acts. */
export function createCardAccess(cards: CardService): CardAccess {
  return {
    readCard: (reader) => cards.readState().readers.find((view) => view.name === reader)?.card ?? null,
    verifyPin: (reader, pin) => cards.verifyPin(reader, pin),
  };
}
