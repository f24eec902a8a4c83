import type { CardReadersState } from '../../shared/api/cards.contract';
import { redactCard } from './redactCard';

/** The readers as a window without a session sees them (see redactCard); simulated card ids only in the agent reader. */
export function redactCardReaders(state: CardReadersState, agentReader: string | null): CardReadersState {
  return {
    service: state.service,
    readers: state.readers.map((view) => {
      const inAgentReader = view.name === agentReader;
      return { ...view, card: view.card === null ? null : redactCard(view.card, inAgentReader), simulatedCardId: inAgentReader ? view.simulatedCardId : null };
    }),
  };
}
