import { execFileSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type DeskHandlers } from '../../shared/api/dispatch';
import type { LeaverRunResult, NightDeskCandidate, NightDeskOverview, PoolCardView, TemporaryIssueResult } from '../../shared/api/nightdesk.contract';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { createEventHub } from '../desk/createEventHub';
import { createEnrollmentHandlers } from '../enrollment/createEnrollmentHandlers';
import { readMies } from '../enrollment/readMies';
import { createIssuanceReceipt } from '../receipts/createIssuanceReceipt';
import { openDatabase } from '../store/openDatabase';
import { createNightDeskHandlers } from './createNightDeskHandlers';
import { startNightDeskChecks } from './startNightDeskChecks';

// 03:10 in Paris on a winter night: the shift changes at 07:00 (06:00Z), plus one hour of margin.
let now = new Date('2026-11-29T02:10:00Z');
const clock = { now: () => now };
const readers = new Map<string, PresentedCard>();
const cards: CardAccess = { readCard: (reader) => readers.get(reader) ?? null, verifyPin: () => Promise.resolve({ ok: true, triesLeft: null }) };
const badge = (uid: string): PresentedCard => ({ reader: 'Badge', type: 'DESFIRE', uid, cps: null, desfire: { randomUid: false } });

let db: Database.Database;
let checks: ReturnType<typeof startNightDeskChecks>;
type Reply<T> = { ok: boolean; value: T; error?: { code: string; message: { fr: string }; details?: Record<string, unknown> } };
let call: <T = unknown>(connectionId: string, method: string, input: unknown) => Promise<Reply<T>>;
const value = async <T>(reply: Promise<Reply<T>>): Promise<T> => {
  const result = await reply;
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value;
};

beforeAll(() => {
  db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock, events, deskName: 'urgences', idleLockMs: 7 * 24 * 3_600_000 });
  const handlers = { ...createEnrollmentHandlers({ db, clock, events, sessions, cards }), ...createNightDeskHandlers({ db, clock, events, cards }) };
  const dispatch = createDispatcher(handlers as DeskHandlers, { guard: createDispatchGuard({ db, clock, sessions, deskName: 'urgences' }) });
  call = (connectionId, method, input) => dispatch(method, input, { connectionId, transport: 'browser' }) as never;
  checks = startNightDeskChecks({ db, clock, events, deskName: 'urgences', intervalMs: 3_600_000, onError: (error) => { throw error; } });
});
afterAll(() => {
  checks.stop();
  db.close();
});

/** Opens a session for the `index`-th agent of `role` (staff cards for agents without RPPS). */
async function logIn(connectionId: string, role: string, index = 0): Promise<string> {
  const agent = db.prepare('SELECT a.identity_id AS id, i.rpps, i.last_name, i.first_name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE role = ? ORDER BY i.last_name LIMIT 1 OFFSET ?').get(role, index) as {
    id: string;
    rpps: string | null;
    last_name: string;
    first_name: string;
  };
  const serial = `S${role.length}${index}0000000`.slice(0, 10);
  if (agent.rpps === null) {
    db.prepare(
      `INSERT OR IGNORE INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
       VALUES (?, 'cps', ?, ?, 'active', '', 'setup', '', 'setup', '')`,
    ).run(`setup-${role}-${index}`, serial, agent.id);
  }
  const idNat = agent.rpps === null ? `3990000011/${role}${index}` : `8${agent.rpps}`;
  readers.set('Agent', { reader: 'Agent', type: 'CPS4', uid: null, desfire: null, cps: { idNat, rpps: agent.rpps, lastName: agent.last_name, firstName: agent.first_name, profession: 'Infirmier', serial, notAfter: '2028-01-01T00:00:00Z' } });
  await value(call(connectionId, 'openDeskSession', { reader: 'Agent', pin: '1234' }));
  return agent.id;
}

