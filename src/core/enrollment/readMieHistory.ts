import type Database from 'better-sqlite3';
import type { MieHistoryView } from '../../shared/api/enrollment.contract';

/** The status changes of one MIE, or of every MIE of one person, oldest first. */
export function readMieHistory(db: Database.Database, of: { mieId: string } | { identityId: string }): MieHistoryView[] {
  const [column, value] = 'mieId' in of ? ['h.mie_id', of.mieId] : ['h.identity_id', of.identityId];
  return db
    .prepare(
      `SELECT h.id, h.mie_id AS mieId, m.kind AS mieKind, m.identifier AS mieIdentifier, h.action,
              h.from_status AS fromStatus, h.to_status AS toStatus, h.reason,
              COALESCE(a.first_name || ' ' || a.last_name, h.agent_id) AS agentName, h.desk, h.at
         FROM mie_history h
         JOIN mie m ON m.id = h.mie_id
         LEFT JOIN identities a ON a.id = h.agent_id
        WHERE ${column} = ?
        ORDER BY h.id`,
    )
    .all(value) as MieHistoryView[];
}
