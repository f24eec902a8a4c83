import type Database from 'better-sqlite3';

/**
 * Runs a large write with at least `mebibytes` of page cache on the connection. SQLite's default
 * (2 MiB) is far smaller than the indexes a reconciliation's write phase inserts into at random
 * places (190 000 links by identity id, 370 000 search words): each insert then reads its index
 * pages back from the file. With 64 MiB the write phase of a national reconciliation took 10.5–10.9 s
 * against 11.9–13.3 s, measured alternately on the same replayed write. A larger setting of the
 * caller's is kept; the previous setting is restored afterwards (SQLite then lets the pages go).
 */
export function withPageCache<T>(db: Database.Database, mebibytes: number, work: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  // Negative: KiB; positive: pages.
  const previousKib = previous < 0 ? -previous : (previous * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (previousKib >= mebibytes * 1024) return work();
  db.pragma(`cache_size = ${-mebibytes * 1024}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
