import type Database from 'better-sqlite3';
import { irreversibleMieActions, mieTransitions, type MieStatusAction, type MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { assertMayReceiveMie, assertNotOwnMie } from './assertMayReceiveMie';
import { assertNotLeaverResume } from './assertNotLeaverResume';
import { readMies } from './readMies';
import { recordMieChange } from './recordMieChange';

export interface ChangeMieStatusRequest {
  actor: Actor;
  mieId: string;
  action: MieStatusAction;
  reason?: string | undefined;
}

/**
 * Moves a MIE along its lifecycle (suspend, resume, declare lost or stolen, revoke — final —,
 * returned, expired). Refuses a transition the current status does not allow, an irreversible act
 * without a reason, resuming a leaver's MIE (that goes through `resumeLeaverMie`, with a reason and
 * a second agent), and any act on the agent's own MIE. History and journal in one transaction.
 */
export function changeMieStatus(db: Database.Database, clock: Clock, { actor, mieId, action, reason }: ChangeMieStatusRequest): MieView {
  return db.transaction((): MieView => {
    const before = readMieOrFail(db, mieId);
    assertNotOwnMie(actor, before.identityId);
    const transition = mieTransitions[action];
    if (!transition.from.includes(before.status)) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        {
          fr: `Action « ${action} » impossible : le moyen ${before.identifier} est au statut « ${before.status} » (attendu : ${transition.from.join(' ou ')}).`,
          en: `Cannot ${action}: MIE ${before.identifier} is ${before.status} (expected ${transition.from.join(' or ')}).`,
        },
        { rule: 'transition', status: before.status, action },
      );
    }
    if (irreversibleMieActions.includes(action) && (reason === undefined || reason.trim().length < 3)) {
      throw new DeskError(
        'INVALID_ARGUMENT',
        { fr: `Cet acte est définitif : indiquez-en le motif (3 caractères au moins) pour le moyen ${before.identifier}.`, en: `This act cannot be undone: give its reason (at least 3 characters) for MIE ${before.identifier}.` },
        { rule: 'reason-required', action, field: 'reason' },
      );
    }
    if (action === 'resume') {
      assertNotLeaverResume(db, clock, before);
      assertMayReceiveMie(db, clock, actor, before.identityId);
    }
    const now = clock.now().toISOString();
    db.prepare('UPDATE mie SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(transition.to, actor.agentId ?? 'system', now, mieId);
    const after = readMieOrFail(db, mieId);
    recordMieChange(db, clock, { actor, action: `mie.${action}`, before, after, reason });
    return after;
  }).immediate();
}

export function readMieOrFail(db: Database.Database, mieId: string): MieView {
  const [mie] = readMies(db, { mieId });
  if (mie === undefined) {
    throw new DeskError('NOT_FOUND', { fr: `Aucun moyen d’identification n’a l’identifiant ${mieId}.`, en: `No identification means has the id ${mieId}.` }, { mieId });
  }
  return mie;
}
