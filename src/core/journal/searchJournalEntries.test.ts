import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { bindMie } from '../enrollment/bindMie';
import { changeMieStatus } from '../enrollment/changeMieStatus';
import { openDatabase } from '../store/openDatabase';
import { appendJournalEntry } from './appendJournalEntry';
import { exportJournalLinesCsv, exportJournalLinesPdf } from './exportJournalEntries';
import { searchJournalEntries } from './searchJournalEntries';

let db: Database.Database;
let now = Date.parse('2026-12-01T08:00:00Z');
const clock = { now: () => new Date(now) };
const office = { agentId: 'agent-1', agentName: 'BUREAU Alice', desk: 'bureau-badges' };
const night = { agentId: 'agent-2', agentName: 'NUIT Bruno', desk: 'urgences' };

beforeEach(() => {
  now = Date.parse('2026-12-01T08:00:00Z');
  db = openDatabase({ path: ':memory:' });
  const insert = db.prepare("INSERT INTO identities (id, last_name, first_name, hr_id, status, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', '', '2026-01-01', '2026-01-01')");
  insert.run('p-martin', 'MARTIN', 'Claire', 'H1');
  insert.run('p-durand', 'DURAND', 'Paul', 'H2');
  const martin = bindMie(db, clock, { actor: office, identityId: 'p-martin', kind: 'badge', identifier: 'B-MARTIN' });
  now += 86_400_000;
  changeMieStatus(db, clock, { actor: night, mieId: martin.id, action: 'suspend', reason: 'carte oubliée à la maison' });
  now += 86_400_000;
  bindMie(db, clock, { actor: office, identityId: 'p-durand', kind: 'badge', identifier: 'B-DURAND' });
  appendJournalEntry(db, clock, { actor: office, action: 'personal-data.read', subject: { type: 'identity', id: 'p-durand' } });
});
afterEach(() => db.close());

describe('searchJournalEntries', () => {
  it('finds a person’s acts on the identity and on its means, newest first, with the holder, the card and the reason', () => {
    const page = searchJournalEntries(db, { filters: { person: 'martin claire' } });
    expect(page.total).toBe(2);
    expect(page.entries.map((entry) => [entry.action, entry.personName, entry.identifier, entry.reason])).toEqual([
      ['mie.suspend', 'MARTIN Claire', 'B-MARTIN', 'carte oubliée à la maison'],
      ['mie.bind', 'MARTIN Claire', 'B-MARTIN', null],
    ]);
    expect(searchJournalEntries(db, { filters: { person: 'p-durand' } }).entries.map((entry) => entry.action)).toEqual(['personal-data.read', 'mie.bind']);
    expect(searchJournalEntries(db, { filters: { person: 'personne inconnue' } })).toEqual({ entries: [], total: 0 });
  });

  it('filters by acts, agent (id or name), desk and days, and pages back', () => {
    expect(searchJournalEntries(db, { filters: { actions: ['mie.bind'] } }).total).toBe(2);
    expect(searchJournalEntries(db, { filters: { agent: 'nuit' } }).entries.map((entry) => entry.agentId)).toEqual(['agent-2']);
    expect(searchJournalEntries(db, { filters: { agent: 'agent-1' } }).total).toBe(3);
    expect(searchJournalEntries(db, { filters: { desk: 'urgences' } }).total).toBe(1);
    expect(searchJournalEntries(db, { filters: { from: '2026-12-02', to: '2026-12-02' } }).entries.map((entry) => entry.action)).toEqual(['mie.suspend']);
    const first = searchJournalEntries(db, { limit: 2 });
    const next = searchJournalEntries(db, { limit: 2, beforeSeq: first.entries.at(-1)!.seq });
    expect([...first.entries, ...next.entries].map((entry) => entry.seq)).toEqual([4, 3, 2, 1]);
  });

  it('treats LIKE wildcards in a filter as text', () => {
    expect(searchJournalEntries(db, { filters: { agent: '%' } }).total).toBe(0);
    expect(searchJournalEntries(db, { filters: { person: '_' } }).total).toBe(0);
  });

  it('exports readable acts: CSV with a neutralized formula, PDF', async () => {
    const lines = searchJournalEntries(db, {}).entries;
    const csv = exportJournalLinesCsv([{ ...lines[0]!, reason: '=HYPERLINK("x")' }, ...lines.slice(1)], 'fr');
    expect(csv.split('\r\n')[0]).toBe('\ufeffn°,date,acte,code,agent,poste,personne,moyen,motif');
    expect(csv).toContain('Moyen suspendu,mie.suspend,NUIT Bruno,urgences,MARTIN Claire,B-MARTIN,carte oubliée à la maison');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    // When, in the hospital's time and the language of the export: never an ISO instant.
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(csv.split('\r\n')[1]).toMatch(/^\d+,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},/);
    expect(exportJournalLinesCsv(lines, 'en').split('\r\n')[1]).toMatch(/^\d+,"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}",/);
    const pdf = await exportJournalLinesPdf(lines, { filters: { person: 'martin' }, total: lines.length, generatedAt: '2026-12-03T09:00:00Z', establishment: 'CHU', language: 'fr' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(pdfText).toContain('03/12/2026 10:00'); // generated at 09:00 UTC, 10:00 in Paris
    expect(pdfText).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
  });
});
