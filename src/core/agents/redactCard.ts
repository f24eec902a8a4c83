import type { CardInfo } from '../../shared/cards/cardTypes';

/**
 * What a window without a session may see of a card: its type and that it is there. In the agent
 * reader the CPS holder's name stays, so the login screen can say « Carte de … » to the agent at
 * the desk; the national id, RPPS, serial, UID and every card elsewhere stay hidden.
 */
export function redactCard(card: CardInfo, inAgentReader: boolean): CardInfo {
  return {
    ...card,
    uid: null,
    cps: card.cps === null || !inAgentReader ? null : { ...card.cps, idNat: '', rpps: null, serial: '', profession: '' },
  };
}
