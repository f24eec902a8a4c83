import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { appendJournalEntry } from './appendJournalEntry';
import { readJournalEntries } from './readJournalEntries';
import { verifyJournal } from './verifyJournal';

const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
const actor = { agentId: 'agent-1', agentName: 'Agnès MÉNARD', desk: 'guichet-1' };

/** What an attacker with the sqlite3 shell does first: the triggers only stop honest code. */
function dropGuards(db: Database.Database): void {
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
}

describe('verifyJournal', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = openDatabase({ path: ':memory:' });
    for (const action of ['session.open', 'mie.bind', 'mie.suspend', 'mie.resume']) {
      appendJournalEntry(db, clock, { actor, action, subject: { type: 'mie', id: 'm-1' }, before: { status: 'a' }, after: { status: 'b' } });
    }
  });
  afterEach(() => db.close());

  it('accepts an intact chain and an empty journal', () => {
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 4 });
    const empty = openDatabase({ path: ':memory:' });
    expect(verifyJournal(empty)).toEqual({ ok: true, entries: 0 });
    empty.close();
  });

  it('chains each entry to the previous hash', () => {
    const entries = readJournalEntries(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(readJournalEntries(db, { newestFirst: true, limit: 1 })[0]!.action).toBe('mie.resume');
  });

  it('refuses edits through SQL while the guards are in place', () => {
    expect(() => db.prepare("UPDATE journal SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('names the first altered entry', () => {
    dropGuards(db);
    db.prepare(`UPDATE journal SET after_json = '{"status":"x"}' WHERE seq = 3`).run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadEntry: 3, reason: 'altered' });
  });

  it('names a deleted entry', () => {
    dropGuards(db);
    db.prepare('DELETE FROM journal WHERE seq = 2').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadEntry: 2, reason: 'missing' });
  });

  it('detects entries swapped in place', () => {
    dropGuards(db);
    const [, second, third] = readJournalEntries(db);
    const swap = db.prepare('UPDATE journal SET action = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    swap.run(third!.action, third!.prevHash, third!.hash, 2);
    swap.run(second!.action, second!.prevHash, second!.hash, 3);
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadEntry: 2 });
  });

  it('detects a cut-off tail through the head', () => {
    dropGuards(db);
    db.prepare('DELETE FROM journal WHERE seq = 4').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadEntry: 4, reason: 'truncated' });
  });

  it('rolls the entry back with the act that failed', () => {
    expect(() =>
      db.transaction(() => {
        appendJournalEntry(db, clock, { actor, action: 'mie.bind' });
        throw new Error('binding refused');
      })(),
    ).toThrow('binding refused');
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 4 });
  });
});
