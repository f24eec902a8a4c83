import type { CardReadersState } from '../../shared/api/cards.contract';
import { simulatedReaderNames } from '../cards/createCardService';

/**
 * The desk's agent reader, where the agent's own card stays while they work and the only reader
 * where a window without a session may try a PIN. Simulated readers: the one named for the agent
 * card. PC/SC: the reader named in the desk settings (`agentReader`) when it is attached, else the
 * first attached reader by name (a desk with one contact reader for the agent, as installed).
 */
export function resolveAgentReader(state: CardReadersState, configured: string | null): string | null {
  const names = state.readers.map((reader) => reader.name);
  if (names.includes(simulatedReaderNames.agent)) return simulatedReaderNames.agent;
  if (configured !== null && names.includes(configured)) return configured;
  const real = state.readers.filter((reader) => reader.kind === 'pcsc').map((reader) => reader.name).sort();
  return real[0] ?? null;
}
