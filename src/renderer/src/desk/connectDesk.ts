import type { DeskClient } from '../../../shared/api/contract';
import { bridgeGlobalName, type GuichetBridge } from '../../../shared/api/bridge';
import { apiPath, tokenQueryParameter } from '../../../shared/api/wire';
import { createBridgeDeskClient } from './createBridgeDeskClient';
import { createWebSocketDeskClient } from './createWebSocketDeskClient';

const tokenStorageKey = 'guichet.token';

/**
 * Picks the transport: the preload bridge inside Electron, otherwise the browser-mode WebSocket.
 * The launch token is moved from the address bar to session storage so it does not linger on
 * screen or in screenshots.
 */
export async function connectDesk(): Promise<DeskClient> {
  const bridge = (window as unknown as Record<string, GuichetBridge | undefined>)[bridgeGlobalName];
  if (bridge !== undefined) return createBridgeDeskClient(bridge);
  const address = new URL(window.location.href);
  const fromUrl = address.searchParams.get(tokenQueryParameter);
  if (fromUrl !== null) {
    sessionStorage.setItem(tokenStorageKey, fromUrl);
    address.searchParams.delete(tokenQueryParameter);
    window.history.replaceState(null, '', address.pathname + address.search + address.hash);
  }
  const token = fromUrl ?? sessionStorage.getItem(tokenStorageKey) ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = createWebSocketDeskClient(`${scheme}://${window.location.host}${apiPath}?${tokenQueryParameter}=${encodeURIComponent(token)}`);
  await client.ready;
  return client;
}
