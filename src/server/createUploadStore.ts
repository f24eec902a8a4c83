import { randomBytes } from 'node:crypto';

export interface UploadStore {
  /** Keeps one call input; null when too many are already waiting. */
  put(body: Buffer): string | null;
  /** The input once (it is forgotten), or null when unknown or expired. */
  take(id: string): Buffer | null;
}

/**
 * Inputs uploaded over HTTP for the next call frame. Bounded: a few at a time, each forgotten after
 * `ttlMs`, so an upload without its call does not pin memory.
 */
export function createUploadStore({ maxPending = 2, ttlMs = 120_000, now = () => Date.now() }: { maxPending?: number; ttlMs?: number; now?: () => number } = {}): UploadStore {
  const pending = new Map<string, { body: Buffer; expiresAt: number }>();
  const forgetExpired = () => {
    for (const [id, upload] of pending) if (upload.expiresAt <= now()) pending.delete(id);
  };
  return {
    put(body) {
      forgetExpired();
      if (pending.size >= maxPending) return null;
      const id = randomBytes(16).toString('base64url');
      pending.set(id, { body, expiresAt: now() + ttlMs });
      return id;
    },
    take(id) {
      forgetExpired();
      const upload = pending.get(id);
      pending.delete(id);
      return upload?.body ?? null;
    },
  };
}
