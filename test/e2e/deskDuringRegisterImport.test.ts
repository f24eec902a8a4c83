import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { writeRegisterExtract } from '../support/writeRegisterExtract';

/** Rows of the register extract (the full register is 2.23 M; GUICHET_E2E_REGISTER_ROWS to change). */
const registerRows = Number(process.env.GUICHET_E2E_REGISTER_ROWS ?? 300_000);
const work = mkdtempSync(join(tmpdir(), 'guichet-e2e-register-desk-'));
const deskScreen = { connectionId: 'desk-screen', transport: 'browser' as const };
const hand = { connectionId: 'hand', transport: 'browser' as const };
let core: DeskCore;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

beforeAll(async () => {
  await writeRegisterExtract(join(work, 'register.txt'), registerRows);
  writeFileSync(join(work, 'sources.json'), JSON.stringify({ establishment: { name: 'Hôpital La Porte Verte', finess: ['990000011'] }, sources: [{ id: 'register', kind: 'rpps-extract', path: 'register.txt' }] }));
  core = openDeskCore({ dataDir: join(work, 'data'), appVersion: 'test', transport: 'browser', cardReaders: 'simulated', sourcesConfigPath: join(work, 'sources.json'), logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
}, 120_000);
afterAll(() => {
  core.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the desk during a register import', () => {
  it('keeps answering within 100 ms (p99) with the agent logged in and the card in the reader', async () => {
    // A badge-office agent logs in with their card, which stays in the agent reader.
    const agent = core.db.prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office'").get() as { id: string; rpps: string | null };
    expect((await core.dispatch('insertSimulatedCard', { reader: simulatedReaderNames.agent, cardId: simulatedLoginCardId({ identityId: agent.id, rpps: agent.rpps }) }, hand)).ok).toBe(true);
    const login = await core.dispatch('openDeskSession', { reader: simulatedReaderNames.agent, pin: '1234' }, deskScreen);
    expect(login.ok, JSON.stringify(login)).toBe(true);
    const person = (core.db.prepare('SELECT id, last_name AS lastName FROM identities ORDER BY id LIMIT 1').get() as { id: string; lastName: string });
    const events: string[] = [];
    core.events.subscribe((event) => events.push(event));

    // What the desk screen asks while the import runs: searches, a person, the session, the sources, an enrollment.
    const calls: [string, unknown][] = [
      ['searchPeople', { query: person.lastName.slice(0, 3) }],
      ['getPerson', { identityId: person.id }],
      ['getDeskSession', {}],
      ['getDeskStatus', {}],
      ['listSources', {}],
      ['getPersonEnrollment', { identityId: person.id }],
    ];
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const started = performance.now();
    loopDelay.enable();
    let importDone = false;
    const importing = core.dispatch('runImport', { force: false, sourceIds: ['register'] }, deskScreen).finally(() => (importDone = true));
    const latencies: number[] = [];
    const failures: string[] = [];
    const slowCalls: string[] = [];
    let phase = 'starting';
    core.events.subscribe((event, payload) => {
      if (event === 'importProgress') phase = (payload as { phase: string }).phase;
    });
    for (let index = 0; !importDone; index += 1) {
      const [method, input] = calls[index % calls.length]!;
      const before = performance.now();
      const result = await core.dispatch(method, input, deskScreen);
      latencies.push(performance.now() - before);
      if (performance.now() - before > 100) slowCalls.push(`${method} ${Math.round(performance.now() - before)} ms at ${Math.round(before - started)} ms (${phase})`);
      if (!result.ok) failures.push(`${method}: ${result.error.code} ${result.error.message.en}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    loopDelay.disable();
    const importSeconds = (performance.now() - started) / 1000;
    const imported = await importing;
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    const report = (imported as { ok: true; value: { ok: boolean; sources: Record<string, { read: number; added: number }> } }).value;
    expect(report.sources.register!.read).toBe(registerRows);

    const sorted = [...latencies].sort((a, b) => a - b);
    const figures = {
      registerRows,
      importSeconds: Math.round(importSeconds * 10) / 10,
      deskCalls: latencies.length,
      p50Ms: Math.round(quantile(sorted, 0.5) * 10) / 10,
      p99Ms: Math.round(quantile(sorted, 0.99) * 10) / 10,
      maxMs: Math.round(sorted.at(-1)! * 10) / 10,
      eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
      eventLoopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10,
      progressEvents: events.filter((event) => event === 'importProgress').length,
    };
    console.log(`desk during the register import: ${JSON.stringify(figures)}; calls over 100 ms: ${slowCalls.join(', ') || 'none'}`);
    expect(failures).toEqual([]);
    // Calls kept coming all along (one every ~10 ms plus its answer), and progress reached the desk.
    expect(latencies.length).toBeGreaterThan(importSeconds * 20);
    expect(figures.progressEvents).toBeGreaterThan(2);
    expect(figures.p99Ms).toBeLessThan(100);
    // The agent is still logged in, the card never left the reader, nothing was locked.
    expect(events).not.toContain('cardRemoved');
    const session = await core.dispatch('getDeskSession', {}, deskScreen);
    expect(session).toMatchObject({ ok: true, value: { state: 'open', agentReader: simulatedReaderNames.agent, agent: expect.objectContaining({ identityId: agent.id }) } });
  }, 600_000);
});
