import type Database from 'better-sqlite3';
import { isStoreBusy } from '../../shared/api/isStoreBusy';
import type { Clock } from '../clock';
import { appendJournalEntry } from './appendJournalEntry';
import type { JournalEntryInput } from './journalTypes';

export interface DeferredJournal {
  /** Journals the entry now, or — while another connection holds the write lock — as soon as it is free. */
  record(input: JournalEntryInput): void;
  /** Entries still waiting for the write lock. */
  pending(): number;
  /** Writes what waits, waiting for the lock as long as the store's busy timeout allows (at close). */
  flush(): void;
  close(): void;
}

export interface DeferredJournalOptions {
  db: Database.Database;
  clock: Clock;
  /** Pause before trying again while the store is locked. */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Journal entries for acts that must not wait on the store: reads of personal data. An import or
 * reconciliation on a job thread holds the write lock for seconds; a read answered from the WAL
 * snapshot must not block the desk's thread (busy timeout) nor fail for it. So the entry is
 * written at once when the lock is free, otherwise kept in memory with the time of the read and
 * written, in order, as soon as it is free; close() writes what is left.
 */
export function createDeferredJournal({ db, clock, retryMs = 250, onError = () => {} }: DeferredJournalOptions): DeferredJournal {
  const queue: { input: JournalEntryInput; at: Date }[] = [];
  let timer: NodeJS.Timeout | null = null;

  const writeQueued = (): void => {
    db.transaction(() => {
      for (const { input, at } of queue) appendJournalEntry(db, { now: () => at }, input);
    }).immediate();
    queue.length = 0;
  };

  /** One try without waiting for the lock (busy timeout 0 for this call only: the thread is ours). */
  const tryWrite = (): void => {
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      writeQueued();
    } catch (error) {
      if (!isStoreBusy(error)) {
        queue.length = 0;
        onError(error);
      } else if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          tryWrite();
        }, retryMs);
        timer.unref();
      }
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  };

  return {
    record(input) {
      queue.push({ input, at: clock.now() });
      // Behind earlier entries still waiting: keep the order.
      if (timer === null) tryWrite();
    },
    pending: () => queue.length,
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (queue.length > 0) writeQueued();
    },
    close() {
      try {
        this.flush();
      } catch (error) {
        onError(error);
      }
    },
  };
}
