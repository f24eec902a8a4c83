import type Database from 'better-sqlite3';
import type { JournalFilters, JournalLine, JournalPage } from '../../shared/api/journal.contract';

interface Row {
  seq: number;
  at: string;
  agentId: string | null;
  agentName: string | null;
  desk: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  afterJson: string | null;
  personId: string | null;
  personName: string | null;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The people a "person" filter names: an identity id as is, else names containing the text (at most 200). */
function matchPeople(db: Database.Database, person: string): string[] {
  if (db.prepare('SELECT 1 FROM identities WHERE id = ?').get(person) !== undefined) return [person];
  const words = person.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const where = words.map(() => "(lower(last_name) || ' ' || lower(first_name) || ' ' || COALESCE(hr_id, '') || ' ' || COALESCE(rpps, '')) LIKE ? ESCAPE '\\'").join(' AND ');
  return db.prepare(`SELECT id FROM identities WHERE ${where} LIMIT 200`).pluck().all(...words.map(likePattern)) as string[];
}

/**
 * The journal as an auditor asks it: newest first, by agent (id or name), person (id or name:
 * acts on the identity and on its means), acts, days (Europe/Paris days are close enough to UTC
 * days for a filter; the entry shows its exact time) and desk. Pages go back with `beforeSeq`.
 */
export function searchJournalEntries(db: Database.Database, { filters = {}, limit = 100, beforeSeq }: { filters?: JournalFilters; limit?: number; beforeSeq?: number | undefined }): JournalPage {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.actions !== undefined && filters.actions.length > 0) {
    where.push(`j.action IN (${filters.actions.map(() => '?').join(', ')})`);
    params.push(...filters.actions);
  }
  if (filters.agent !== undefined && filters.agent !== '') {
    where.push("(j.agent_id = ? OR lower(j.agent_name) LIKE ? ESCAPE '\\')");
    params.push(filters.agent, likePattern(filters.agent.toLowerCase()));
  }
  if (filters.desk !== undefined && filters.desk !== '') {
    where.push("lower(j.desk) LIKE ? ESCAPE '\\'");
    params.push(likePattern(filters.desk.toLowerCase()));
  }
  if (filters.from !== undefined) {
    where.push('j.at >= ?');
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.push('j.at < ?');
    params.push(nextDay(filters.to));
  }
  if (filters.person !== undefined && filters.person !== '') {
    const people = matchPeople(db, filters.person);
    if (people.length === 0) return { entries: [], total: 0 };
    const list = people.map(() => '?').join(', ');
    where.push(`((j.subject_type = 'identity' AND j.subject_id IN (${list})) OR (j.subject_type = 'mie' AND j.subject_id IN (SELECT id FROM mie WHERE identity_id IN (${list}))))`);
    params.push(...people, ...people);
  }
  const filtered = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT COUNT(*) FROM journal j ${filtered}`).pluck().get(...params) as number;
  const page = beforeSeq === undefined ? filtered : `${filtered === '' ? 'WHERE' : `${filtered} AND`} j.seq < ?`;
  const rows = db
    .prepare(
      `SELECT j.seq, j.at, j.agent_id AS agentId, j.agent_name AS agentName, j.desk, j.action, j.subject_type AS subjectType, j.subject_id AS subjectId, j.after_json AS afterJson,
              i.id AS personId, i.last_name || ' ' || i.first_name AS personName
         FROM journal j
         LEFT JOIN mie m ON j.subject_type = 'mie' AND m.id = j.subject_id
         LEFT JOIN identities i ON i.id = CASE WHEN j.subject_type = 'identity' THEN j.subject_id ELSE m.identity_id END
         ${page} ORDER BY j.seq DESC LIMIT ?`,
    )
    .all(...params, ...(beforeSeq === undefined ? [] : [beforeSeq]), limit) as Row[];
  return { entries: rows.map(toLine), total };
}

function toLine(row: Row): JournalLine {
  let after: Record<string, unknown>;
  try {
    after = row.afterJson === null ? {} : (JSON.parse(row.afterJson) as Record<string, unknown>);
  } catch {
    after = {};
  }
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    seq: row.seq,
    at: row.at,
    agentId: row.agentId,
    agentName: row.agentName,
    desk: row.desk,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    personId: row.personId,
    personName: row.personName ?? text(after.holder),
    identifier: text(after.identifier) ?? text(after.value) ?? text(after.card),
    reason: text(after.reason),
  };
}
