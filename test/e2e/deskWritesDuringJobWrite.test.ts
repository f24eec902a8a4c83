import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { storeKeyOf } from '../../src/core/store/storeKeyOf';
import { projectRoot } from '../support/startTestDesk';

/**
 * An import or a reconciliation writes its results on a job thread, holding the store's write lock
 * for a moment (seconds at the scale of the national register). An agent who binds a card then
 * must either get it bound once the job lets go, or be told in French that nothing was saved —
 * never an internal error, never half an act. Another process holds the lock as a job does.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-desk-write-lock-'));
const setup = { connectionId: 'setup', transport: 'browser' as const };
let core: DeskCore;
let people: { id: string }[];

beforeAll(() => {
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
  const office = core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' ORDER BY identity_id LIMIT 1").get() as { id: string };
  core.sessions.open('setup', { agentIdentityId: office.id, method: 'cps' });
  people = core.db
    .prepare("SELECT id FROM identities i WHERE status = 'active' AND rpps IS NOT NULL AND hr_end_date IS NULL AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id) ORDER BY id LIMIT 2")
    .all() as { id: string }[];
  expect(people).toHaveLength(2);
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the other process and resolves once it holds the lock; `released` resolves when it lets go. */
async function holdWriteLock(milliseconds: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const key = storeKeyOf(core.db);
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'test', 'support', 'holdStoreWriteLock.ts'), join(dataDir, 'guichet.sqlite'), key === null ? '-' : key.toString('hex'), String(milliseconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let onReleased = () => {};
  const released = new Promise<void>((resolve) => (onReleased = resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked')) resolve();
      if (output.includes('released')) onReleased();
    });
    child.on('exit', (code) => (code === 0 ? onReleased() : reject(new Error(`the lock holder exited with ${code}`))));
  });
  return { child, released };
}

async function bind(identityId: string) {
  await core.cards.insertSimulatedCard(simulatedReaderNames.contact, `cps:${identityId}`);
  try {
    return await core.dispatch('bindCard', { identityId, reader: simulatedReaderNames.contact }, setup);
  } finally {
    core.cards.removeSimulatedCard(simulatedReaderNames.contact);
  }
}

const meansOf = (identityId: string) => core.db.prepare('SELECT kind, status FROM mie WHERE identity_id = ?').all(identityId);
const journalEntries = () => (core.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;

describe('a desk act while a job holds the store', () => {
  it('waits for the job to let go, then binds the card and journals it', async () => {
    const person = people[0]!.id;
    const journalBefore = journalEntries();
    const { released } = await holdWriteLock(1500);
    const started = performance.now();
    const bound = await bind(person);
    expect(bound, JSON.stringify(bound)).toMatchObject({ ok: true, value: { identityId: person, status: 'active' } });
    expect(performance.now() - started).toBeGreaterThan(1000);
    await released;
    expect(meansOf(person)).toEqual([{ kind: 'cps', status: 'active' }]);
    expect(journalEntries()).toBeGreaterThan(journalBefore);
  }, 30_000);

  it('says in French that nothing was saved when the job holds on beyond the wait, and binds once it is done', async () => {
    const person = people[1]!.id;
    const journalBefore = journalEntries();
    const { released } = await holdWriteLock(6500);
    const refused = await bind(person);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { method: 'bindCard', reason: 'store-busy' } } });
    expect(refused.ok === false && refused.error.message.fr).toMatch(/rien n’a été enregistré\. Réessayez dans quelques secondes\.$/);
    await released;
    // Nothing of the act was written: no means, no journal entry of a bind.
    expect(meansOf(person)).toEqual([]);
    expect(journalEntries()).toBe(journalBefore);
    const bound = await bind(person);
    expect(bound, JSON.stringify(bound)).toMatchObject({ ok: true });
    expect(meansOf(person)).toEqual([{ kind: 'cps', status: 'active' }]);
  }, 30_000);
});
