import type Database from 'better-sqlite3';
import type { Clock } from '../clock';

export type ChallengePurpose = 'registration' | 'key-test' | 'sponsor';

export interface StoredChallenge<Context> {
  challenge: string;
  connectionId: string;
  purpose: ChallengePurpose;
  identityId: string;
  context: Context;
}

/** Remembers a ceremony challenge for one desk connection until it is used or expires. */
export function storeChallenge<Context>(db: Database.Database, clock: Clock, ttlMs: number, stored: StoredChallenge<Context>): void {
  const now = clock.now();
  db.prepare('DELETE FROM fido_challenges WHERE expires_at < ?').run(now.toISOString());
  db.prepare(
    `INSERT INTO fido_challenges (challenge, connection_id, purpose, identity_id, context_json, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    stored.challenge,
    stored.connectionId,
    stored.purpose,
    stored.identityId,
    JSON.stringify(stored.context),
    now.toISOString(),
    new Date(now.getTime() + ttlMs).toISOString(),
  );
}
