import type Database from 'better-sqlite3';
import type { LeaverRunResult } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readLeaverHolds } from './readLeaverQueues';
import { runLeaverCheck } from './runLeaverCheck';

/** An agent confirms a held mass-leaver run (it is applied to the people it listed) or dismisses it. */
export function resolveLeaverHold(db: Database.Database, clock: Clock, { actor, holdId, decision }: { actor: Actor; holdId: string; decision: 'apply' | 'dismiss' }): LeaverRunResult {
  return db.transaction((): LeaverRunResult => {
    const [hold] = readLeaverHolds(db, { holdId });
    if (hold === undefined) {
      throw new DeskError('NOT_FOUND', { fr: `Aucune alerte de départs en masse n’a l’identifiant ${holdId}.`, en: `No mass-leaver hold has the id ${holdId}.` }, { holdId });
    }
    if (hold.status !== 'held') {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette alerte de départs en masse est déjà traitée.', en: 'This mass-leaver hold is already settled.' }, { rule: 'hold-closed', status: hold.status });
    }
    db.prepare('UPDATE leaver_holds SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?').run(decision === 'apply' ? 'applied' : 'dismissed', actor.agentId ?? 'system', clock.now().toISOString(), holdId);
    appendJournalEntry(db, clock, { actor, action: `leaver.hold-${decision}`, subject: { type: 'leaver-hold', id: holdId }, after: { affected: hold.affected } });
    if (decision === 'dismiss') return { outcome: 'nothing', suspendedMies: 0, reviews: 0, holdId };
    return { ...runLeaverCheck(db, clock, { actor, trigger: hold.trigger, maxShare: hold.maxShare, identityIds: hold.identityIds, confirmed: true }), holdId };
  }).immediate();
}
