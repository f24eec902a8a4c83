import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { apiPath, tokenQueryParameter } from '../shared/api/wire';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser-mode guard: only `/api`, only with this launch's token (401 otherwise), only from our
 * own page or a non-browser client (a foreign Origin or Host is 403: blocks other sites and DNS
 * rebinding).
 */
export function checkUpgradeRequest(request: IncomingMessage, { token, port }: { token: string; port: number }): UpgradeVerdict {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== apiPath) return { ok: false, status: 404, reason: `no WebSocket endpoint at ${url.pathname}` };
  const given = url.searchParams.get(tokenQueryParameter);
  if (given === null || !sameSecret(given, token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return { ok: false, status: 403, reason: `unexpected Host "${request.headers.host ?? ''}"` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.map((host) => `http://${host}`).includes(origin)) {
    return { ok: false, status: 403, reason: `foreign Origin "${origin}"` };
  }
  return { ok: true };
}
