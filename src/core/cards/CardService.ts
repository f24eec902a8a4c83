import type { CardReadersState, PinVerification, ReaderView, SimulatedCardView } from '../../shared/api/cards.contract';

/**
 * The desk's card readers: real PC/SC readers (through a child process) and simulated ones.
 * Events go out through the core's event hub (`readerChanged`, `cardInserted`, `cardRemoved`…).
 */
export interface CardService {
  readState(): CardReadersState;
  listSimulatedCards(query: string): SimulatedCardView[];
  insertSimulatedCard(reader: string, cardId: string): Promise<ReaderView>;
  removeSimulatedCard(reader: string): ReaderView;
  /**
   * Checks a CPS PIN on the card in `reader` (agent login with their CPS). Never logs the PIN.
   * Throws a DeskError NOT_FOUND when no CPS is present, UNAVAILABLE when the reader fails.
   */
  verifyPin(reader: string, pin: string): Promise<PinVerification>;
  close(): Promise<void>;
}
