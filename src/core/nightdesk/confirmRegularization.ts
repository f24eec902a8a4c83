import type Database from 'better-sqlite3';
import type { RegularizationTaskView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readOpenTaskForReviewer, readRegularizationTasks } from './readRegularizationTasks';
import { closeTemporaryIdentity } from '../identities/closeTemporaryIdentity';
import { mergeIdentityInto } from '../identities/mergeIdentityInto';

/**
 * The HR record of a temporary person has arrived: the temporary identity is linked to it — its
 * MIE, history, source links and RPPS move to the HR identity — and closed (kept for the audit
 * trail, never deleted). Refused to the agent who issued the card (4-eyes).
 */
export function confirmRegularization(db: Database.Database, clock: Clock, { actor, taskId, hrIdentityId }: { actor: Actor; taskId: string; hrIdentityId: string }): RegularizationTaskView {
  return db.transaction((): RegularizationTaskView => {
    const task = readOpenTaskForReviewer(db, taskId, actor.agentId);
    const target = db.prepare('SELECT id, first_name, last_name, rpps, status FROM identities WHERE id = ?').get(hrIdentityId) as
      | { id: string; first_name: string; last_name: string; rpps: string | null; status: string }
      | undefined;
    if (target === undefined || target.status === 'temporary' || target.id === task.identityId) {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Choisissez la fiche RH de la personne (une identité non temporaire).', en: 'Pick the person’s HR record (a non-temporary identity).' }, { rule: 'needs-hr-identity', hrIdentityId });
    }
    if (task.rpps !== null && target.rpps !== null && target.rpps !== task.rpps) {
      throw new DeskError(
        'CONFLICT',
        { fr: `La fiche RH porte le RPPS ${target.rpps}, la personne temporaire le RPPS ${task.rpps}.`, en: `The HR record has RPPS ${target.rpps}, the temporary person RPPS ${task.rpps}.` },
        { rule: 'rpps-mismatch' },
      );
    }
    const now = clock.now().toISOString();
    mergeIdentityInto(db, clock, { actor, fromId: task.identityId, intoId: hrIdentityId, reason: 'régularisation confirmée' });
    closeTemporaryIdentity(db, clock, { identityId: task.identityId });
    db.prepare("UPDATE regularization_tasks SET status = 'confirmed', hr_identity_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ?").run(hrIdentityId, actor.agentId ?? 'system', now, taskId);
    appendJournalEntry(db, clock, {
      actor,
      action: 'regularization.confirm',
      subject: { type: 'identity', id: task.identityId },
      before: { identityId: task.identityId, status: 'temporary' },
      after: { linkedTo: hrIdentityId, holder: `${target.first_name} ${target.last_name}` },
    });
    return readRegularizationTasks(db, { taskId })[0]!;
  }).immediate();
}
