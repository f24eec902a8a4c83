import type { CardReadersState, ReaderView } from '../../shared/api/cards.contract';
import type { DeskEventName } from '../../shared/api/contract';
import type { CardInfo } from '../../shared/cards/cardTypes';
import type { DeskSessions } from './createDeskSessions';
import { redactCard } from './redactCard';
import { redactCardReaders } from './redactCardReaders';

/** What one connection receives of an event: the payload, a redacted copy, or undefined (nothing). */
export type EventFilter = (connectionId: string, event: DeskEventName, payload: unknown) => unknown;

/**
 * The one place that decides which events a connection sees. With an open session: everything.
 * Without: card events with identities redacted (redactCard), nothing that names a person
 * (`mieChanged`, `fidoKeysChanged`); counts and states go to everyone. Both transports call it
 * (browser mode per WebSocket, Electron per window).
 */
export function createEventFilter({ sessions, agentReader }: { sessions: DeskSessions; agentReader: () => string | null }): EventFilter {
  return (connectionId, event, payload) => {
    if (sessions.hasOpenSession(connectionId)) return payload;
    switch (event) {
      case 'cardInserted': {
        const card = payload as CardInfo;
        return redactCard(card, card.reader === agentReader());
      }
      case 'readerChanged': {
        const change = payload as { reader: ReaderView; state: string };
        const state: CardReadersState = { service: { status: 'ready', detail: null }, readers: [change.reader] };
        return { ...change, reader: redactCardReaders(state, agentReader()).readers[0] };
      }
      case 'mieChanged':
      case 'fidoKeysChanged':
        return undefined;
      default:
        return payload;
    }
  };
}
