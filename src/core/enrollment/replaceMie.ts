import type Database from 'better-sqlite3';
import { replaceableStatuses, type MieView } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import type { Actor } from '../journal/journalTypes';
import { assertNotOwnMie } from './assertMayReceiveMie';
import { bindMie } from './bindMie';
import { readMieOrFail } from './changeMieStatus';
import { recordMieChange } from './recordMieChange';

export interface ReplaceMieRequest {
  actor: Actor;
  mieId: string;
  /** The new card: same kind as the old one. */
  identifier: string;
  cardRpps?: string | null;
  cardType?: string | null;
  validUntil?: string | null;
  reason?: string | undefined;
}

/**
 * Replaces a MIE by a new card in one transaction: the old one is revoked (`replaced`, or stays
 * `lost`/`stolen` when it was declared so) and the new one is bound to the same person with the
 * usual binding rules. If the new binding is refused, the old MIE is left untouched.
 */
export function replaceMie(db: Database.Database, clock: Clock, request: ReplaceMieRequest): MieView {
  return db.transaction((): MieView => {
    const old = readMieOrFail(db, request.mieId);
    assertNotOwnMie(request.actor, old.identityId);
    if (!replaceableStatuses.includes(old.status)) {
      throw new DeskError(
        'PRECONDITION_FAILED',
        {
          fr: `Le moyen ${old.identifier} est au statut « ${old.status} » : seul un moyen actif, suspendu, perdu ou volé peut être remplacé.`,
          en: `MIE ${old.identifier} is ${old.status}: only an active, suspended, lost or stolen MIE can be replaced.`,
        },
        { rule: 'transition', status: old.status, action: 'replace' },
      );
    }
    if (old.status === 'active' || old.status === 'suspended') {
      db.prepare("UPDATE mie SET status = 'replaced', updated_by = ?, updated_at = ? WHERE id = ?").run(
        request.actor.agentId ?? 'system',
        clock.now().toISOString(),
        old.id,
      );
      recordMieChange(db, clock, { actor: request.actor, action: 'mie.replaced', before: old, after: readMieOrFail(db, old.id), reason: request.reason });
    }
    return bindMie(db, clock, {
      actor: request.actor,
      identityId: old.identityId,
      kind: old.kind,
      identifier: request.identifier,
      cardRpps: request.cardRpps ?? null,
      cardType: request.cardType ?? old.cardType,
      validUntil: request.validUntil ?? null,
      label: old.label,
      additional: old.additional,
      replacesMieId: old.id,
      action: 'mie.replace',
    });
  }).immediate();
}
