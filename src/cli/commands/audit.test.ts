import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJournalEntry } from '../../core/journal/appendJournalEntry';
import { openDatabase } from '../../core/store/openDatabase';
import { command } from './audit';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('audit command', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guichet-audit-'));
    path = join(dir, 'guichet.sqlite');
    const db = openDatabase({ path });
    const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
    for (const action of ['session.open', 'mie.bind', 'mie.suspend']) appendJournalEntry(db, clock, { actor: { agentId: 'a', agentName: 'A', desk: 'd' }, action });
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints {"ok":true,"entries":N} on an intact journal', async () => {
    const { io, out } = capture();
    expect(await command.run(['verify', '--db', path], io)).toBe(0);
    expect(out).toEqual(['{"ok":true,"entries":3}']);
  });

  it('exits non-zero naming the first bad entry after an edit', async () => {
    const db = openDatabase({ path });
    db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET agent_name = 'B' WHERE seq = 2;");
    db.close();
    const { io, out, err } = capture();
    expect(await command.run(['verify', '--db', path], io)).toBe(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ ok: false, firstBadEntry: 2, reason: 'altered' });
    expect(err[0]).toContain('entry 2');
  });

  it('exports CSV to a file and refuses a missing database or an unknown action', async () => {
    const outFile = join(dir, 'journal.csv');
    expect(await command.run(['export', '--db', path, '--out', outFile], capture().io)).toBe(0);
    expect(readFileSync(outFile, 'utf8').split('\r\n')).toHaveLength(5);
    await expect(command.run(['verify', '--db', join(dir, 'none.sqlite')], capture().io)).rejects.toThrow(/no such file/);
    await expect(command.run(['check', '--db', path], capture().io)).rejects.toThrow(/Expected "audit verify"/);
  });
});
