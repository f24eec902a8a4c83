import type Database from 'better-sqlite3';
import { isoDay, type Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import type { Actor } from '../journal/journalTypes';

export interface CloseTemporaryIssuanceRequest {
  actor: Actor;
  issuanceId: string;
  closedReason: 'returned' | 'expired' | 'revoked';
  /** Lifecycle act on the temporary MIE when it is still live. */
  mieAction: 'return' | 'expire';
  reason: string;
}

/** Why the main badge comes back, in the journal's language of record (French). */
const resumeReasons: Record<CloseTemporaryIssuanceRequest['closedReason'], string> = {
  returned: 'carte temporaire rendue',
  expired: 'carte temporaire échue',
  revoked: 'carte temporaire révoquée',
};

/**
 * Ends a temporary issuance: the temporary MIE leaves the live statuses and the main badge it
 * suspended (forgotten card) is restored — unless the person has left or is under a leaver review
 * meanwhile, in which case the badge stays suspended for the badge office.
 */
export function closeTemporaryIssuance(db: Database.Database, clock: Clock, { actor, issuanceId, closedReason, mieAction, reason }: CloseTemporaryIssuanceRequest): void {
  db.transaction(() => {
    const issuance = db.prepare('SELECT mie_id, identity_id, suspended_mie_ids_json, closed_at FROM temporary_issuances WHERE id = ?').get(issuanceId) as
      | { mie_id: string; identity_id: string; suspended_mie_ids_json: string; closed_at: string | null }
      | undefined;
    if (issuance === undefined || issuance.closed_at !== null) return;
    const [temporary] = readMies(db, { mieId: issuance.mie_id });
    if (temporary !== undefined && (temporary.status === 'active' || temporary.status === 'suspended')) {
      changeMieStatus(db, clock, { actor, mieId: temporary.id, action: mieAction, reason });
    }
    db.prepare('UPDATE temporary_issuances SET closed_at = ?, closed_reason = ? WHERE id = ?').run(clock.now().toISOString(), closedReason, issuanceId);
    const person = db.prepare('SELECT status, hr_end_date FROM identities WHERE id = ?').get(issuance.identity_id) as { status: string; hr_end_date: string | null };
    const underLeaverReview = db.prepare("SELECT 1 FROM leaver_reviews WHERE identity_id = ? AND status = 'open'").get(issuance.identity_id) !== undefined;
    const gone = person.status === 'left' || (person.hr_end_date !== null && person.hr_end_date <= isoDay(clock.now()));
    if (underLeaverReview || gone) return;
    for (const mieId of JSON.parse(issuance.suspended_mie_ids_json) as string[]) {
      const [main] = readMies(db, { mieId });
      if (main?.status === 'suspended') changeMieStatus(db, clock, { actor, mieId, action: 'resume', reason: resumeReasons[closedReason] });
    }
  }).immediate();
}
