import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { systemClock, type Clock } from '../core/clock';
import { createEventHub } from '../core/desk/createEventHub';
import { startNightDeskChecks, type NightDeskChecks } from '../core/nightdesk/startNightDeskChecks';
import { openStoreFile } from '../core/store/openStoreFile';

export interface CliStore {
  db: Database.Database;
  clock: Clock;
  /** Expiry and leaver checks, as the desk runs them (an import's `afterCommit` runs them at once). */
  nightDeskChecks: NightDeskChecks;
  close(): void;
}

/**
 * A database file (created, encrypted and migrated if missing) with the night desk's checks, and nothing of
 * the desk's card readers or API: a data command on `--db` starts in a fraction of the time the
 * whole core takes to load (PDF receipts, WebAuthn, X.509…).
 */
export function openCliStore({ dbPath, clock = systemClock }: { dbPath: string; clock?: Clock }): CliStore {
  // Encrypted with the key file beside it (or GUICHET_KEY_FILE), created with the store.
  const db = openStoreFile({ path: resolve(dbPath) });
  const nightDeskChecks = startNightDeskChecks({ db, clock, events: createEventHub(), deskName: hostname(), onError: (error) => console.error('night desk check failed', error) });
  return {
    db,
    clock,
    nightDeskChecks,
    close() {
      nightDeskChecks.stop();
      db.close();
    },
  };
}
