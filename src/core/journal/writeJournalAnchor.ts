import { appendFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { JournalAnchor } from './JournalAnchor';
import { journalKeyRegistry } from './journalKeyRegistry';
import { genesisHash } from './journalTypes';
import { macJournalValue } from './macJournalValue';

/** The journal's head now, HMAC'd with the store's journal key when it is registered. */
export function readJournalAnchor(db: Database.Database, clock: Clock, key: Buffer | null = journalKeyRegistry.keyOf(db)): JournalAnchor {
  const head = db.prepare('SELECT entries, last_hash AS lastHash FROM journal_head WHERE id = 1').get() as { entries: number; lastHash: string } | undefined;
  const entries = head?.entries ?? 0;
  const lastHash = head?.lastHash ?? genesisHash;
  const at = clock.now().toISOString();
  return { entries, lastHash, at, mac: key === null ? null : macJournalValue(key, 'anchor', [entries, lastHash, at]) };
}

/** Appends the current anchor to `path` (created 0600, append only) and returns it. */
export function writeJournalAnchor(db: Database.Database, clock: Clock, path: string, key?: Buffer | null): JournalAnchor {
  const anchor = readJournalAnchor(db, clock, key);
  appendFileSync(path, `${JSON.stringify(anchor)}\n`, { encoding: 'utf8', mode: 0o600, flag: 'a' });
  return anchor;
}
