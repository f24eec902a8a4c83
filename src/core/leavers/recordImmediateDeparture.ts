import type Database from 'better-sqlite3';
import type { LeaverRunResult } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import { isoDay, type Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { runLeaverCheck } from './runLeaverCheck';
import { recordDeparture } from '../identities/recordDeparture';

/**
 * An agent records that someone leaves now (dismissal, end of mission): the HR end date becomes
 * today and every active MIE of the person is suspended at once, with a D+7 review.
 */
export function recordImmediateDeparture(db: Database.Database, clock: Clock, { actor, identityId, reason }: { actor: Actor; identityId: string; reason: string }): LeaverRunResult {
  return db.transaction((): LeaverRunResult => {
    const person = db.prepare('SELECT hr_end_date FROM identities WHERE id = ?').get(identityId) as { hr_end_date: string | null } | undefined;
    if (person === undefined) {
      throw new DeskError('NOT_FOUND', { fr: `Aucune personne n’a l’identifiant ${identityId}.`, en: `No person has the id ${identityId}.` }, { identityId });
    }
    const today = isoDay(clock.now());
    if (person.hr_end_date === null || person.hr_end_date > today) {
      recordDeparture(db, clock, { actor, identityId, date: today });
    }
    // An agent's departure is a new fact: earlier exceptions no longer cover this person.
    db.prepare("UPDATE leaver_reviews SET superseded_at = ? WHERE identity_id = ? AND status = 'restored' AND superseded_at IS NULL").run(clock.now().toISOString(), identityId);
    appendJournalEntry(db, clock, { actor, action: 'identity.departure', subject: { type: 'identity', id: identityId }, before: { hrEndDate: person.hr_end_date }, after: { hrEndDate: today, reason } });
    return runLeaverCheck(db, clock, { actor, trigger: 'departure', maxShare: 1, identityIds: [identityId], confirmed: true });
  }).immediate();
}
