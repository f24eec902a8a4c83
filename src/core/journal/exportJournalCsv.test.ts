import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { appendJournalEntry } from './appendJournalEntry';
import { exportJournalCsv } from './exportJournalCsv';

describe('exportJournalCsv', () => {
  it('exports every entry with its hashes, quoting and defusing formulas', () => {
    const db = openDatabase({ path: ':memory:' });
    const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
    appendJournalEntry(db, clock, { actor: { agentId: 'a', agentName: '=HYPERLINK("x")', desk: 'guichet, 1' }, action: 'mie.bind', after: { holder: 'Léa "Lou" MARTIN' } });
    const rows = parse(exportJournalCsv(db), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seq: '1', agent_name: `'=HYPERLINK("x")`, desk: 'guichet, 1', action: 'mie.bind' });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ holder: 'Léa "Lou" MARTIN' });
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });
});
