import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendJournalEntry } from '../../journal/appendJournalEntry';
import { hashJournalEntry } from '../../journal/hashJournalEntry';
import { journalKeyRegistry } from '../../journal/journalKeyRegistry';
import { genesisHash } from '../../journal/journalTypes';
import { sealJournal } from '../../journal/sealJournal';
import { verifyJournal } from '../../journal/verifyJournal';
import { openDatabase } from '../openDatabase';
import { migrations } from './index';

const clock = { now: () => new Date('2026-12-03T08:00:00Z') };

describe('migration 0300 add-journal-macs', () => {
  it('keeps entries written before verifying, seals them once with the key, and keeps the journal append-only', () => {
    const db = openDatabase({ path: ':memory:', targetVersion: 200 });
    // Entries as the desk wrote them before 0300: no mac column.
    let prevHash = genesisHash;
    for (let seq = 1; seq <= 3; seq += 1) {
      const content = { seq, at: `2026-11-0${seq}T08:00:00.000Z`, agentId: 'a', agentName: 'Agnès', desk: 'g', action: 'mie.bind', subjectType: 'mie', subjectId: `m${seq}`, beforeJson: null, afterJson: '{}', prevHash };
      const hash = hashJournalEntry(content);
      db.prepare(
        `INSERT INTO journal (seq, at, agent_id, agent_name, desk, action, subject_type, subject_id, before_json, after_json, prev_hash, hash)
         VALUES (@seq, @at, @agentId, @agentName, @desk, @action, @subjectType, @subjectId, @beforeJson, @afterJson, @prevHash, @hash)`,
      ).run({ ...content, hash });
      db.prepare('INSERT INTO journal_head (id, entries, last_hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, last_hash = excluded.last_hash').run(seq, hash);
      prevHash = hash;
    }

    for (const migration of migrations.filter((m) => m.version === 300)) migration.up(db);
    expect(verifyJournal(db, { key: null })).toEqual({ ok: true, entries: 3 });
    const key = randomBytes(32);
    expect(verifyJournal(db, { key })).toMatchObject({ ok: false, reason: 'unsigned', firstBadEntry: 1 });

    expect(sealJournal(db, key, { anchored: false })).toBe(3);
    expect(verifyJournal(db, { key })).toEqual({ ok: true, entries: 3 });
    journalKeyRegistry.register(db, key);
    appendJournalEntry(db, clock, { actor: { agentId: 'a', agentName: 'Agnès', desk: 'g' }, action: 'mie.suspend' });
    expect(verifyJournal(db, { key })).toEqual({ ok: true, entries: 4 });

    // Append-only still: no edit, no re-sealing of a signed entry, no delete.
    expect(() => db.prepare("UPDATE journal SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE journal SET mac = 'x' WHERE seq = 1").run()).toThrow(/keeps its mac/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it('never seals once an anchor exists (an unsigned entry is then tampering), nor a broken chain', () => {
    const db = openDatabase({ path: ':memory:' });
    appendJournalEntry(db, clock, { actor: { agentId: null, agentName: null, desk: 'g' }, action: 'mie.bind' });
    const key = randomBytes(32);
    expect(sealJournal(db, key, { anchored: true })).toBe(0);
    db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET action = 'x'");
    expect(sealJournal(db, key, { anchored: false })).toBe(0);
    expect(verifyJournal(db, { key })).toMatchObject({ ok: false });
    db.close();
  });
});
