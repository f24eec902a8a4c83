import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEventName } from '../../shared/api/contract';
import { systemClock } from '../clock';
import { createEventHub } from '../desk/createEventHub';
import { openDatabase } from '../store/openDatabase';
import { demoAgentCardSerial } from '../agents/seedDemoAgentCards';
import type { CardService } from './CardService';
import { createCardService, simulatedReaderNames } from './createCardService';
import { createVirtualCard } from './emulator/createVirtualCard';

let dir: string;
let db: Database.Database;
let service: CardService;
let events: { name: DeskEventName; payload: unknown }[];

// RSA key generation for the test authority can take seconds on a loaded 2-core machine.
beforeAll(() => createVirtualCard({ kind: 'cps3' }), 60_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-cards-unit-'));
  db = openDatabase({ path: join(dir, 'guichet.sqlite') });
  const now = '2026-01-01T00:00:00Z';
  db.prepare(
    "INSERT INTO identities (id, last_name, first_name, rpps, hr_id, profession, status, search_text, created_at, updated_at) VALUES ('id-1', 'Lefèvre', 'Anaïs', '10100271385', 'M001', 'Infirmier', 'active', '', ?, ?)",
  ).run(now, now);
  const hub = createEventHub();
  events = [];
  hub.subscribe((name, payload) => events.push({ name, payload }));
  service = createCardService({ db, events: hub, clock: systemClock });
});

