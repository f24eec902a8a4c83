import type { DeskClient } from '../../../shared/api/contract';
import { bridgeGlobalName, type GuichetBridge } from '../../../shared/api/bridge';
import { apiPath, launchPath, launchQueryParameter, tokenQueryParameter } from '../../../shared/api/wire';
import { createBridgeDeskClient } from './createBridgeDeskClient';
import { createWebSocketDeskClient } from './createWebSocketDeskClient';

const tokenStorageKey = 'guichet.token';

/** Trades the one-time launch code of the opened address for the token (null when refused: already used, expired). */
async function exchangeLaunchCode(code: string): Promise<string | null> {
  try {
    const response = await fetch(launchPath, { method: 'POST', body: code, headers: { 'Content-Type': 'text/plain' }, credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return null;
    const { token } = (await response.json()) as { token?: unknown };
    return typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}

/**
 * Picks the transport: the preload bridge inside Electron, otherwise the browser-mode WebSocket.
 * Browser mode opens `?launch=CODE`, a one-time code traded for the token: the token never shows
 * in the address bar, the history or the opener's command line. The token (from the code, or a
 * `?token=` address for scripts) goes to session storage and the address bar is cleaned.
 */
export async function connectDesk(): Promise<DeskClient> {
  const bridge = (window as unknown as Record<string, GuichetBridge | undefined>)[bridgeGlobalName];
  if (bridge !== undefined) return createBridgeDeskClient(bridge);
  const address = new URL(window.location.href);
  const launchCode = address.searchParams.get(launchQueryParameter);
  const fromUrl = address.searchParams.get(tokenQueryParameter) ?? (launchCode === null ? null : await exchangeLaunchCode(launchCode));
  if (launchCode !== null || address.searchParams.has(tokenQueryParameter)) {
    address.searchParams.delete(tokenQueryParameter);
    address.searchParams.delete(launchQueryParameter);
    window.history.replaceState(null, '', address.pathname + address.search + address.hash);
  }
  if (fromUrl !== null) sessionStorage.setItem(tokenStorageKey, fromUrl);
  const token = fromUrl ?? sessionStorage.getItem(tokenStorageKey) ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = createWebSocketDeskClient(`${scheme}://${window.location.host}${apiPath}?${tokenQueryParameter}=${encodeURIComponent(token)}`);
  await client.ready;
  return client;
}
