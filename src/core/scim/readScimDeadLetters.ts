import type Database from 'better-sqlite3';

export interface ScimDeadLetter {
  id: number;
  identityId: string;
  holderName: string;
  value: string;
  act: string;
  status: number | null;
  error: string | null;
  createdAt: string;
}

/** Acts the IAM refused for good (conflicts, invalid data): each waits for an admin in the work queue. */
export function readScimDeadLetters(db: Database.Database): ScimDeadLetter[] {
  return (
    db
      .prepare(
        `SELECT o.id, o.identity_id AS identityId, COALESCE(i.last_name || ' ' || i.first_name, o.identity_id) AS holderName, json_extract(o.means_json, '$.value') AS value,
                o.act, o.last_status AS status, o.last_error AS error, o.created_at AS createdAt
           FROM scim_outbox o LEFT JOIN identities i ON i.id = o.identity_id
          WHERE o.state = 'dead' ORDER BY o.id`,
      )
      .all() as ScimDeadLetter[]
  );
}