afterEach(async () => {
  await service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('simulated readers', { timeout: 20_000 }, () => {
  it('offers the person’s CPS and badge, found without accents', () => {
    const cards = service.listSimulatedCards('lefevre');
    expect(cards.map((card) => [card.id, card.type, card.interface])).toEqual([
      ['cps:id-1', expect.stringMatching(/^CPS[34]$/), 'contact'],
      ['badge:id-1', 'DESFIRE', 'contactless'],
    ]);
  });

  it('has two contact readers, so the agent’s CPS stays in while a customer card is read', async () => {
    const readers = service.readState().readers.map((reader) => [reader.name, reader.accepts]);
    expect(readers).toEqual([
      [simulatedReaderNames.agent, 'contact'],
      [simulatedReaderNames.contact, 'contact'],
      [simulatedReaderNames.contactless, 'contactless'],
    ]);
    await service.insertSimulatedCard(simulatedReaderNames.agent, 'cps:id-1');
    await service.insertSimulatedCard(simulatedReaderNames.contactless, 'badge:id-1');
    const states = service.readState().readers.map((reader) => reader.state);
    expect(states).toEqual(['present', 'empty', 'present']);
    service.removeSimulatedCard(simulatedReaderNames.agent);
    service.removeSimulatedCard(simulatedReaderNames.contactless);
    events.length = 0;
  });

  it('emits reading, then the decoded card, then its removal', async () => {
    const view = await service.insertSimulatedCard(simulatedReaderNames.contact, 'cps:id-1');
    expect(view).toMatchObject({ state: 'present', card: { cps: { idNat: '810100271385', lastName: 'LEFÈVRE', firstName: 'ANAÏS', profession: 'Infirmier' } } });
    service.removeSimulatedCard(simulatedReaderNames.contact);
    expect(events.map((event) => event.name).filter((name) => name !== 'readerChanged')).toEqual(['cardInserted', 'cardRemoved']);
    const updates = events.filter((event) => event.name === 'readerChanged' && (event.payload as { state: string }).state === 'updated');
    expect(updates.map((event) => (event.payload as { reader: { state: string } }).reader.state)).toEqual(['reading', 'present', 'empty']);
  });

  it('keeps a card’s PIN counter between insertions, like a real card', async () => {
    await service.insertSimulatedCard(simulatedReaderNames.contact, 'cps:id-1');
    expect(await service.verifyPin(simulatedReaderNames.contact, '0000')).toEqual({ ok: false, reason: 'WRONG_PIN', triesLeft: 2 });
    service.removeSimulatedCard(simulatedReaderNames.contact);
    const again = await service.insertSimulatedCard(simulatedReaderNames.contact, 'cps:id-1');
    expect(again.card?.cps?.pinTriesLeft).toBe(2);
  });

  it('refuses unknown readers, unknown cards, badly formed PINs and a PIN with no CPS, losing nothing', async () => {
    await expect(service.insertSimulatedCard('Nope', 'cps:id-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.insertSimulatedCard(simulatedReaderNames.contact, 'cps:nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.verifyPin(simulatedReaderNames.contact, '12')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(service.verifyPin(simulatedReaderNames.contact, '1234')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await service.insertSimulatedCard(simulatedReaderNames.contactless, 'badge:id-1');
    await expect(service.insertSimulatedCard(simulatedReaderNames.contactless, 'cps:id-1')).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(service.readState().readers.find((reader) => reader.name === simulatedReaderNames.contactless)).toMatchObject({
      state: 'present',
      card: { type: 'DESFIRE' },
      simulatedCardId: 'badge:id-1',
    });
  });

  it('gives a demo agent without RPPS the staff card (CPE) the demo bound to them', async () => {
    const now = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO identities (id, last_name, first_name, hr_id, status, search_text, created_at, updated_at) VALUES ('id-2', 'Roux', 'Paul', 'M002', 'active', '', ?, ?)").run(now, now);
    db.prepare("INSERT INTO agents (identity_id, role, active, created_at) VALUES ('id-2', 'badge-office', 1, ?)").run(now);
    expect(service.listSimulatedCards('roux').map((card) => card.id)).toEqual(['cpe:id-2', 'badge:id-2']);
    const view = await service.insertSimulatedCard(simulatedReaderNames.contact, 'cpe:id-2');
    expect(view.card).toMatchObject({ type: 'CPS4', cps: { idNat: '3990000011/M002', rpps: null, serial: demoAgentCardSerial('id-2'), lastName: 'ROUX' } });
  });
});

describe('PC/SC mode on a machine without the PC/SC binding', () => {
  const detail = "lecteurs PC/SC indisponibles : le module @pokusew/pcsclite n'est pas installé";
  function startWithoutBinding(simulatedFallback: boolean) {
    const state = { killed: false };
    const hub = createEventHub();
    const seen: { name: DeskEventName; payload: unknown }[] = [];
    hub.subscribe((name, payload) => seen.push({ name, payload }));
    const pcsc = createCardService({
      db,
      events: hub,
      clock: systemClock,
      mode: 'pcsc',
      simulatedFallback,
      launchPcscWorker: () => ({
        pid: 1,
        isConnected: () => !state.killed,
        send: () => {},
        onMessage: (listener) => setImmediate(() => listener({ type: 'bindingMissing', detail })),
        onStderr: () => {},
        onExit: () => {},
        kill: () => (state.killed = true),
      }),
    });
    return { pcsc, seen, state };
  }

  it('says "lecteurs PC/SC indisponibles : …", stops the worker and, in demo mode only, offers the simulated readers', async () => {
    const { pcsc, seen, state } = startWithoutBinding(true);
    expect(pcsc.readState().service.status).toBe('starting');
    expect(pcsc.readState().readers).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pcsc.readState().service).toEqual({ status: 'unavailable', detail });
    expect(seen).toContainEqual({ name: 'cardServiceChanged', payload: { status: 'unavailable', detail } });
    expect(state.killed).toBe(true);
    expect(pcsc.readState().readers.map((reader) => [reader.name, reader.kind])).toEqual([
      [simulatedReaderNames.agent, 'simulated'],
      [simulatedReaderNames.contact, 'simulated'],
      [simulatedReaderNames.contactless, 'simulated'],
    ]);
    expect(pcsc.listSimulatedCards('lefevre').map((card) => card.id)).toEqual(['cps:id-1', 'badge:id-1']);
    await pcsc.close();
  });

  it('never offers simulated cards of real agents on a production desk', async () => {
    const { pcsc, state } = startWithoutBinding(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pcsc.readState().service).toEqual({ status: 'unavailable', detail });
    expect(state.killed).toBe(true);
    expect(pcsc.readState().readers).toEqual([]);
    expect(pcsc.listSimulatedCards('lefevre')).toEqual([]);
    await pcsc.close();
  });
});
