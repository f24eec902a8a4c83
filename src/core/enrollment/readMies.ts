import type Database from 'better-sqlite3';
import type { MieKind, MieStatus, MieView } from '../../shared/api/enrollment.contract';

interface MieRow {
  id: string;
  kind: MieKind;
  identifier: string;
  identity_id: string;
  holder_name: string;
  status: MieStatus;
  valid_from: string;
  valid_until: string | null;
  label: string | null;
  card_type: string | null;
  additional: number;
  replaces_mie_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MieFilter {
  mieId?: string;
  identityId?: string;
  /** Every MIE ever bound with this identifier (of this kind), newest first. */
  card?: { kind: MieKind; identifier: string };
}

/** MIE with their holder's name, newest first. */
export function readMies(db: Database.Database, filter: MieFilter): MieView[] {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (filter.mieId !== undefined) {
    conditions.push('m.id = @mieId');
    params.mieId = filter.mieId;
  }
  if (filter.identityId !== undefined) {
    conditions.push('m.identity_id = @identityId');
    params.identityId = filter.identityId;
  }
  if (filter.card !== undefined) {
    conditions.push('m.kind = @kind AND m.identifier = @identifier');
    params.kind = filter.card.kind;
    params.identifier = filter.card.identifier;
  }
  if (conditions.length === 0) throw new Error('Expected a filter (mieId, identityId or card) for readMies');
  const rows = db
    .prepare(
      `SELECT m.*, i.first_name || ' ' || i.last_name AS holder_name
         FROM mie m JOIN identities i ON i.id = m.identity_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY m.created_at DESC, m.rowid DESC`,
    )
    .all(params) as MieRow[];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    identifier: row.identifier,
    identityId: row.identity_id,
    holderName: row.holder_name,
    status: row.status,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    label: row.label,
    cardType: row.card_type,
    additional: row.additional === 1,
    replacesMieId: row.replaces_mie_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
