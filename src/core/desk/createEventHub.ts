import type { DeskEventName, DeskEvents } from '../../shared/api/contract';
import type { EventPayload } from '../../shared/api/defineContract';

export type AnyDeskEventListener = (event: DeskEventName, payload: unknown) => void;

/** Fans core events out to every transport connection. */
export interface EventHub {
  emit<K extends DeskEventName>(event: K, payload: EventPayload<DeskEvents[K]>): void;
  subscribe(listener: AnyDeskEventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<AnyDeskEventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
