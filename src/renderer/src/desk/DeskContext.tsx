import { createContext, useContext } from 'react';
import type { DeskClient } from '../../../shared/api/contract';

export const DeskContext = createContext<DeskClient | null>(null);

/** The one way components reach the desk API. */
export function useDesk(): DeskClient {
  const client = useContext(DeskContext);
  if (client === null) throw new Error('useDesk() outside <DeskContext.Provider>');
  return client;
}
