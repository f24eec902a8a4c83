import type Database from 'better-sqlite3';
import { readJournalEntries } from './readJournalEntries';

const header = ['seq', 'at', 'agent_id', 'agent_name', 'desk', 'action', 'subject_type', 'subject_id', 'before', 'after', 'prev_hash', 'hash'];

/**
 * One CSV cell: quoted when needed (RFC 4180); a leading = + - @ is neutralized with a quote so a
 * spreadsheet never runs a name typed at the desk as a formula.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole journal as CSV (UTF-8, comma-separated, CRLF), in chain order with the hashes. */
export function exportJournalCsv(db: Database.Database): string {
  const lines = [header.join(',')];
  for (const e of readJournalEntries(db)) {
    lines.push(
      [e.seq, e.at, e.agentId, e.agentName, e.desk, e.action, e.subjectType, e.subjectId, e.beforeJson, e.afterJson, e.prevHash, e.hash].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
