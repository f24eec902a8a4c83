import type { CardReadersState, PinVerification, ReaderView, SimulatedCardView } from '../../shared/api/cards.contract';

/**
 * The desk's card readers: real PC/SC readers (through a child process) and simulated ones.
 * Events go out through the core's event hub (`readerChanged`, `cardInserted`, `cardRemoved`…).
 */
export interface CardService {
  readState(): CardReadersState;
  /** The card box, filtered by `query` and by `only` (e.g. agents' cards for a window without a session). */
  listSimulatedCards(query: string, only?: (card: SimulatedCardView) => boolean): SimulatedCardView[];
  insertSimulatedCard(reader: string, cardId: string): Promise<ReaderView>;
  removeSimulatedCard(reader: string): ReaderView;
  /**
   * Checks a CPS PIN on the card in `reader` (agent login with their CPS). Never logs the PIN.
   * Throws a DeskError NOT_FOUND when no CPS is present, UNAVAILABLE when the reader fails.
   */
  verifyPin(reader: string, pin: string): Promise<PinVerification>;
  close(): Promise<void>;
}
