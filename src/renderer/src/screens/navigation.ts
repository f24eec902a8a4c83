import { createContext, useContext } from 'react';

/** Opens another screen by its id (the registry's); screens that hand over a person set it in their store first. */
export const NavigationContext = createContext<(screenId: string) => void>(() => undefined);

export function useOpenScreen(): (screenId: string) => void {
  return useContext(NavigationContext);
}
