import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { deciderOf } from './deciderOf';

/**
 * Gives a person the RPPS an agent confirmed at the desk (a CPS read in the reader) and records
 * the pairing as a desk fact, so no reconciliation run takes it away. The caller checked that the
 * number is free and the person has none.
 */
export function pairRppsAtDesk(db: Database.Database, clock: Clock, { actor, identityId, rpps }: { actor: Actor; identityId: string; rpps: string }): void {
  const now = clock.now().toISOString();
  db.transaction(() => {
    db.prepare("UPDATE identities SET rpps = ?, search_text = search_text || ' ' || ?, updated_at = ? WHERE id = ?").run(rpps, rpps, now, identityId);
    db.prepare(
      `INSERT INTO identity_desk_facts (identity_id, fact, value, decided_by, decided_at) VALUES (?, 'rpps', ?, ?, ?)
       ON CONFLICT (identity_id, fact) DO UPDATE SET value = excluded.value, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(identityId, rpps, deciderOf(actor), now);
  }).immediate();
}
