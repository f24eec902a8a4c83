import type Database from 'better-sqlite3';
import type { ActingAgent } from '../../shared/api/dispatch';
import type { MieView } from '../../shared/api/enrollment.contract';
import type { Clock } from '../clock';
import { changeMieStatus, readMieOrFail } from '../enrollment/changeMieStatus';
import type { Actor } from '../journal/journalTypes';
import { recordLeaverException } from './recordLeaverException';

/**
 * Reactivates a leaver's MIE as a documented exception: reason and second agent recorded on the
 * leaver review (settled), then the MIE resumed — one transaction.
 */
export function resumeLeaverMie(db: Database.Database, clock: Clock, { actor, confirmedBy, mieId, reason }: { actor: Actor; confirmedBy: ActingAgent; mieId: string; reason: string }): MieView {
  return db.transaction((): MieView => {
    const mie = readMieOrFail(db, mieId);
    recordLeaverException(db, clock, { actor, confirmedBy, identityId: mie.identityId, reason, mieIds: [mieId] });
    return changeMieStatus(db, clock, { actor, mieId, action: 'resume', reason });
  }).immediate();
}
