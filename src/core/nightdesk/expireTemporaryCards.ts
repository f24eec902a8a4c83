import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { closeTemporaryIssuance } from './closeTemporaryIssuance';

/**
 * Expires every temporary MIE whose end time has passed — including those that ended while the
 * desk was closed — and restores the main badges they stood in for. The card stays listed as
 * overdue until it is handed back. Returns how many expired.
 */
export function expireTemporaryCards(db: Database.Database, clock: Clock, { actor }: { actor: Actor }): number {
  const due = db.prepare('SELECT id FROM temporary_issuances WHERE closed_at IS NULL AND ends_at <= ? ORDER BY ends_at').all(clock.now().toISOString()) as { id: string }[];
  for (const { id } of due) closeTemporaryIssuance(db, clock, { actor, issuanceId: id, closedReason: 'expired', mieAction: 'expire', reason: 'fin de validité de la carte temporaire' });
  return due.length;
}
