import type { IncomingMessage } from 'node:http';
import { apiPath, tokenQueryParameter } from '../shared/api/wire';
import { isOwnHost } from './isOwnHost';
import { isOwnOrigin } from './isOwnOrigin';
import { isSameSecret } from './isSameSecret';
import { readRequestTarget } from './readRequestTarget';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/**
 * Browser-mode guard: only `/api`, only with this launch's token (401 otherwise), only from our
 * own page or a non-browser client (a foreign Origin or Host is 403: blocks other sites and DNS
 * rebinding).
 */
export function checkUpgradeRequest(request: IncomingMessage, { token, port }: { token: string; port: number }): UpgradeVerdict {
  const target = readRequestTarget(request.url);
  if (target === null) return { ok: false, status: 400, reason: 'malformed request target' };
  if (target.pathname !== apiPath) return { ok: false, status: 404, reason: `no WebSocket endpoint at ${target.pathname.slice(0, 100)}` };
  const given = target.searchParams.get(tokenQueryParameter);
  if (given === null || !isSameSecret(given, token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  if (!isOwnHost(request.headers.host, port)) {
    return { ok: false, status: 403, reason: `unexpected Host "${(request.headers.host ?? '').slice(0, 100)}"` };
  }
  if (!isOwnOrigin(request.headers.origin, port)) {
    return { ok: false, status: 403, reason: `foreign Origin "${(request.headers.origin ?? '').slice(0, 100)}"` };
  }
  return { ok: true };
}
