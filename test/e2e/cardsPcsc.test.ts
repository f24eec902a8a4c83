import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCardToVpcd, type VpcdConnection } from '../../src/core/cards/emulator/connectCardToVpcd';
import { createVirtualCard } from '../../src/core/cards/emulator/createVirtualCard';
import type { VirtualCardKind } from '../../src/core/cards/emulator/virtualCardKinds';
import type { VirtualCard } from '../../src/core/cards/emulator/VirtualCard';
import type { PcscWorkerEvent } from '../../src/core/cards/pcsc/pcscWorkerProtocol';
import { startPcscBridge } from '../../src/core/cards/pcsc/startPcscBridge';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import type { DeskEventName, DeskEvents } from '../../src/shared/api/contract';
import type { EventPayload } from '../../src/shared/api/defineContract';
import { startPcscStack, type PcscStack } from '../support/pcscStack';

let stack: PcscStack;
let core: DeskCore;
let dataDir: string;
const connections = new Set<VpcdConnection>();

/** Resolves with the first matching event from now on; never a fixed sleep (pcscd polls ~400 ms). */
function nextEvent<K extends DeskEventName>(name: K, matches: (payload: EventPayload<DeskEvents[K]>) => boolean = () => true, timeoutMs = 15_000) {
  return new Promise<EventPayload<DeskEvents[K]>>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`No ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event !== name || !matches(payload as EventPayload<DeskEvents[K]>)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(payload as EventPayload<DeskEvents[K]>);
    });
  });
}

/** CPU time (clock ticks, usually 1/100 s) of this process and of its PC/SC worker children. */
function cpuTicksOfDeskAndWorkers(): number {
  const ticksOf = (pid: string) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  // Only this test process's own workers: other test files run PC/SC workers of their own at the same time.
  const parentOf = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]!;
  const descendsFromThisProcess = (pid: string) => {
    for (let current = pid, depth = 0; current !== '0' && current !== '1' && depth < 8; depth += 1) {
      current = parentOf(current);
      if (current === String(process.pid)) return true;
    }
    return false;
  };
  const workers = readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('runPcscWorker') && descendsFromThisProcess(pid);
    } catch {
      return false;
    }
  });
  expect(workers.length).toBeGreaterThanOrEqual(1);
  return ticksOf(String(process.pid)) + workers.reduce((sum, pid) => sum + ticksOf(pid), 0);
}

function insert(card: VirtualCard, readerIndex: number): VpcdConnection {
  const connection = connectCardToVpcd({ card, port: stack.readers[readerIndex]!.port });
  connections.add(connection);
  return connection;
}

async function insertAndRead(kind: VirtualCardKind, readerIndex: number, extra: Partial<Parameters<typeof createVirtualCard>[0]> = {}) {
  const reader = stack.readers[readerIndex]!.name;
  const inserted = nextEvent('cardInserted', (card) => card.reader === reader);
  const connection = insert(await createVirtualCard({ kind, ...extra }), readerIndex);
  const card = await inserted;
  return { card, connection, reader };
}

async function pull(connection: VpcdConnection, reader: string) {
  const removed = nextEvent('cardRemoved', (event) => event.reader === reader);
  await connection.remove();
  connections.delete(connection);
  await removed;
}

beforeAll(async () => {
  stack = await startPcscStack({ readerEntries: ['Guichet Test'] });
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-cards-'));
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', seedDemo: false, cardReaders: 'pcsc', pcscEnv: stack.env, logger: { info: () => {}, error: () => {} } });
  // Generous: the worker loads TypeScript, which takes seconds when every core is busy.
  const deadline = Date.now() + 60_000;
  while (core.cards.readState().readers.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
});

afterAll(async () => {
  for (const connection of connections) await connection.remove();
  core?.close();
  await stack?.dispose();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('card readers over a real pcscd with vpcd and emulated cards', () => {
  it('lists both vpcd readers with the service ready', () => {
    const state = core.cards.readState();
    expect(state.service.status).toBe('ready');
    expect(state.readers.map((reader) => [reader.name, reader.kind, reader.state])).toEqual([
      ['Guichet Test 00 00', 'pcsc', 'empty'],
      ['Guichet Test 00 01', 'pcsc', 'empty'],
    ]);
  });

  it.each([
    ['cps3', { type: 'CPS3', uid: null, desfire: null }],
    ['cps4', { type: 'CPS4', uid: null, desfire: null }],
    ['mifare-classic-1k', { type: 'MIFARE_CLASSIC_1K', uid: 'A1B2C3D4', cps: null }],
    ['ultralight', { type: 'MIFARE_ULTRALIGHT', uid: '04A1B2C3D4E5F6', cps: null }],
    ['desfire-ev1', { type: 'DESFIRE', uid: '04112233445566', desfire: { generation: 'EV1', storageBytes: 4096, randomUid: false } }],
    ['desfire-ev2', { type: 'DESFIRE', uid: '04112233445566', desfire: { generation: 'EV2', storageBytes: 4096, randomUid: false } }],
    ['desfire-ev3', { type: 'DESFIRE', uid: '04112233445566', desfire: { generation: 'EV3', storageBytes: 4096, randomUid: false } }],
  ] as const)('decodes %s', async (kind, expected) => {
    const { card, connection, reader } = await insertAndRead(kind, 0);
    expect(card).toMatchObject(expected);
    if (kind.startsWith('cps')) {
      expect(card.cps).toEqual({
        idNat: '810100271385',
        rpps: '10100271385',
        lastName: 'MARTIN',
        firstName: 'CLAIRE',
        profession: 'Médecin',
        serial: '0000012345',
        notBefore: '2025-01-15T00:00:00.000Z',
        notAfter: '2028-01-15T00:00:00.000Z',
        pinTriesLeft: 3,
      });
    }
    expect(core.cards.readState().readers[0]).toMatchObject({ state: 'present', card: { type: expected.type } });
    await pull(connection, reader);
    expect(core.cards.readState().readers[0]).toMatchObject({ state: 'empty', card: null });
  });

  it('never uses the UID of a random-UID DESFire, which changes at every tap', async () => {
    const card = await createVirtualCard({ kind: 'desfire-ev2', randomUid: true });
    for (let tap = 0; tap < 2; tap += 1) {
      const inserted = nextEvent('cardInserted');
      const connection = insert(card, 1);
      expect(await inserted).toMatchObject({ type: 'DESFIRE', uid: null, desfire: { randomUid: true } });
      await pull(connection, stack.readers[1]!.name);
    }
  });

  it('follows insert/remove cycles on two readers at once', async () => {
    for (let cycle = 0; cycle < 3; cycle += 1) {
      const [contact, contactless] = await Promise.all([insertAndRead('cps3', 0), insertAndRead('desfire-ev2', 1)]);
      expect([contact.card.type, contactless.card.type]).toEqual(['CPS3', 'DESFIRE']);
      expect(core.cards.readState().readers.map((reader) => reader.state)).toEqual(['present', 'present']);
      await Promise.all([pull(contact.connection, contact.reader), pull(contactless.connection, contactless.reader)]);
    }
  });

  it('verifies a CPS PIN on the card: wrong PIN costs a try, the right one restores them', async () => {
    const { connection, reader } = await insertAndRead('cps4', 0, { pin: '4821' });
    expect(await core.cards.verifyPin(reader, '0000')).toEqual({ ok: false, reason: 'WRONG_PIN', triesLeft: 2 });
    expect(await core.cards.verifyPin(reader, '4821')).toEqual({ ok: true, triesLeft: null });
    await expect(core.cards.verifyPin(stack.readers[1]!.name, '4821')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await pull(connection, reader);
  });

  it('gives a clear error and no identity when the card is pulled out mid-read', async () => {
    const cps = await createVirtualCard({ kind: 'cps3' });
    let exchanges = 0;
    let connection: VpcdConnection | null = null;
    const pulledMidRead: VirtualCard = {
      atr: cps.atr,
      reset: () => cps.reset(),
      transmit(apdu) {
        exchanges += 1;
        // Pulled while the certificate is being read (after serial, ODF and CDF).
        if (exchanges === 9) void connection?.remove();
        return cps.transmit(apdu);
      },
    };
    const failed = nextEvent('cardReadFailed', (error) => error.reader === stack.readers[0]!.name);
    const inserted: string[] = [];
    const unsubscribe = core.events.subscribe((event) => event === 'cardInserted' && inserted.push(event));
    connection = insert(pulledMidRead, 0);
    expect(await failed).toMatchObject({ code: 'CARD_REMOVED', message: expect.stringMatching(/removed/i) });
    await expect.poll(() => core.cards.readState().readers[0]!.state).toBe('empty');
    unsubscribe();
    expect(inserted).toEqual([]);
    expect(core.cards.readState().readers[0]!.card).toBeNull();
    connections.delete(connection);
  });

  it('reports the service unavailable when pcscd is killed, and recovers by itself when it restarts', async () => {
    const unavailable = nextEvent('cardServiceChanged', (service) => service.status === 'unavailable');
    await stack.stop('SIGKILL');
    expect((await unavailable).detail).toMatch(/^service carte à puce indisponible/);
    await expect.poll(() => core.cards.readState().readers.length).toBe(0);
    const ready = nextEvent('cardServiceChanged', (service) => service.status === 'ready', 30_000);
    await stack.start();
    await ready;
    await expect.poll(() => core.cards.readState().readers.length).toBe(2);
    const { card, connection, reader } = await insertAndRead('desfire-ev3', 1);
    expect(card.desfire?.generation).toBe('EV3');
    await pull(connection, reader);
  });

  it('starts without pcscd with a clear status, without spinning, and attaches readers once pcscd appears', async () => {
    await stack.stop();
    const otherDir = mkdtempSync(join(tmpdir(), 'guichet-cards-'));
    const late = openDeskCore({ dataDir: otherDir, appVersion: 'test', transport: 'browser', seedDemo: false, cardReaders: 'pcsc', pcscEnv: stack.env, logger: { info: () => {}, error: () => {} } });
    try {
      await expect.poll(() => late.cards.readState().service.status, { timeout: 30_000 }).toBe('unavailable');
      expect(late.cards.readState().service.detail).toMatch(/^service carte à puce indisponible/);
      // Neither the desk nor its PC/SC workers spin while they wait (the binding would, unguarded).
      // A spinning loop costs a whole core (about 100 ticks a second); waiting costs a few. Two seconds, under
      // half a core, leaves room for a loaded CI machine without letting a spin through.
      const before = cpuTicksOfDeskAndWorkers();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(cpuTicksOfDeskAndWorkers() - before, 'CPU ticks (1/100 s) spent in 2 s of waiting').toBeLessThan(100);
      await stack.start();
      await expect.poll(() => late.cards.readState(), { timeout: 30_000 }).toMatchObject({ service: { status: 'ready' }, readers: [{}, {}] });
    } finally {
      late.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('the PC/SC worker process', () => {
  it('is killed and restarted when it hangs, then finds the readers again', async () => {
    if (!stack.isRunning()) await stack.start();
    const events: PcscWorkerEvent[] = [];
    const bridge = startPcscBridge({ env: stack.env, watchdogMs: 800, onEvent: (event) => events.push(event) });
    try {
      await expect.poll(() => events.filter((event) => event.type === 'reader' && event.state === 'attached').length, { timeout: 30_000 }).toBe(2);
      const hung = bridge.workerPid()!;
      process.kill(hung, 'SIGSTOP');
      await expect.poll(() => events.some((event) => event.type === 'status' && event.status === 'unavailable'), { timeout: 5000 }).toBe(true);
      await expect.poll(() => bridge.workerPid(), { timeout: 5000 }).not.toBe(hung);
      await expect.poll(() => events.filter((event) => event.type === 'reader' && event.state === 'attached').length, { timeout: 30_000 }).toBe(4);
      expect(events.filter((event) => event.type === 'reader' && event.state === 'detached')).toHaveLength(2);
      process.kill(bridge.workerPid()!, 'SIGKILL');
      await expect.poll(() => events.filter((event) => event.type === 'reader' && event.state === 'attached').length, { timeout: 30_000 }).toBe(6);
    } finally {
      bridge.close();
    }
  });

  it('reports a card already in its reader when the service starts', async () => {
    if (!stack.isRunning()) await stack.start();
    const connection = connectCardToVpcd({ card: await createVirtualCard({ kind: 'ultralight' }), port: stack.readers[1]!.port });
    connections.add(connection);
    await connection.ready;
    // Let pcscd see the card before the service exists.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const events: PcscWorkerEvent[] = [];
    const bridge = startPcscBridge({ env: stack.env, onEvent: (event) => events.push(event) });
    try {
      await expect.poll(() => events.find((event) => event.type === 'card'), { timeout: 30_000 }).toMatchObject({ card: { reader: stack.readers[1]!.name, type: 'MIFARE_ULTRALIGHT', uid: '04A1B2C3D4E5F6' } });
    } finally {
      bridge.close();
      await connection.remove();
      connections.delete(connection);
    }
  });
});
