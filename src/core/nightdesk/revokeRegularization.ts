import type Database from 'better-sqlite3';
import type { RegularizationTaskView } from '../../shared/api/nightdesk.contract';
import type { Clock } from '../clock';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { readMies } from '../enrollment/readMies';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readOpenTaskForReviewer, readRegularizationTasks } from './readRegularizationTasks';
import { closeTemporaryIdentity } from '../identities/closeTemporaryIdentity';

/**
 * The badge office refuses a temporary person: their live MIE end now, the identity is closed
 * (kept, never deleted) and the card, if still out, shows as overdue. 4-eyes as for confirmation.
 */
export function revokeRegularization(db: Database.Database, clock: Clock, { actor, taskId, reason }: { actor: Actor; taskId: string; reason: string }): RegularizationTaskView {
  return db.transaction((): RegularizationTaskView => {
    const task = readOpenTaskForReviewer(db, taskId, actor.agentId);
    const now = clock.now().toISOString();
    for (const mie of readMies(db, { identityId: task.identityId }).filter((m) => m.status === 'active' || m.status === 'suspended')) {
      changeMieStatus(db, clock, { actor, mieId: mie.id, action: 'expire', reason: `régularisation refusée : ${reason}` });
    }
    db.prepare("UPDATE temporary_issuances SET closed_at = ?, closed_reason = 'revoked' WHERE identity_id = ? AND closed_at IS NULL").run(now, task.identityId);
    closeTemporaryIdentity(db, clock, { identityId: task.identityId });
    db.prepare("UPDATE regularization_tasks SET status = 'revoked', resolved_by = ?, resolved_at = ?, reason = ? WHERE id = ?").run(actor.agentId ?? 'system', now, reason, taskId);
    appendJournalEntry(db, clock, { actor, action: 'regularization.revoke', subject: { type: 'identity', id: task.identityId }, after: { reason } });
    return readRegularizationTasks(db, { taskId })[0]!;
  }).immediate();
}
