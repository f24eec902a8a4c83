import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEventName } from '../../shared/api/contract';
import { DeskError } from '../../shared/api/errors';
import { createEventHub } from '../desk/createEventHub';
import { readJournalEntries } from '../journal/readJournalEntries';
import { openDatabase } from '../store/openDatabase';
import type { CardAccess, PresentedCard } from './CardAccess';
import { createDeskSessions, type DeskSessions } from './createDeskSessions';
import { openSessionWithCps } from './openSessionWithCps';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DeskError) return error.code;
    throw error;
  }
  return 'accepted';
}

async function asyncCodeOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof DeskError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('desk sessions', () => {
  let db: Database.Database;
  let now: Date;
  let sessions: DeskSessions;
  const emitted: DeskEventName[] = [];
  const clock = { now: () => now };

  beforeEach(() => {
    db = openDatabase({ path: ':memory:' });
    now = new Date('2026-11-29T08:00:00Z');
    const add = db.prepare(
      `INSERT INTO identities (id, last_name, first_name, rpps, status, search_text, created_at, updated_at)
       VALUES (?, ?, 'Agnès', ?, 'active', '', '2026-01-01', '2026-01-01')`,
    );
    add.run('office', 'MÉNARD', null);
    add.run('night', 'HOARAU', '10001112223');
    add.run('visitor', 'PASSANT', '10009998887');
    db.prepare("INSERT INTO agents (identity_id, role, created_at) VALUES ('office', 'badge-office', ''), ('night', 'night-desk', '')").run();
    db.prepare(
      `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
       VALUES ('m1', 'cps', 'AA00000001', 'office', 'active', '', 'x', '', 'x', '')`,
    ).run();
    const events = createEventHub();
    events.subscribe((event) => emitted.push(event));
    sessions = createDeskSessions({ db, clock, events, deskName: 'guichet-1', idleLockMs: 60_000 });
  });
  afterEach(() => db.close());

  it('refuses acts without a session and acts the role does not allow', () => {
    expect(codeOf(() => sessions.requireAct('w1', 'mie.read'))).toBe('UNAUTHENTICATED');
    sessions.open('w1', { agentIdentityId: 'night', method: 'cps' });
    expect(sessions.requireAct('w1', 'mie.bind-temporary')).toEqual({ agentId: 'night', agentName: 'Agnès HOARAU', desk: 'guichet-1', role: 'night-desk' });
    expect(codeOf(() => sessions.requireAct('w1', 'mie.bind'))).toBe('FORBIDDEN');
    expect(codeOf(() => sessions.requireAct('w2', 'mie.read'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => sessions.open('w1', { agentIdentityId: 'visitor', method: 'cps' }))).toBe('FORBIDDEN');
  });

  it('locks after inactivity and when the agent card is pulled', () => {
    sessions.open('w1', { agentIdentityId: 'office', method: 'cps', reader: 'Lecteur 1' });
    now = new Date(now.getTime() + 59_000);
    sessions.requireAct('w1', 'mie.read');
    now = new Date(now.getTime() + 60_000);
    expect(sessions.view('w1')).toMatchObject({ state: 'locked', lockReason: 'inactivity', allowedActs: [] });
    expect(codeOf(() => sessions.requireAct('w1', 'mie.read'))).toBe('UNAUTHENTICATED');
    sessions.open('w1', { agentIdentityId: 'office', method: 'cps', reader: 'Lecteur 1' });
    sessions.lockOnCardRemoved('Lecteur 2');
    expect(sessions.view('w1').state).toBe('open');
    sessions.lockOnCardRemoved('Lecteur 1');
    expect(sessions.view('w1')).toMatchObject({ state: 'locked', lockReason: 'card-removed' });
    expect(readJournalEntries(db).map((e) => e.action)).toEqual(['session.open', 'session.lock', 'session.unlock', 'session.lock']);
    expect(emitted).toContain('deskSessionChanged');
  });

  it('logs an agent in with their CPS and the PIN checked by the card', async () => {
    let triesLeft = 3;
    const card: PresentedCard = {
      reader: 'Lecteur 1',
      type: 'CPS4',
      uid: null,
      desfire: null,
      cps: { idNat: '810001112223', rpps: '10001112223', lastName: 'HOARAU', firstName: 'Agnès', profession: 'Infirmier', serial: 'BB00000002', notAfter: '2029-01-01' },
    };
    const cards: CardAccess = {
      readCard: (reader) => (reader === 'Lecteur 1' ? card : null),
      verifyPin: (_reader, pin) => Promise.resolve(pin === '1234' ? { ok: true, triesLeft: null } : { ok: false, reason: 'WRONG_PIN', triesLeft: --triesLeft }),
    };
    const login = { db, clock, sessions, cards };
    expect(await asyncCodeOf(() => openSessionWithCps(login, 'w1', { reader: 'Lecteur 2', pin: '1234' }))).toBe('PRECONDITION_FAILED');
    expect(await asyncCodeOf(() => openSessionWithCps(login, 'w1', { reader: 'Lecteur 1', pin: '0000' }))).toBe('UNAUTHENTICATED');
    expect(triesLeft).toBe(2);
    expect((await openSessionWithCps(login, 'w1', { reader: 'Lecteur 1', pin: '1234' })).agent).toEqual({ identityId: 'night', name: 'Agnès HOARAU', role: 'night-desk' });
    // A CPS without RPPS logs in through its binding to the agent.
    card.cps = { ...card.cps!, rpps: null, serial: 'AA00000001' };
    expect((await openSessionWithCps(login, 'w2', { reader: 'Lecteur 1', pin: '1234' })).agent?.identityId).toBe('office');
    expect(await asyncCodeOf(() => openSessionWithCps(login, 'w4', { reader: 'Lecteur 1', pin: '1234' }).then(() => openSessionWithCps({ ...login, clock: { now: () => new Date('2030-01-01T00:00:00Z') } }, 'w4', { reader: 'Lecteur 1', pin: '1234' })))).toBe('PRECONDITION_FAILED');
    card.cps = { ...card.cps, rpps: '10009998887', serial: 'CC00000003' };
    expect(await asyncCodeOf(() => openSessionWithCps(login, 'w3', { reader: 'Lecteur 1', pin: '1234' }))).toBe('FORBIDDEN');
    expect(readJournalEntries(db).map((e) => e.action)).toEqual(['session.refused', 'session.open', 'session.open', 'session.open']);
  });
});

describe('demo agent cards', () => {
  it('binds a staff card to each demo agent without RPPS, which then opens their session', async () => {
    const { generateDemoHospital } = await import('../demo/generateDemoHospital');
    const { seedDemoDirectory } = await import('../demo/seedDemoDirectory');
    const { demoAgentCardSerial, seedDemoAgentCards } = await import('./seedDemoAgentCards');
    const db = openDatabase({ path: ':memory:' });
    const clock = { now: () => new Date('2026-11-29T08:00:00Z') };
    seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
    seedDemoAgentCards(db, clock);
    const office = db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
    const serial = demoAgentCardSerial(office.id);
    expect(serial).toMatch(/^[0-9A-F]{10}$/);
    const sessions = createDeskSessions({ db, clock, events: createEventHub(), deskName: 'demo' });
    const card: PresentedCard = {
      reader: 'R',
      type: 'CPS4',
      uid: null,
      desfire: null,
      cps: { idNat: '3990000011', rpps: null, lastName: 'X', firstName: 'Y', profession: 'Adjoint administratif', serial, notAfter: '2029-01-01' },
    };
    const cards: CardAccess = { readCard: () => card, verifyPin: () => Promise.resolve({ ok: true, triesLeft: null }) };
    expect((await openSessionWithCps({ db, clock, sessions, cards }, 'w', { reader: 'R', pin: '1234' })).agent?.identityId).toBe(office.id);
    expect(db.prepare("SELECT COUNT(*) AS n FROM mie WHERE kind = 'cps'").get()).toEqual({ n: 4 });
    db.close();
  });
});
