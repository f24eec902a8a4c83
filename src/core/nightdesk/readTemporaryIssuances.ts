import type Database from 'better-sqlite3';
import type { TemporaryIssuanceView } from '../../shared/api/nightdesk.contract';

interface IssuanceRow {
  id: string;
  mie_id: string;
  identity_id: string;
  holder_name: string;
  card_identifier: string;
  card_label: string;
  reason: TemporaryIssuanceView['reason'];
  issued_by_name: string | null;
  issued_at: string;
  ends_at: string;
  desk_seconds: number | null;
  interactions: number | null;
  closed_at: string | null;
  closed_reason: TemporaryIssuanceView['closedReason'];
  card_back_at: string | null;
}

export type IssuanceFilter =
  | { open: true }
  /** Closed (expired, revoked) while the card is still out. */
  | { overdue: true }
  | { id: string }
  | { cardOut: string };

const conditions = (filter: IssuanceFilter): string =>
  'open' in filter
    ? 't.closed_at IS NULL'
    : 'overdue' in filter
      ? "t.closed_at IS NOT NULL AND t.card_back_at IS NULL AND p.state = 'issued'"
      : 'id' in filter
        ? 't.id = @id'
        : "t.card_identifier = @cardOut AND t.card_back_at IS NULL AND p.state = 'issued'";

/** Temporary issuances with holder, card label and issuing agent, soonest end first. */
export function readTemporaryIssuances(db: Database.Database, filter: IssuanceFilter): TemporaryIssuanceView[] {
  const rows = db
    .prepare(
      `SELECT t.*, i.first_name || ' ' || i.last_name AS holder_name, p.label AS card_label,
              (SELECT a.first_name || ' ' || a.last_name FROM identities a WHERE a.id = t.issued_by) AS issued_by_name
         FROM temporary_issuances t JOIN identities i ON i.id = t.identity_id JOIN temporary_pool p ON p.identifier = t.card_identifier
        WHERE ${conditions(filter)}
        ORDER BY t.ends_at, t.issued_at`,
    )
    .all(filter) as IssuanceRow[];
  return rows.map((row) => ({
    id: row.id,
    mieId: row.mie_id,
    identityId: row.identity_id,
    holderName: row.holder_name,
    cardIdentifier: row.card_identifier,
    cardLabel: row.card_label,
    reason: row.reason,
    issuedByName: row.issued_by_name ?? 'système',
    issuedAt: row.issued_at,
    endsAt: row.ends_at,
    deskSeconds: row.desk_seconds,
    interactions: row.interactions,
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
    cardBackAt: row.card_back_at,
  }));
}
