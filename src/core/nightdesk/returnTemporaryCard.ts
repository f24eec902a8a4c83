import type Database from 'better-sqlite3';
import type { TemporaryIssuanceView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readPoolCardOrFail } from '../pool/readPoolCards';
import { closeTemporaryIssuance } from './closeTemporaryIssuance';
import { readTemporaryIssuances } from './readTemporaryIssuances';

/**
 * A temporary card comes back to the desk: its MIE is returned (if it had not expired yet), the
 * main badge suspended for a forgotten card is restored, and the card goes back to the pool.
 */
export function returnTemporaryCard(db: Database.Database, clock: Clock, { actor, cardIdentifier }: { actor: Actor; cardIdentifier: string }): TemporaryIssuanceView {
  return db.transaction((): TemporaryIssuanceView => {
    const card = readPoolCardOrFail(db, cardIdentifier);
    const [issuance] = readTemporaryIssuances(db, { cardOut: cardIdentifier });
    if (issuance === undefined) {
      throw new DeskError('PRECONDITION_FAILED', { fr: `La carte ${card.label} n’est pas remise à quelqu’un : rien à reprendre.`, en: `Card ${card.label} is not out: nothing to take back.` }, { rule: 'card-not-out', state: card.state });
    }
    closeTemporaryIssuance(db, clock, { actor, issuanceId: issuance.id, closedReason: 'returned', mieAction: 'return', reason: 'carte temporaire rendue' });
    const now = clock.now().toISOString();
    db.prepare('UPDATE temporary_issuances SET card_back_at = ? WHERE id = ?').run(now, issuance.id);
    db.prepare("UPDATE temporary_pool SET state = 'returned', updated_at = ? WHERE identifier = ?").run(now, cardIdentifier);
    appendJournalEntry(db, clock, { actor, action: 'temporary.return', subject: { type: 'temporary-issuance', id: issuance.id }, after: { card: card.label, overdue: issuance.closedAt !== null } });
    return readTemporaryIssuances(db, { id: issuance.id })[0]!;
  }).immediate();
}
