import { useEffect, useState } from 'react';
import type { CardReadersState } from '../../../../shared/api/cards.contract';
import { useDesk } from '../../desk/DeskContext';

/** The readers and their cards, live from the card events. */
export function useCardReaders(): CardReadersState | null {
  const client = useDesk();
  const [state, setState] = useState<CardReadersState | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () => {
      client.api.listCardReaders({}).then((next) => current && setState(next), () => current && setState(null));
    };
    refresh();
    const offs = [client.on('readerChanged', refresh), client.on('cardServiceChanged', refresh)];
    return () => {
      current = false;
      for (const off of offs) off();
    };
  }, [client]);
  return state;
}
