import type Database from 'better-sqlite3';
import { macJournalValue } from './macJournalValue';
import { verifyJournal } from './verifyJournal';

/**
 * Signs the entries written before the journal had a key (migration 0300), once: only when the
 * plain chain checks out and no anchor was ever written (after the first anchor, an unsigned
 * entry is tampering, never something to sign). Returns how many entries it signed.
 */
export function sealJournal(db: Database.Database, key: Buffer, { anchored }: { anchored: boolean }): number {
  const unsigned = (db.prepare('SELECT COUNT(*) AS n FROM journal WHERE mac IS NULL').get() as { n: number }).n;
  const head = db.prepare('SELECT entries, last_hash AS lastHash, mac FROM journal_head WHERE id = 1').get() as { entries: number; lastHash: string; mac: string | null } | undefined;
  if ((unsigned === 0 && (head === undefined || head.mac !== null)) || anchored) return 0;
  if (!verifyJournal(db, { key: null }).ok) return 0;
  return db.transaction(() => {
    const sign = db.prepare('UPDATE journal SET mac = ? WHERE seq = ?');
    for (const row of db.prepare('SELECT seq, hash FROM journal WHERE mac IS NULL ORDER BY seq').all() as { seq: number; hash: string }[]) {
      sign.run(macJournalValue(key, 'entry', [row.seq, row.hash]), row.seq);
    }
    if (head !== undefined) db.prepare('UPDATE journal_head SET mac = ? WHERE id = 1').run(macJournalValue(key, 'head', [head.entries, head.lastHash]));
    return unsigned;
  }).immediate();
}
