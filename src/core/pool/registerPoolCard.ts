import type Database from 'better-sqlite3';
import type { PresentedCardView } from '../../shared/api/enrollment.contract';
import type { PoolCardView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { Actor } from '../journal/journalTypes';
import { readPoolCardOrFail, readPoolCards } from './readPoolCards';

export interface RegisterPoolCardRequest {
  actor: Actor;
  card: PresentedCardView;
  /** Printed on the card; default the next free "T-NN". */
  label?: string | undefined;
}

/**
 * Registers a blank badge into the temporary card pool (tap, tap, tap). Refuses a CPS, a badge
 * that is someone's live badge, and a card already in the pool (naming its label).
 */
export function registerPoolCard(db: Database.Database, clock: Clock, { actor, card, label }: RegisterPoolCardRequest): PoolCardView {
  return db.transaction((): PoolCardView => {
    if (card.kind !== 'badge') {
      throw new DeskError('PRECONDITION_FAILED', { fr: 'Une CPS ne peut pas servir de carte temporaire : posez un badge vierge.', en: 'A CPS cannot be a temporary card: present a blank badge.' }, { rule: 'pool-needs-badge' });
    }
    const [existing] = readPoolCards(db, { identifier: card.identifier });
    if (existing !== undefined) {
      throw new DeskError('CONFLICT', { fr: `Cette carte est déjà dans le stock (${existing.label}).`, en: `This card is already in the pool (${existing.label}).` }, { rule: 'already-in-pool', label: existing.label });
    }
    const holder = db
      .prepare("SELECT i.first_name || ' ' || i.last_name AS name FROM mie m JOIN identities i ON i.id = m.identity_id WHERE m.identifier = ? AND m.status IN ('active', 'suspended')")
      .get(card.identifier) as { name: string } | undefined;
    if (holder !== undefined) {
      throw new DeskError('CONFLICT', { fr: `Ce badge est celui de ${holder.name} : il ne peut pas entrer dans le stock.`, en: `This badge belongs to ${holder.name}: it cannot join the pool.` }, { rule: 'card-already-bound', holderName: holder.name });
    }
    const count = (db.prepare('SELECT COUNT(*) AS n FROM temporary_pool').get() as { n: number }).n;
    const chosenLabel = label !== undefined && label !== '' ? label : `T-${String(count + 1).padStart(2, '0')}`;
    const now = clock.now().toISOString();
    db.prepare(
      `INSERT INTO temporary_pool (identifier, card_type, label, state, registered_by, registered_at, updated_at) VALUES (?, ?, ?, 'available', ?, ?, ?)`,
    ).run(card.identifier, card.cardType, chosenLabel, actor.agentId ?? 'system', now, now);
    appendJournalEntry(db, clock, { actor, action: 'pool.register', subject: { type: 'pool-card', id: card.identifier }, after: { label: chosenLabel, cardType: card.cardType } });
    return readPoolCardOrFail(db, card.identifier);
  }).immediate();
}
