import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { appendJournalEntry } from './appendJournalEntry';
import { hashJournalEntry } from './hashJournalEntry';
import type { JournalAnchor } from './JournalAnchor';
import { journalKeyRegistry } from './journalKeyRegistry';
import type { JournalEntry } from './journalTypes';
import { macJournalValue } from './macJournalValue';
import { journalColumns } from './readJournalEntries';
import { verifyJournal, type JournalFailureReason } from './verifyJournal';
import { readJournalAnchor } from './writeJournalAnchor';

/**
 * The 22 tamperings of issue 15 (row 5), done as someone holding the database file but not the
 * journal key would: triggers dropped, rows edited, deleted, replaced or reordered, plain hashes
 * recomputed, the head rebuilt. The journal has 24 entries, anchored outside the store at 10 and
 * 20 (the last 4 are covered by the HMACs alone). Each must fail `audit verify`.
 */
let db: Database.Database;
let key: Buffer;
let anchors: JournalAnchor[];
let minute = 0;
const clock = { now: () => new Date(Date.UTC(2026, 11, 3, 8, minute++)) };
const actor = { agentId: 'agent-1', agentName: 'Agnès MÉNARD', desk: 'guichet-1' };

function append(count: number): void {
  for (let index = 0; index < count; index += 1) {
    appendJournalEntry(db, clock, { actor, action: index % 2 === 0 ? 'mie.bind' : 'mie.suspend', subject: { type: 'mie', id: `m-${index}` }, before: { status: 'a' }, after: { status: 'b', index } });
  }
}

function dropGuards(): void {
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; DROP TRIGGER journal_head_no_delete; DROP TRIGGER journal_mac_set_once;');
}

const rows = () => db.prepare(`SELECT ${journalColumns}, mac FROM journal ORDER BY seq`).all() as (JournalEntry & { mac: string | null })[];

/** What a careful forger does after an edit: every plain hash from `fromSeq` on, and the head, recomputed. */
function recomputePlainChain(fromSeq = 1): void {
  let previous: string | null = null;
  const update = db.prepare('UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows()) {
    if (row.seq >= fromSeq && previous !== null) row.prevHash = previous;
    if (row.seq >= fromSeq) {
      const { hash: _hash, mac: _mac, ...content } = row;
      row.hash = hashJournalEntry(content);
      update.run(row.prevHash, row.hash, row.seq);
    }
    previous = row.hash;
  }
  const last = rows().at(-1);
  db.prepare('UPDATE journal_head SET entries = ?, last_hash = ? WHERE id = 1').run(last?.seq ?? 0, last?.hash ?? '0'.repeat(64));
}

function insertOrReplace(entry: JournalEntry & { mac: string | null }): void {
  db.prepare(
    `INSERT OR REPLACE INTO journal (seq, at, agent_id, agent_name, desk, action, subject_type, subject_id, before_json, after_json, prev_hash, hash, mac)
     VALUES (@seq, @at, @agentId, @agentName, @desk, @action, @subjectType, @subjectId, @beforeJson, @afterJson, @prevHash, @hash, @mac)`,
  ).run(entry);
}

const row = (seq: number) => rows().find((candidate) => candidate.seq === seq)!;
/** The head HMAC the desk wrote when the journal had 10 entries: what an old backup of the store holds. */
let headMacAt10 = '';
let missedByPlainChain = 0;

beforeEach(() => {
  db = openDatabase({ path: ':memory:' });
  key = randomBytes(32);
  journalKeyRegistry.register(db, key);
  append(10);
  anchors = [readJournalAnchor(db, clock)];
  headMacAt10 = macJournalValue(key, 'head', [10, anchors[0]!.lastHash]);
  append(10);
  anchors.push(readJournalAnchor(db, clock));
  append(4);
});
afterEach(() => db.close());

