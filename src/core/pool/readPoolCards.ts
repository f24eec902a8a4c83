import type Database from 'better-sqlite3';
import type { PoolCardView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';

interface PoolRow {
  identifier: string;
  card_type: string;
  label: string;
  state: PoolCardView['state'];
  registered_at: string;
  holder_name: string | null;
}

/** The temporary card pool in label order, each card with the holder of its open issuance. */
export function readPoolCards(db: Database.Database, { identifier }: { identifier?: string } = {}): PoolCardView[] {
  const rows = db
    .prepare(
      `SELECT p.*, (SELECT i.first_name || ' ' || i.last_name FROM temporary_issuances t JOIN identities i ON i.id = t.identity_id
                     WHERE t.card_identifier = p.identifier AND t.card_back_at IS NULL ORDER BY t.issued_at DESC LIMIT 1) AS holder_name
         FROM temporary_pool p ${identifier === undefined ? '' : 'WHERE p.identifier = @identifier'}
        ORDER BY p.label, p.identifier`,
    )
    .all(identifier === undefined ? {} : { identifier }) as PoolRow[];
  return rows.map((row) => ({
    identifier: row.identifier,
    cardType: row.card_type,
    label: row.label,
    state: row.state,
    registeredAt: row.registered_at,
    holderName: row.state === 'issued' ? row.holder_name : null,
  }));
}

export function readPoolCardOrFail(db: Database.Database, identifier: string): PoolCardView {
  const [card] = readPoolCards(db, { identifier });
  if (card === undefined) {
    throw new DeskError(
      'NOT_FOUND',
      { fr: `La carte ${identifier} n’est pas dans le stock de cartes temporaires : enregistrez-la d’abord.`, en: `Card ${identifier} is not in the temporary card pool: register it first.` },
      { identifier, rule: 'not-in-pool' },
    );
  }
  return card;
}
