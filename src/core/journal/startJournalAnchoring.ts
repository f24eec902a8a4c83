import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { JournalAnchor } from './JournalAnchor';
import type { JournalKeyProvider } from './JournalKeyProvider';
import { journalKeyRegistry } from './journalKeyRegistry';
import { readJournalAnchors } from './readJournalAnchors';
import { sealJournal } from './sealJournal';
import { writeJournalAnchor } from './writeJournalAnchor';

export interface JournalAnchoring {
  /** Appends an anchor now when the journal moved since the last one. */
  anchorNow(): JournalAnchor | null;
  stop(): void;
}

export interface JournalAnchoringOptions {
  db: Database.Database;
  clock: Clock;
  keys: JournalKeyProvider;
  /** The append-only anchor file (in the data folder, outside the store). */
  anchorPath: string;
  /** How often the head is anchored while the desk runs (default 5 minutes). */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Gives the store its journal key (appendJournalEntry signs with it), seals entries from before
 * the key existed (first start after migration 0300 only), then anchors the head outside the
 * store at start, periodically while it moves, and at stop.
 */
export function startJournalAnchoring({ db, clock, keys, anchorPath, intervalMs = 5 * 60_000, onError = () => {} }: JournalAnchoringOptions): JournalAnchoring {
  const key = keys.readKey();
  journalKeyRegistry.register(db, key);
  const existing = readJournalAnchors(anchorPath);
  sealJournal(db, key, { anchored: !existing.ok || existing.anchors.length > 0 });
  let last = existing.ok ? existing.anchors.at(-1) ?? null : null;
  const anchorNow = (): JournalAnchor | null => {
    const head = db.prepare('SELECT entries, last_hash AS lastHash FROM journal_head WHERE id = 1').get() as { entries: number; lastHash: string } | undefined;
    if (last !== null && head !== undefined && last.entries === head.entries && last.lastHash === head.lastHash) return null;
    if (last !== null && head === undefined) return null;
    last = writeJournalAnchor(db, clock, anchorPath, key);
    return last;
  };
  const safely = () => {
    try {
      anchorNow();
    } catch (error) {
      onError(error);
    }
  };
  safely();
  const timer = setInterval(safely, intervalMs);
  timer.unref();
  return {
    anchorNow,
    stop() {
      clearInterval(timer);
      if (db.open) safely();
    },
  };
}
