import { deskEventNames, deskMethodNames, type DeskApi, type DeskClient } from '../../../shared/api/contract';
import { bridgeEventFunctionName, type GuichetBridge } from '../../../shared/api/bridge';
import { unwrapResult } from '../../../shared/api/unwrapResult';

/** Electron transport: calls the named functions the preload put on `window.guichet`. */
export function createBridgeDeskClient(bridge: GuichetBridge): DeskClient {
  const api = Object.fromEntries(
    deskMethodNames.map((method) => [method, async (input: unknown) => unwrapResult(await bridge[method](input ?? {}))]),
  ) as unknown as DeskApi;
  return {
    api,
    on(event, listener) {
      if (!deskEventNames.includes(event)) throw new Error(`Unknown desk event "${event}"`);
      return bridge[bridgeEventFunctionName(event)]!(listener as (payload: unknown) => void);
    },
  };
}
