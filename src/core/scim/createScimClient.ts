import { SCIM_ERROR } from '../../shared/scim/guichetUserExtension';

export type ScimFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ScimReply {
  status: number;
  /** `Retry-After` in milliseconds (seconds or an HTTP date), when the IAM sent one. */
  retryAfterMs: number | null;
  etag: string | null;
  body: Record<string, unknown> | null;
}

export interface ScimClient {
  /** Resolves with any HTTP answer; rejects only when the IAM could not be reached (or timed out). */
  request(method: 'GET' | 'POST' | 'PATCH', path: string, options?: { body?: unknown; ifMatch?: string | null }): Promise<ScimReply>;
}

export function readRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What the IAM said went wrong, from a SCIM error body (RFC 7644 §3.12). */
export function describeScimError(reply: ScimReply): string {
  const body = reply.body;
  if (body !== null && Array.isArray(body.schemas) && body.schemas.includes(SCIM_ERROR)) {
    return [`HTTP ${reply.status}`, typeof body.scimType === 'string' ? body.scimType : null, typeof body.detail === 'string' ? body.detail : null].filter((part) => part !== null).join(' — ');
  }
  return `HTTP ${reply.status}`;
}

/** A small SCIM client over fetch: bearer token, JSON bodies, a time limit per request. */
export function createScimClient({ url, token, fetch = globalThis.fetch, timeoutMs = 10_000 }: { url: string; token: string; fetch?: ScimFetch; timeoutMs?: number }): ScimClient {
  const base = url.replace(/\/+$/, '');
  return {
    async request(method, path, { body, ifMatch } = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/scim+json, application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
          ...(ifMatch === undefined || ifMatch === null ? {} : { 'If-Match': ifMatch }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> | null = null;
      if (text !== '') {
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          parsed = null;
        }
      }
      return { status: response.status, retryAfterMs: readRetryAfter(response.headers.get('retry-after'), Date.now()), etag: response.headers.get('etag'), body: parsed };
    },
  };
}
