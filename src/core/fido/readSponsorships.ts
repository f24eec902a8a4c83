import type Database from 'better-sqlite3';
import type { SponsorshipView } from '../../shared/api/fido.contract';

/** Sponsorships where the person is the sponsor or the enrollee (or one by id), newest first. */
export function readSponsorships(db: Database.Database, filter: { identityId: string } | { sponsorshipId: string }): SponsorshipView[] {
  const where = 'identityId' in filter ? 's.sponsor_id = @value OR s.enrollee_id = @value' : 's.id = @value';
  const value = 'identityId' in filter ? filter.identityId : filter.sponsorshipId;
  return (
    db
      .prepare(
        `SELECT s.id, s.sponsor_id AS sponsorId, sp.first_name || ' ' || sp.last_name AS sponsorName,
                s.enrollee_id AS enrolleeId, en.first_name || ' ' || en.last_name AS enrolleeName, s.agent_id AS agentId,
                s.document_type AS documentType, s.document_last_chars AS documentLastChars, s.status,
                s.created_at AS createdAt, s.revoked_at AS revokedAt
           FROM fido_sponsorships s JOIN identities sp ON sp.id = s.sponsor_id JOIN identities en ON en.id = s.enrollee_id
          WHERE ${where} ORDER BY s.created_at DESC`,
      )
      .all({ value }) as SponsorshipView[]
  );
}
