import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendJournalEntry } from '../../core/journal/appendJournalEntry';
import { openDatabase } from '../../core/store/openDatabase';
import { openStoreFile } from '../../core/store/openStoreFile';
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

  it('prints the journal check and the leaver invariant of an intact store', async () => {
    const { io, out } = capture();
    expect(await command.run(['verify', '--db', path], io)).toBe(0);
    expect(out.map((line) => JSON.parse(line) as unknown)).toEqual([{ ok: true, entries: 3, leavers: { ok: true, violations: [], held: 0 } }]);
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

describe('audit verify with the journal key and anchors', () => {
  it('checks HMACs with the key beside the store and the anchors of --anchor, and catches a cut with a rebuilt head', async () => {
    const { mkdtempSync: mkdtemp, rmSync: rm, copyFileSync } = await import('node:fs');
    const { openDeskCore } = await import('../../core/desk/openDeskCore');
    const dir = mkdtemp(join(tmpdir(), 'guichet-audit-anchor-'));
    try {
      const core = openDeskCore({ dataDir: dir, appVersion: 'test', transport: 'cli', logger: { info: () => {}, error: () => {} } });
      for (const action of ['session.open', 'mie.bind', 'mie.suspend', 'mie.resume']) appendJournalEntry(core.db, core.clock, { actor: { agentId: 'a', agentName: 'A', desk: 'd' }, action });
      core.close();
      const path = join(dir, 'guichet.sqlite');
      const anchorCopy = join(dir, 'exported.anchors');
      copyFileSync(`${path}.anchors`, anchorCopy);
      const intact = capture();
      expect(await command.run(['verify', '--db', path, '--anchor', anchorCopy], intact.io)).toBe(0);
      expect(JSON.parse(intact.out[0]!)).toEqual({ ok: true, entries: 4, leavers: { ok: true, violations: [], held: 0 } });
      expect(intact.err).toEqual([]);

      const db = openStoreFile({ path });
      db.exec('DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq > 2;');
      db.prepare('UPDATE journal_head SET entries = 2, last_hash = (SELECT hash FROM journal WHERE seq = 2)').run();
      db.close();
      const cut = capture();
      expect(await command.run(['verify', '--db', path, '--anchor', anchorCopy], cut.io)).toBe(1);
      expect(JSON.parse(cut.out[0]!)).toMatchObject({ ok: false });
      await expect(command.run(['verify', '--db', path, '--anchor', join(dir, 'none')], capture().io)).rejects.toThrow(/no such file/);
    } finally {
      rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
