import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDetail } from '../../shared/api/directory.contract';
import { createDispatcher, type DeskHandlers } from '../../shared/api/dispatch';
import type { MieView, PersonEnrollment } from '../../shared/api/enrollment.contract';
import type { NightDeskOverview, PoolCardView, TemporaryIssueResult } from '../../shared/api/nightdesk.contract';
import type { ReviewQueue } from '../../shared/api/reconcile.contract';
import type { WorkQueue } from '../../shared/api/workqueue.contract';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { createEventHub } from '../desk/createEventHub';
import { createDirectoryHandlers } from '../directory/createDirectoryHandlers';
import { createEnrollmentHandlers } from '../enrollment/createEnrollmentHandlers';
import { importSources } from '../import/importSources';
import { createNightDeskHandlers } from '../nightdesk/createNightDeskHandlers';
import { createReconcileHandlers } from '../reconcile/createReconcileHandlers';
import { reconcileDirectory } from '../reconcile/reconcileDirectory';
import { readSourcesConfig } from '../sources/readSourcesConfig';
import { openDatabase } from '../store/openDatabase';
import { createWorkQueueHandlers } from '../workqueue/createWorkQueueHandlers';

// 03:10 in Paris: the night desk is open, the badge office decided during the day.
const now = new Date('2026-12-03T02:10:00Z');
const clock = { now: () => now };
const readers = new Map<string, PresentedCard>();
const cards: CardAccess = { readCard: (reader) => readers.get(reader) ?? null, verifyPin: () => Promise.resolve({ ok: true, triesLeft: null }) };
const badge = (reader: string, uid: string): PresentedCard => ({ reader, type: 'DESFIRE', uid, cps: null, desfire: { randomUid: false } });

let dir = '';
let db: Database.Database;
type Reply<T> = { ok: boolean; value: T; error?: { code: string; message: { fr: string }; details?: Record<string, unknown> } };
let call: <T = unknown>(connectionId: string, method: string, input: unknown) => Promise<Reply<T>>;
const value = async <T>(reply: Promise<Reply<T>>): Promise<T> => {
  const result = await reply;
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-desk-facts-'));
  db = openDatabase({ path: ':memory:' });
  // The real demo files on disk: imported by the real importers, reconciled by the engine.
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-12-03' }), clock, { sourcesDir: dir });
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock, events, deskName: 'bureau-badges', idleLockMs: 7 * 24 * 3_600_000 });
  const handlers = {
    ...createEnrollmentHandlers({ db, clock, events, sessions, cards }),
    ...createNightDeskHandlers({ db, clock, events, cards }),
    ...createReconcileHandlers({ db, clock, events }),
    ...createDirectoryHandlers(db),
    ...createWorkQueueHandlers({ db, clock }),
  };
  const dispatch = createDispatcher(handlers as DeskHandlers, { guard: createDispatchGuard({ db, clock, sessions, deskName: 'bureau-badges' }) });
  call = (connectionId, method, input) => dispatch(method, input, { connectionId, transport: 'browser' }) as never;
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a session for the first agent of `role` (a staff card when they have no RPPS). */
async function logIn(connectionId: string, role: string): Promise<void> {
  const agent = db.prepare('SELECT a.identity_id AS id, i.rpps, i.last_name, i.first_name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE role = ? ORDER BY i.last_name LIMIT 1').get(role) as {
    id: string;
    rpps: string | null;
    last_name: string;
    first_name: string;
  };
  const serial = `S${role.length}00000000`.slice(0, 10);
  if (agent.rpps === null) {
    db.prepare(`INSERT OR IGNORE INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES (?, 'cps', ?, ?, 'active', '', 'setup', '', 'setup', '')`).run(`setup-${role}`, serial, agent.id);
  }
  const idNat = agent.rpps === null ? `3990000011/${role}` : `8${agent.rpps}`;
  const reader = `Agent ${connectionId}`;
  readers.set(reader, { reader, type: 'CPS4', uid: null, desfire: null, cps: { idNat, rpps: agent.rpps, lastName: agent.last_name, firstName: agent.first_name, profession: 'Cadre', serial, notAfter: '2028-01-01T00:00:00Z' } });
  await value(call(connectionId, 'openDeskSession', { reader, pin: '1234' }));
}

/** People of the HR export with no means, no agent role, no RPPS: the desk's customers. */
function customers(count: number): { id: string; last_name: string; first_name: string }[] {
  return db
    .prepare(
      `SELECT id, last_name, first_name FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND rpps IS NULL
          AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
        ORDER BY last_name, id LIMIT ?`,
    )
    .all(count) as { id: string; last_name: string; first_name: string }[];
}

