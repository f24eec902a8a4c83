import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';

/** Tables whose rows follow a person to the identity they merge into (column naming the person). */
const holdings: readonly (readonly [table: string, column: string])[] = [
  ['mie', 'identity_id'],
  ['mie_history', 'identity_id'],
  ['identity_links', 'identity_id'],
  ['temporary_issuances', 'identity_id'],
  ['fido_credentials', 'identity_id'],
  ['fido_sponsorships', 'enrollee_id'],
];

export interface MergeIdentityResult {
  /** Rows moved, per table. */
  moved: Record<string, number>;
  rppsMoved: string | null;
}

/**
 * Two identities are one person (a temporary person whose HR record arrived, two HR records the
 * engine now reads as one): everything the person holds — means and their history, source links,
 * temporary issuances, FIDO keys, the desk's facts and a missing RPPS — moves to `intoId`, the
 * other identity is closed (never deleted: the journal and queues name it), and the merge is
 * journaled with what moved.
 */
export function mergeIdentityInto(
  db: Database.Database,
  clock: Clock,
  { actor, fromId, intoId, reason }: { actor: Actor; fromId: string; intoId: string; reason: string },
): MergeIdentityResult {
  return db.transaction((): MergeIdentityResult => {
    const now = clock.now().toISOString();
    const rppsOf = db.prepare('SELECT rpps FROM identities WHERE id = ?').pluck();
    const fromRpps = rppsOf.get(fromId) as string | null | undefined;
    const intoRpps = rppsOf.get(intoId) as string | null | undefined;
    let rppsMoved: string | null = null;
    if (typeof fromRpps === 'string' && intoRpps === null) {
      db.prepare('UPDATE identities SET rpps = NULL WHERE id = ?').run(fromId);
      db.prepare("UPDATE identities SET rpps = ?, search_text = search_text || ' ' || ?, updated_at = ? WHERE id = ?").run(fromRpps, fromRpps, now, intoId);
      rppsMoved = fromRpps;
    }
    const moved: Record<string, number> = {};
    for (const [table, column] of holdings) {
      const changes = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(intoId, fromId).changes;
      if (changes > 0) moved[table] = changes;
    }
    // The desk's facts follow the person, unless the target already carries its own of that kind
    // (a desk RPPS that did not move stays with the closed identity, where it blocks no one).
    const facts = db
      .prepare(
        `UPDATE identity_desk_facts SET identity_id = ? WHERE identity_id = ?
           AND fact NOT IN (SELECT fact FROM identity_desk_facts WHERE identity_id = ?)
           AND (fact <> 'rpps' OR value = ?)`,
      )
      .run(intoId, fromId, intoId, rppsMoved).changes;
    if (facts > 0) moved.identity_desk_facts = facts;
    db.prepare("DELETE FROM identity_desk_facts WHERE identity_id = ? AND fact = 'rpps'").run(fromId);
    db.prepare("UPDATE identities SET status = 'left', updated_at = ? WHERE id = ?").run(now, fromId);
    appendJournalEntry(db, clock, { actor, action: 'identity.merge', subject: { type: 'identity', id: fromId }, after: { mergedInto: intoId, moved, rppsMoved, reason } });
    return { moved, rppsMoved };
  }).immediate();
}
