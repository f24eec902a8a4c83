import type Database from 'better-sqlite3';
import type { PoolCardView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { closeTemporaryIssuance } from '../nightdesk/closeTemporaryIssuance';
import { readPoolCardOrFail } from './readPoolCards';

/**
 * A pool card is lost: out of the pool for good, its temporary MIE (if still live) declared lost
 * and the main badge it stood in for restored.
 */
export function declarePoolCardLost(db: Database.Database, clock: Clock, { actor, identifier, reason }: { actor: Actor; identifier: string; reason: string }): PoolCardView {
  return db.transaction((): PoolCardView => {
    const card = readPoolCardOrFail(db, identifier);
    if (card.state === 'lost') {
      throw new DeskError('PRECONDITION_FAILED', { fr: `La carte ${card.label} est déjà déclarée perdue.`, en: `Card ${card.label} is already declared lost.` }, { rule: 'already-lost' });
    }
    const live = readMies(db, { card: { kind: 'temporary-badge', identifier } }).find((mie) => mie.status === 'active' || mie.status === 'suspended');
    const now = clock.now().toISOString();
    if (live !== undefined) {
      changeMieStatus(db, clock, { actor, mieId: live.id, action: 'declare-lost', reason });
      const issuance = db.prepare('SELECT id FROM temporary_issuances WHERE mie_id = ?').get(live.id) as { id: string } | undefined;
      if (issuance !== undefined) closeTemporaryIssuance(db, clock, { actor, issuanceId: issuance.id, closedReason: 'revoked', mieAction: 'expire', reason });
    }
    db.prepare("UPDATE temporary_pool SET state = 'lost', updated_at = ? WHERE identifier = ?").run(now, identifier);
    appendJournalEntry(db, clock, { actor, action: 'pool.lost', subject: { type: 'pool-card', id: identifier }, before: { state: card.state }, after: { state: 'lost', reason } });
    return readPoolCardOrFail(db, identifier);
  }).immediate();
}