/** Register RPPS numbers no identity holds and no link names. */
function freeRegisterRpps(count: number): string[] {
  return db
    .prepare(
      `SELECT r.rpps FROM source_records r WHERE r.source_id = 'rpps' AND r.rpps IS NOT NULL
          AND r.rpps NOT IN (SELECT rpps FROM identities WHERE rpps IS NOT NULL) AND r.id NOT IN (SELECT record_id FROM identity_links)
        ORDER BY r.rpps LIMIT ?`,
    )
    .pluck()
    .all(count) as string[];
}

async function reimportAndReconcileTwice(): Promise<void> {
  const parsed = await readSourcesConfig(join(dir, 'sources.json'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const report = await importSources(db, { config: parsed.config, clock, force: true });
  expect(report.ok, JSON.stringify(report.errors.slice(0, 3))).toBe(true);
  reconcileDirectory(db, { clock });
  const { report: second } = reconcileDirectory(db, { clock });
  // The two night-desk temporary people have no HR record: the store keeps them, and says so.
  expect(second.identityStore).toMatchObject({ keptTemporary: 2, merged: 0, removed: 0 });
}

describe('desk decisions survive import and reconciliation', () => {
  it('keeps a desk RPPS pairing, a desk departure, night-desk temporary people, accepted and rejected links and bound badges', async () => {
    await logIn('office', 'badge-office');
    await logIn('night', 'night-desk');
    const [paired, badged, leaver] = customers(3) as [{ id: string; last_name: string; first_name: string }, { id: string }, { id: string }];
    const [pairedRpps, interimRpps] = freeRegisterRpps(2) as [string, string];

    // 1. A CPS whose RPPS the directory links to no one: the agent confirms the pairing.
    readers.set('Cps', {
      reader: 'Cps',
      type: 'CPS4',
      uid: null,
      desfire: null,
      cps: { idNat: `8${pairedRpps}`, rpps: pairedRpps, lastName: paired.last_name, firstName: paired.first_name, profession: 'Médecin', serial: 'C000000001', notAfter: '2029-01-01T00:00:00Z' },
    });
    const cps = await value(call<MieView>('office', 'bindCard', { identityId: paired.id, reader: 'Cps', confirmPairing: true }));

    // 2. A badge bound to another person.
    readers.set('Badge', badge('Badge', '04DE5C00000001'));
    const boundBadge = await value(call<MieView>('office', 'bindCard', { identityId: badged.id, reader: 'Badge' }));

    // 3. The night desk: a temporary card to an unknown typed person, another to an interim nurse found only in the register.
    for (const uid of ['04AA0000000001', '04AA0000000002']) {
      readers.set('Pool', badge('Pool', uid));
      await value(call<PoolCardView>('night', 'registerPoolCard', { reader: 'Pool' }));
    }
    const unknown = await value(
      call<TemporaryIssueResult>('night', 'issueTemporaryCard', { holder: { source: 'typed', lastName: 'Zorglub', firstName: 'Ysaline', birthDate: '1991-04-12' }, cardIdentifier: '04AA0000000001' }),
    );
    const interim = await value(call<TemporaryIssueResult>('night', 'issueTemporaryCard', { holder: { source: 'register', rpps: interimRpps }, cardIdentifier: '04AA0000000002' }));

    // 4. An immediate departure recorded at the desk (HR does not know yet).
    await value(call('office', 'recordImmediateDeparture', { identityId: leaver.id, reason: 'fin de mission ce jour' }));

    // 5. Review proposals: one accepted, one rejected.
    const queue = await value(call<ReviewQueue>('office', 'listReviewProposals', { limit: 200 }));
    const [accepted, rejected] = queue.proposals.filter((proposal, index, all) => all.findIndex((other) => other.identity.identityId === proposal.identity.identityId) === index) as [
      ReviewQueue['proposals'][number],
      ReviewQueue['proposals'][number],
    ];
    expect(accepted).toBeDefined();
    expect(rejected).toBeDefined();
    await value(call('office', 'decideReviewProposal', { recordId: accepted.recordId, identityId: accepted.identity.identityId, decision: 'accept', reason: 'même personne, vérifié au guichet' }));
    await value(call('office', 'decideReviewProposal', { recordId: rejected.recordId, identityId: rejected.identity.identityId, decision: 'reject', reason: 'homonyme, autre date de naissance' }));
    const acceptedBefore = await value(call<PersonDetail>('office', 'getPerson', { identityId: accepted.identity.identityId }));

    await reimportAndReconcileTwice();

    // The pairing: the person keeps the RPPS, nobody else got it, the CPS is still hers.
    const pairedAfter = await value(call<PersonEnrollment>('office', 'getPersonEnrollment', { identityId: paired.id }));
    expect(pairedAfter.person).toMatchObject({ rpps: pairedRpps, status: 'active' });
    expect(pairedAfter.mies.map((mie) => [mie.id, mie.status])).toEqual([[cps.id, 'active']]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM identities WHERE rpps = ?').get(pairedRpps)).toEqual({ n: 1 });

    // The badge: same person, still active.
    const badgedAfter = await value(call<PersonEnrollment>('office', 'getPersonEnrollment', { identityId: badged.id }));
    expect(badgedAfter.mies.map((mie) => [mie.id, mie.status])).toEqual([[boundBadge.id, 'active']]);

    // The departure: HR still has no end date, the desk's date holds.
    const leaverAfter = await value(call<PersonEnrollment>('office', 'getPersonEnrollment', { identityId: leaver.id }));
    expect(leaverAfter.hrEndDate).toBe('2026-12-03');
    expect(leaverAfter.person.status).toBe('leaving');

    // The night desk's people: still temporary (not "left"), their cards live, their regularizations open.
    for (const issued of [unknown, interim]) {
      const person = await value(call<PersonEnrollment>('night', 'getPersonEnrollment', { identityId: issued.mie.identityId }));
      expect(person.person.status).toBe('temporary');
      expect(person.mies.find((mie) => mie.id === issued.mie.id)?.status).toBe('active');
    }
    const interimAfter = await value(call<PersonDetail>('night', 'getPerson', { identityId: interim.mie.identityId }));
    expect(interimAfter.rpps).toBe(interimRpps);
    expect(interimAfter.records.map((record) => [record.sourceId, record.recordKey, record.link?.rule])).toContainEqual(['rpps', interimRpps, 'night-desk-temporary']);
    const night = await value(call<NightDeskOverview>('night', 'getNightDeskOverview', {}));
    expect(night.regularizations.map((task) => task.identityId).sort()).toEqual([unknown.mie.identityId, interim.mie.identityId].sort());

    // The accepted link: validated, same identity; the rejected one: not back on that person nor in the queue.
    const acceptedAfter = await value(call<PersonDetail>('office', 'getPerson', { identityId: accepted.identity.identityId }));
    const acceptedRecord = acceptedAfter.records.find((record) => record.sourceId === accepted.sourceId && record.recordKey === accepted.recordKey);
    expect(acceptedRecord?.link).toMatchObject({ decision: 'validated' });
    expect(acceptedAfter.rpps).toBe(acceptedBefore.rpps);
    const rejectedAfter = await value(call<PersonDetail>('office', 'getPerson', { identityId: rejected.identity.identityId }));
    expect(rejectedAfter.records.some((record) => record.sourceId === rejected.sourceId && record.recordKey === rejected.recordKey)).toBe(false);
    const queueAfter = await value(call<ReviewQueue>('office', 'listReviewProposals', { limit: 200 }));
    expect(queueAfter.proposals.some((proposal) => proposal.recordId === rejected.recordId && proposal.identity.identityId === rejected.identity.identityId)).toBe(false);
    expect(queueAfter.proposals.some((proposal) => proposal.recordId === accepted.recordId)).toBe(false);
  }, 120_000);

  it('keeps a desk RPPS when HR later gives that number to someone else, and puts the conflict in À traiter on the paired person', async () => {
    const { identityId, rpps } = db.prepare("SELECT identity_id AS identityId, value AS rpps FROM identity_desk_facts WHERE fact = 'rpps'").get() as { identityId: string; rpps: string };
    const pairedHrId = db.prepare('SELECT hr_id FROM identities WHERE id = ?').pluck().get(identityId) as string;
    // The next HR export gives the number to a colleague (a typo at HR, or the desk paired the wrong card).
    const path = join(dir, 'sirh.csv');
    const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n') as [string, ...string[]];
    const target = rows.findIndex((row) => {
      const cells = row.split(';');
      return cells[0] !== pairedHrId && cells[10] === '' && cells[11] === '';
    });
    const cells = rows[target]!.split(';');
    cells[11] = rpps;
    rows[target] = cells.join(';');
    writeFileSync(path, `${[header, ...rows].join('\n')}\n`);

    await reimportAndReconcileTwice();

    const queue = await value(call<WorkQueue>('office', 'getWorkQueue', {}));
    expect(queue.counts['rpps-conflict']).toBe(1);
    expect(queue.items.find((item) => item.kind === 'rpps-conflict')).toMatchObject({ identityId, screen: 'desk', facts: { rpps, hrRecord: `sirh/${cells[0]}` } });
    // The desk's pairing holds meanwhile: the number stays with the person whose card it is.
    const paired = await value(call<PersonEnrollment>('office', 'getPersonEnrollment', { identityId }));
    expect(paired.person.rpps).toBe(rpps);
    expect(db.prepare('SELECT COUNT(*) AS n FROM identities WHERE rpps = ?').get(rpps)).toEqual({ n: 1 });
  }, 120_000);
});