const tamperings: [name: string, tamper: () => void, expected: JournalFailureReason[]][] = [
  ['edit an entry’s after_json in place', () => db.prepare("UPDATE journal SET after_json = '{\"status\":\"z\"}' WHERE seq = 5").run(), ['altered']],
  ['edit the first entry’s agent', () => db.prepare("UPDATE journal SET agent_name = 'Quelqu’un' WHERE seq = 1").run(), ['altered']],
  ['edit the last entry’s time', () => db.prepare("UPDATE journal SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 24").run(), ['altered']],
  ['edit an action and recompute every plain hash and the head (full rewrite)', () => (db.prepare("UPDATE journal SET action = 'mie.resume' WHERE seq = 12").run(), recomputePlainChain(12)), ['forged']],
  ['INSERT OR REPLACE an entry with its own plain hash recomputed', () => {
    const edited = { ...row(7), afterJson: '{"status":"z"}' };
    const { hash: _h, mac: _m, ...content } = edited;
    insertOrReplace({ ...edited, hash: hashJournalEntry(content) });
  }, ['forged', 'out-of-order']],
  ['INSERT OR REPLACE an entry keeping its MAC, then recompute the chain', () => (insertOrReplace({ ...row(7), afterJson: '{"status":"z"}' }), recomputePlainChain(7)), ['forged']],
  ['INSERT OR REPLACE an entry unchanged but without its MAC', () => insertOrReplace({ ...row(7), mac: null }), ['unsigned']],
  ['delete an entry in the middle', () => db.prepare('DELETE FROM journal WHERE seq = 9').run(), ['missing']],
  ['delete the first entry', () => db.prepare('DELETE FROM journal WHERE seq = 1').run(), ['missing']],
  ['delete the last entry, head untouched', () => db.prepare('DELETE FROM journal WHERE seq = 24').run(), ['truncated']],
  ['cut the last 50 % and fix journal_head', () => {
    db.prepare('DELETE FROM journal WHERE seq > 12').run();
    db.prepare('UPDATE journal_head SET entries = 12, last_hash = ? WHERE id = 1').run(row(12).hash);
  }, ['forged', 'truncated']],
  ['cut the 2 entries written since the last anchor and fix journal_head', () => {
    db.prepare('DELETE FROM journal WHERE seq > 22').run();
    db.prepare('UPDATE journal_head SET entries = 22, last_hash = ? WHERE id = 1').run(row(22).hash);
  }, ['forged']],
  ['delete every entry and the head', () => db.exec('DELETE FROM journal; DELETE FROM journal_head;'), ['truncated']],
  ['restore an older copy of the journal (rollback to 10 entries, its own valid head)', () => {
    const head = db.prepare('SELECT entries FROM journal_head').get() as { entries: number };
    expect(head.entries).toBe(24);
    db.prepare('DELETE FROM journal WHERE seq > 10').run();
    db.prepare('UPDATE journal_head SET entries = 10, last_hash = ?, mac = ? WHERE id = 1').run(anchors[0]!.lastHash, headMacAt10);
  }, ['truncated']],
  ['swap two entries’ sequence numbers', () => {
    db.prepare('UPDATE journal SET seq = -3 WHERE seq = 3').run();
    db.prepare('UPDATE journal SET seq = 3 WHERE seq = 4').run();
    db.prepare('UPDATE journal SET seq = 4 WHERE seq = -3').run();
  }, ['altered', 'out-of-order']],
  ['reorder two entries and recompute the plain chain', () => {
    const [third, fourth] = [row(3), row(4)];
    insertOrReplace({ ...fourth, seq: 3 });
    insertOrReplace({ ...third, seq: 4 });
    recomputePlainChain(3);
  }, ['forged']],
  ['edit the head’s entry count only', () => db.prepare('UPDATE journal_head SET entries = 23').run(), ['truncated']],
  ['edit the head’s last hash only', () => db.prepare("UPDATE journal_head SET last_hash = ?").run('f'.repeat(64)), ['truncated']],
  ['append a forged entry with a correct plain hash and a fixed head', () => {
    const last = row(24);
    const forged = { ...last, seq: 25, action: 'mie.resume', prevHash: last.hash, mac: null };
    const { hash: _h, mac: _m, ...content } = forged;
    insertOrReplace({ ...forged, hash: hashJournalEntry(content) });
    recomputePlainChain(25);
  }, ['unsigned']],
  ['insert a forged entry in the middle, renumber and recompute', () => {
    for (const entry of rows().reverse()) if (entry.seq >= 15) insertOrReplace({ ...entry, seq: entry.seq + 1 });
    insertOrReplace({ ...row(14), seq: 15, action: 'mie.resume' });
    recomputePlainChain(15);
  }, ['forged']],
  ['strip every MAC (entries and head)', () => db.exec('UPDATE journal SET mac = NULL; UPDATE journal_head SET mac = NULL;'), ['unsigned']],
  ['forge an anchor over a rewritten journal', () => {
    db.prepare("UPDATE journal SET action = 'mie.resume' WHERE seq = 20").run();
    recomputePlainChain(20);
    anchors[1] = { ...anchors[1]!, lastHash: row(20).hash };
  }, ['anchor-forged']],
];

describe('journal tampering (issue 15, row 5)', () => {
  it('has 22 distinct cases, and the untouched journal verifies', () => {
    expect(new Set(tamperings.map(([name]) => name)).size).toBe(22);
    expect(verifyJournal(db, { key, anchors })).toEqual({ ok: true, entries: 24 });
  });

  it.each(tamperings)('detects: %s', (_name, tamper, expected) => {
    dropGuards();
    tamper();
    const result = verifyJournal(db, { key, anchors });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(expected).toContain(result.reason);
  });

  it.each(tamperings)('the plain hash chain alone (before the key and anchors): %s', (_name, tamper) => {
    dropGuards();
    tamper();
    missedByPlainChain += verifyJournal(db, { key: null }).ok ? 1 : 0;
  });

  it('the plain chain alone misses 12 of these 22 (the issue measured 8 of its own 22); with the key and anchors none is missed', () => {
    expect(missedByPlainChain).toBe(12);
  });

  it('anchors alone (no key at hand) still catch a rewrite before the last anchor and a cut below it', () => {
    dropGuards();
    db.prepare("UPDATE journal SET action = 'mie.resume' WHERE seq = 15").run();
    recomputePlainChain(15);
    expect(verifyJournal(db, { key: null })).toEqual({ ok: true, entries: 24 });
    expect(verifyJournal(db, { key: null, anchors })).toMatchObject({ ok: false, reason: 'anchor-mismatch', firstBadEntry: 20 });
  });
});
