import type { DeskEventName, DeskMethodName } from './contract';
import type { DeskResult } from './errors';

/** `directoryChanged` → `onDirectoryChanged`: the preload's name for an event subscription. */
export function bridgeEventFunctionName(event: DeskEventName): `on${string}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;
}

/**
 * What the preload exposes on `window.guichet`: one function per contract method returning the
 * wire result, and one `onXxx(listener)` per event returning an unsubscribe function.
 */
export type GuichetBridge = {
  [K in DeskMethodName]: (input: unknown) => Promise<DeskResult<unknown>>;
} & Record<`on${string}`, (listener: (payload: unknown) => void) => () => void>;

export const bridgeGlobalName = 'guichet';
