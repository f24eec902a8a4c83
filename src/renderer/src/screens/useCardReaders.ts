import { useEffect, useState } from 'react';
import type { CardReadersState } from '../../../shared/api/cards.contract';
import { useDesk } from '../desk/DeskContext';

/** The readers' live state: read once, then refreshed on every reader or service event. */
export function useCardReaders(): { state: CardReadersState | null; error: unknown } {
  const desk = useDesk();
  const [state, setState] = useState<CardReadersState | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      desk.api.listCardReaders({}).then(
        (next) => live && (setState(next), setError(null)),
        (reason: unknown) => live && setError(reason),
      );
    void refresh();
    const unsubscribers = [desk.on('readerChanged', () => void refresh()), desk.on('cardServiceChanged', () => void refresh())];
    return () => {
      live = false;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [desk]);
  return { state, error };
}
