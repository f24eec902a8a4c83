import type Database from 'better-sqlite3';
import type { NightDeskCandidate } from '../../shared/api/nightdesk.contract';
import { tokenizeForSearch } from '../../shared/text/normalizeForSearch';
import { searchPeople } from '../directory/searchPeople';
import { readRegisterActivities } from '../import/readRegisterActivities';
import { readMies } from '../enrollment/readMies';

/** A directory person as a night-desk candidate, with their active badge (forgotten-card case). */
export function toPersonCandidate(db: Database.Database, identityId: string): NightDeskCandidate | null {
  const row = db.prepare('SELECT id, last_name, first_name, birth_date, rpps, profession, status FROM identities WHERE id = ?').get(identityId) as
    | { id: string; last_name: string; first_name: string; birth_date: string | null; rpps: string | null; profession: string | null; status: NightDeskCandidate['status'] }
    | undefined;
  if (row === undefined) return null;
  const badge = readMies(db, { identityId }).find((mie) => mie.kind === 'badge' && mie.status === 'active');
  return {
    source: 'person',
    identityId: row.id,
    rpps: row.rpps,
    lastName: row.last_name,
    firstName: row.first_name,
    birthDate: row.birth_date,
    profession: row.profession,
    status: row.status,
    activeBadge: badge === undefined ? null : { mieId: badge.id, identifier: badge.identifier },
  };
}

/** The columns of a register record a night-desk candidate shows, for a SELECT. */
export const registerCandidateColumns = 'r.rpps, r.last_name, r.first_name, r.raw_json';

export interface RegisterCandidateRow {
  rpps: string;
  last_name: string | null;
  first_name: string | null;
  raw_json: string;
}

/** A register record nobody in the directory holds yet: an interim or visiting professional. */
export function toRegisterCandidate(row: RegisterCandidateRow): NightDeskCandidate {
  return {
    source: 'register',
    identityId: null,
    rpps: row.rpps,
    lastName: row.last_name ?? '',
    firstName: row.first_name ?? '',
    birthDate: null,
    profession: readRegisterActivities(row.raw_json)[0]?.professionLabel || null,
    status: null,
    activeBadge: null,
  };
}

/**
 * Who the night desk may be looking for: people of the directory (with their active badge, for a
 * forgotten card), then professionals found only in the RPPS register extract.
 */
export function searchNightDeskCandidates(db: Database.Database, { query, limit }: { query: string; limit: number }): NightDeskCandidate[] {
  const people = searchPeople(db, { query, limit }).map((person) => toPersonCandidate(db, person.identityId)!);
  const tokens = tokenizeForSearch(query).slice(0, 8);
  if (tokens.length === 0 || people.length >= limit) return people;
  const conditions = tokens.map(() => "(' ' || r.search_text) LIKE ? ESCAPE '\\'");
  const register = db
    .prepare(
      `SELECT ${registerCandidateColumns} FROM source_records r JOIN sources s ON s.id = r.source_id
        WHERE s.role = 'register' AND r.present = 1 AND r.rpps IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM identities i WHERE i.rpps = r.rpps)
          AND ${conditions.join(' AND ')}
        ORDER BY r.last_name, r.first_name LIMIT ?`,
    )
    .all(...tokens.map((token) => `% ${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), limit - people.length) as RegisterCandidateRow[];
  return [...people, ...register.map(toRegisterCandidate)];
}