async function registerPool(connectionId: string, uid: string): Promise<PoolCardView> {
  readers.set('Badge', badge(uid));
  return value(call<PoolCardView>(connectionId, 'registerPoolCard', { reader: 'Badge' }));
}

const overview = () => value(call<NightDeskOverview>('night', 'getNightDeskOverview', {}));

describe('night desk API', () => {
  let interimTaskIdentity = '';

  it('registers pool cards by tapping them, refusing a card twice and a CPS', async () => {
    await logIn('night', 'night-desk');
    expect((await registerPool('night', '04AA000000000A')).label).toBe('T-01');
    expect((await registerPool('night', '04AA000000000B')).label).toBe('T-02');
    expect((await registerPool('night', '04AA000000000C')).state).toBe('available');
    readers.set('Badge', badge('04AA000000000A'));
    const twice = await call('night', 'registerPoolCard', { reader: 'Badge' });
    expect(twice.error?.details?.rule).toBe('already-in-pool');
    expect((await call('night', 'registerPoolCard', { reader: 'Agent' })).error?.details?.rule).toBe('pool-needs-badge');
  });

  it('gives an interim nurse found only in the RPPS extract a temporary card until the end of the shift', async () => {
    const nurse = db
      .prepare("SELECT rpps, last_name FROM source_records WHERE source_id = 'rpps' AND json_extract(attributes_json, '$.profession') = '60' AND rpps NOT IN (SELECT rpps FROM identities WHERE rpps IS NOT NULL) LIMIT 1")
      .get() as { rpps: string; last_name: string };
    const found = await value(call<NightDeskCandidate[]>('night', 'searchNightDeskCandidates', { query: nurse.rpps }));
    expect(found).toEqual([expect.objectContaining({ source: 'register', rpps: nurse.rpps, profession: 'Infirmier', identityId: null })]);
    const result = await value(
      call<TemporaryIssueResult>('night', 'issueTemporaryCard', {
        holder: { source: 'register', rpps: nurse.rpps },
        cardIdentifier: '04AA000000000A',
        timing: { startedAt: new Date(now.getTime() - 48_000).toISOString(), interactions: 5 },
      }),
    );
    expect(result.mie).toMatchObject({ kind: 'temporary-badge', status: 'active', validUntil: '2026-11-29T07:00:00.000Z' });
    expect(result.issuance).toMatchObject({ reason: 'newcomer', deskSeconds: 48, interactions: 5, endsAt: '2026-11-29T07:00:00.000Z' });
    // A temporary card ends with a shift: the receipt gives the hour (07:00 UTC = 08:00 in Paris).
    const receipt = await createIssuanceReceipt(db, result.mie.id);
    const receiptText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(receipt.pdfBase64, 'base64'), encoding: 'utf8' });
    expect(receiptText).toMatch(/Valide jusqu.au\s+29 novembre 2026 (à )?08:00/);
    const person = db.prepare('SELECT status, rpps, profession, last_name FROM identities WHERE id = ?').get(result.mie.identityId);
    expect(person).toEqual({ status: 'temporary', rpps: nurse.rpps, profession: 'Infirmier', last_name: nurse.last_name });
    const state = await overview();
    expect(state.regularizations.map((task) => task.identityId)).toEqual([result.mie.identityId]);
    expect(state.pool.find((card) => card.label === 'T-01')).toMatchObject({ state: 'issued' });
    interimTaskIdentity = result.mie.identityId;
    const journal = db.prepare("SELECT action FROM journal WHERE subject_id = ? OR subject_id = ? ORDER BY seq").all(result.mie.id, result.issuance.id) as { action: string }[];
    expect(journal.map((entry) => entry.action)).toEqual(['mie.bind-temporary', 'temporary.issue']);
  });

  it('creates a temporary identity for a typed non-professional, refuses a duplicate and a validity beyond 72 h', async () => {
    const tooLong = await call('night', 'issueTemporaryCard', {
      holder: { source: 'typed', lastName: 'Nguyen', firstName: 'Linh', birthDate: '1999-04-02' },
      cardIdentifier: '04AA000000000B',
      endsAt: new Date(now.getTime() + 73 * 3_600_000).toISOString(),
    });
    expect(tooLong.error?.details?.rule).toBe('temporary-max');
    expect(db.prepare("SELECT COUNT(*) AS n FROM identities WHERE last_name = 'NGUYEN' AND first_name = 'Linh'").get()).toEqual({ n: 0 });
    const issued = await value(
      call<TemporaryIssueResult>('night', 'issueTemporaryCard', {
        holder: { source: 'typed', lastName: 'Nguyen', firstName: 'Linh', birthDate: '1999-04-02' },
        cardIdentifier: '04AA000000000B',
        endsAt: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
      }),
    );
    expect(db.prepare('SELECT status, rpps, birth_date FROM identities WHERE id = ?').get(issued.mie.identityId)).toEqual({ status: 'temporary', rpps: null, birth_date: '1999-04-02' });
    const existing = db.prepare("SELECT last_name, first_name, birth_date FROM identities WHERE status = 'active' AND birth_date IS NOT NULL LIMIT 1").get() as { last_name: string; first_name: string; birth_date: string };
    const duplicate = await call('night', 'issueTemporaryCard', { holder: { source: 'typed', lastName: existing.last_name, firstName: existing.first_name, birthDate: existing.birth_date }, cardIdentifier: '04AA000000000C' });
    expect(duplicate.error?.details?.rule).toBe('already-in-directory');
    expect((await call('night', 'issueTemporaryCard', { holder: { source: 'person', identityId: issued.mie.identityId }, cardIdentifier: '04AA000000000B' })).error?.details?.rule).toBe('pool-card-unavailable');
  });

  it('suspends a forgotten main badge while the temporary card is out and restores it on return', async () => {
    await logIn('office', 'badge-office');
    const nurse = db.prepare("SELECT id FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) LIMIT 1").get() as { id: string };
    readers.set('Badge', badge('04BB000000000A'));
    const main = await value(call<{ id: string }>('office', 'bindCard', { identityId: nurse.id, reader: 'Badge' }));
    const issued = await value(call<TemporaryIssueResult>('night', 'issueTemporaryCard', { holder: { source: 'person', identityId: nurse.id }, cardIdentifier: '04AA000000000C' }));
    expect(issued.issuance.reason).toBe('forgotten-card');
    expect(issued.suspendedMieIds).toEqual([main.id]);
    expect(readMies(db, { mieId: main.id })[0]!.status).toBe('suspended');
    const returned = await value(call<{ closedReason: string }>('night', 'returnTemporaryCard', { cardIdentifier: '04AA000000000C' }));
    expect(returned.closedReason).toBe('returned');
    expect(readMies(db, { mieId: main.id })[0]!.status).toBe('active');
    // The history says why in French, like every reason a person reads in the journal.
    expect(db.prepare("SELECT reason FROM mie_history WHERE mie_id = ? AND to_status = 'active' ORDER BY rowid DESC LIMIT 1").pluck().get(main.id)).toBe('carte temporaire rendue');
    expect(readMies(db, { mieId: issued.mie.id })[0]!.status).toBe('returned');
    expect((await overview()).pool.find((card) => card.identifier === '04AA000000000C')?.state).toBe('returned');
    // A returned card goes straight back into service.
    const again = await value(call<TemporaryIssueResult>('night', 'issueTemporaryCard', { holder: { source: 'person', identityId: nurse.id }, cardIdentifier: '04AA000000000C' }));
    expect(again.mie.status).toBe('active');
  });

  it('expires temporary cards whose end passed while the desk was closed, restores the main badge and lists the card as overdue', async () => {
    now = new Date('2026-11-29T09:30:00Z');
    checks.runNow();
    const state = await overview();
    expect(state.open.map((issuance) => issuance.cardLabel)).toEqual(['T-02']);
    expect(state.overdue.map((issuance) => issuance.cardLabel).sort()).toEqual(['T-01', 'T-03']);
    const forgotten = state.overdue.find((issuance) => issuance.cardLabel === 'T-03')!;
    expect(readMies(db, { identityId: forgotten.identityId }).map((mie) => `${mie.kind}:${mie.status}`).sort()).toEqual(['badge:active', 'temporary-badge:expired', 'temporary-badge:returned']);
    await value(call('night', 'returnTemporaryCard', { cardIdentifier: '04AA000000000C' }));
    expect((await overview()).overdue.map((issuance) => issuance.cardLabel)).toEqual(['T-01']);
  });

  it('lets the badge office, not the issuing agent, link a temporary person to their HR record (4-eyes)', async () => {
    const task = (await overview()).regularizations.find((candidate) => candidate.identityId === interimTaskIdentity)!;
    const hr = db.prepare("SELECT id FROM identities WHERE status = 'active' AND rpps IS NULL AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) ORDER BY hr_id DESC LIMIT 1").get() as { id: string };
    expect((await call('night', 'confirmRegularization', { taskId: task.id, hrIdentityId: hr.id })).error?.code).toBe('FORBIDDEN');
    // A badge-office agent who issued a card cannot settle it either.
    const issuer = await logIn('office2', 'badge-office', 1);
    const typed = await value(
      call<TemporaryIssueResult>('office2', 'issueTemporaryCard', { holder: { source: 'typed', lastName: 'Morel', firstName: 'Jade', birthDate: '2001-09-09' }, cardIdentifier: '04AA000000000C' }),
    );
    const ownTask = (await overview()).regularizations.find((candidate) => candidate.identityId === typed.mie.identityId)!;
    expect(ownTask.issuedById).toBe(issuer);
    expect((await call('office2', 'confirmRegularization', { taskId: ownTask.id, hrIdentityId: hr.id })).error?.details?.rule).toBe('four-eyes');
    await value(call('office', 'revokeRegularization', { taskId: ownTask.id, reason: 'personne inconnue du service' }));
    expect(readMies(db, { mieId: typed.mie.id })[0]!.status).toBe('expired');

    await value(call('office', 'confirmRegularization', { taskId: task.id, hrIdentityId: hr.id }));
    const moved = readMies(db, { identityId: hr.id }).filter((mie) => mie.kind === 'temporary-badge');
    expect(moved).toHaveLength(1);
    expect(db.prepare('SELECT rpps IS NOT NULL AS paired FROM identities WHERE id = ?').get(hr.id)).toEqual({ paired: 1 });
    expect(db.prepare('SELECT status FROM identities WHERE id = ?').get(interimTaskIdentity)).toEqual({ status: 'left' });
    expect((await overview()).regularizations.map((candidate) => candidate.id)).not.toContain(task.id);
  });

  it('suspends every MIE of an HR leaver at once, with a review due D+7, then restores with a reason', async () => {
    const leaver = db.prepare("SELECT identity_id AS id FROM mie WHERE kind = 'badge' AND status = 'active' AND identifier = '04BB000000000A'").get() as { id: string };
    readers.set('Badge', badge('04BB000000000B'));
    await value(call('office', 'bindCard', { identityId: leaver.id, reader: 'Badge', additional: true }));
    db.prepare('UPDATE identities SET hr_end_date = ? WHERE id = ?').run('2026-11-29', leaver.id);
    checks.runNow('import');
    expect(readMies(db, { identityId: leaver.id }).filter((mie) => mie.kind === 'badge').map((mie) => mie.status)).toEqual(['suspended', 'suspended']);
    const [review] = (await overview()).leaverReviews;
    expect(review).toMatchObject({ identityId: leaver.id, trigger: 'import', dueOn: '2026-12-06', hrEndDate: '2026-11-29' });
    expect(review!.suspendedMieIds).toHaveLength(2);
    // An exception needs a second agent in person: not the same agent, and their card in the reader.
    await logIn('office', 'badge-office');
    const ownCard = readers.get('Agent')!;
    readers.set('Second', ownCard);
    const exception = { reviewId: review!.id, decision: 'restore', reason: 'contrat prolongé', newEndDate: '2027-06-30', secondAgent: { reader: 'Second', pin: '1234' } };
    expect((await call('office', 'resolveLeaverReview', { ...exception, secondAgent: undefined })).error?.code).toBe('INVALID_ARGUMENT');
    expect((await call('office', 'resolveLeaverReview', exception)).error).toMatchObject({ code: 'FORBIDDEN' });
    await logIn('office-second', 'badge-office', 1);
    readers.set('Second', readers.get('Agent')!);
    readers.set('Agent', ownCard);
    expect((await call('office', 'resolveLeaverReview', { ...exception, newEndDate: '2026-11-29' })).error?.code).toBe('INVALID_ARGUMENT');
    expect(readMies(db, { identityId: leaver.id }).filter((mie) => mie.kind === 'badge').map((mie) => mie.status)).toEqual(['suspended', 'suspended']);
    await value(call('office', 'resolveLeaverReview', exception));
    expect(db.prepare('SELECT status, reason, confirmed_by FROM leaver_reviews WHERE id = ?').get(review!.id)).toMatchObject({ status: 'restored', reason: 'contrat prolongé', confirmed_by: expect.any(String) });
    expect(readMies(db, { identityId: leaver.id }).filter((mie) => mie.kind === 'badge').map((mie) => mie.status)).toEqual(['active', 'active']);
    expect(db.prepare('SELECT hr_end_date FROM identities WHERE id = ?').get(leaver.id)).toEqual({ hr_end_date: '2027-06-30' });
    // The HR record may still carry the old date: the settled review is not reopened by it.
    db.prepare("UPDATE source_records SET attributes_json = json_set(attributes_json, '$.endDate', '2026-11-29') WHERE source_id = 'sirh' AND hr_id = (SELECT hr_id FROM identities WHERE id = ?)").run(leaver.id);
    checks.runNow();
    expect(readMies(db, { identityId: leaver.id }).filter((mie) => mie.kind === 'badge').map((mie) => mie.status)).toEqual(['active', 'active']);
  });

  it('records an immediate departure and revokes at review, keeping every MIE row', async () => {
    const leaver = db.prepare("SELECT identity_id AS id FROM mie WHERE identifier = '04BB000000000A'").get() as { id: string };
    const rowsBefore = readMies(db, { identityId: leaver.id }).length;
    const result = await value(call<LeaverRunResult>('night', 'recordImmediateDeparture', { identityId: leaver.id, reason: 'fin de mission' }));
    expect(result).toMatchObject({ outcome: 'applied', suspendedMies: 2, reviews: 1 });
    const review = (await overview()).leaverReviews.find((candidate) => candidate.identityId === leaver.id)!;
    expect((await call('night', 'resolveLeaverReview', { reviewId: review.id, decision: 'revoke', reason: 'départ confirmé' })).error?.code).toBe('FORBIDDEN');
    expect((await call('office', 'resolveLeaverReview', { reviewId: review.id, decision: 'revoke' })).error?.code).toBe('INVALID_ARGUMENT');
    await value(call('office', 'resolveLeaverReview', { reviewId: review.id, decision: 'revoke', reason: 'départ confirmé' }));
    expect(readMies(db, { identityId: leaver.id }).filter((mie) => mie.kind === 'badge').map((mie) => mie.status)).toEqual(['revoked', 'revoked']);
    expect(readMies(db, { identityId: leaver.id })).toHaveLength(rowsBefore);
  });

  it('lets the badge office change the shift changes, margin and maximum; refuses an unknown time zone', async () => {
    expect((await call('night', 'updateNightDeskSettings', { shiftChanges: ['06:30'], marginMinutes: 30, maxHours: 24, timeZone: 'Europe/Paris', massLeaverShare: 0.05 })).error?.code).toBe('FORBIDDEN');
    const bad = await call('office', 'updateNightDeskSettings', { shiftChanges: ['06:30'], marginMinutes: 30, maxHours: 24, timeZone: 'Mars/Olympus', massLeaverShare: 0.05 });
    expect(bad.error?.details?.field).toBe('timeZone');
    await value(call('office', 'updateNightDeskSettings', { shiftChanges: ['18:30', '06:30', '06:30'], marginMinutes: 30, maxHours: 24, timeZone: 'Europe/Paris', massLeaverShare: 0.05 }));
    const state = await overview();
    expect(state.settings.shiftChanges).toEqual(['06:30', '18:30']);
    // 10:30 Paris now: next change 18:30 Paris (17:30Z) + 30 min; at most 24 h.
    expect(state.defaultEnd).toBe('2026-11-29T18:00:00.000Z');
    expect(state.latestEnd).toBe('2026-11-30T09:30:00.000Z');
  });

  it('keeps the forgotten main badge suspended when its holder leaves while the temporary card is out', async () => {
    const person = db.prepare("SELECT id FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) AND id NOT IN (SELECT identity_id FROM mie) LIMIT 1").get() as { id: string };
    readers.set('Badge', badge('04BB00000000FF'));
    const main = await value(call<{ id: string }>('office', 'bindCard', { identityId: person.id, reader: 'Badge' }));
    await registerPool('night', '04AA000000000D');
    const issued = await value(call<TemporaryIssueResult>('night', 'issueTemporaryCard', { holder: { source: 'person', identityId: person.id }, cardIdentifier: '04AA000000000D' }));
    expect(readMies(db, { mieId: main.id })[0]!.status).toBe('suspended');
    await value(call('night', 'recordImmediateDeparture', { identityId: person.id, reason: 'démission' }));
    await value(call('night', 'returnTemporaryCard', { cardIdentifier: issued.issuance.cardIdentifier }));
    expect(readMies(db, { mieId: main.id })[0]!.status).toBe('suspended');
    expect(readMies(db, { mieId: issued.mie.id })[0]!.status).toBe('returned');
  });

  it('holds a mass-leaver run above the configured share, then applies it once confirmed', async () => {
    const people = db.prepare("SELECT id FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) AND id NOT IN (SELECT identity_id FROM mie) LIMIT 30").all() as { id: string }[];
    for (const [index, person] of people.entries()) {
      db.prepare(
        `INSERT INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
         VALUES (?, 'badge', ?, ?, 'active', '', 'setup', '', 'setup', '')`,
      ).run(`mass-${index}`, `04CC${String(index).padStart(10, '0')}`, person.id);
      db.prepare("UPDATE identities SET hr_end_date = '2026-11-28' WHERE id = ?").run(person.id);
    }
    checks.runNow('import');
    const { leaverHolds } = await overview();
    expect(leaverHolds).toHaveLength(1);
    expect(leaverHolds[0]).toMatchObject({ affected: 30, trigger: 'import', maxShare: 0.05 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM mie WHERE id LIKE 'mass-%' AND status = 'active'").get()).toEqual({ n: 30 });
    checks.runNow('schedule');
    expect((await overview()).leaverHolds).toHaveLength(1);
    const applied = await value(call<LeaverRunResult>('office', 'resolveLeaverHold', { holdId: leaverHolds[0]!.id, decision: 'apply' }));
    expect(applied).toMatchObject({ outcome: 'applied', suspendedMies: 30, reviews: 30 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM mie WHERE id LIKE 'mass-%' AND status = 'suspended'").get()).toEqual({ n: 30 });
    expect((await overview()).leaverHolds).toEqual([]);
  });
});
