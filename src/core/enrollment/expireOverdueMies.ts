import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { changeMieStatus } from './changeMieStatus';

/**
 * Marks `expired` every active or suspended MIE whose validity ended before today, as the system
 * (journaled like any act). Returns how many expired. Temporary badges are left to the night
 * desk, whose expiry also closes the issuance and restores the holder's main badge.
 */
export function expireOverdueMies(db: Database.Database, clock: Clock): number {
  const due = db
    .prepare("SELECT id FROM mie WHERE status IN ('active', 'suspended') AND kind != 'temporary-badge' AND valid_until IS NOT NULL AND substr(valid_until, 1, 10) < ?")
    .all(isoDay(clock.now())) as { id: string }[];
  for (const { id } of due) {
    changeMieStatus(db, clock, { actor: { agentId: null, agentName: 'Guichet', desk: 'système' }, mieId: id, action: 'expire', reason: 'fin de validité' });
  }
  return due.length;
}
