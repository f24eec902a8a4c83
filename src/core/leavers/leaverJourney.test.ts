import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type DeskHandlers } from '../../shared/api/dispatch';
import type { PersonEnrollment } from '../../shared/api/enrollment.contract';
import type { NightDeskOverview } from '../../shared/api/nightdesk.contract';
import type { WorkQueue } from '../../shared/api/workqueue.contract';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { createEventHub } from '../desk/createEventHub';
import { createEnrollmentHandlers } from '../enrollment/createEnrollmentHandlers';
import { readMies } from '../enrollment/readMies';
import { importSources } from '../import/importSources';
import { createNightDeskHandlers } from '../nightdesk/createNightDeskHandlers';
import { createWorkQueueHandlers } from '../workqueue/createWorkQueueHandlers';
import { startNightDeskChecks } from '../nightdesk/startNightDeskChecks';
import { reconcileDirectory } from '../reconcile/reconcileDirectory';
import { readSourcesConfig } from '../sources/readSourcesConfig';
import { openDatabase } from '../store/openDatabase';
import { checkLeaverInvariant } from './checkLeaverInvariant';

// 10:00 in Paris; the HR export says she left yesterday.
const now = new Date('2026-12-03T09:00:00Z');
const clock = { now: () => now };
const readers = new Map<string, PresentedCard>();
const cards: CardAccess = { readCard: (reader) => readers.get(reader) ?? null, verifyPin: () => Promise.resolve({ ok: true, triesLeft: null }) };
const badge = (uid: string): PresentedCard => ({ reader: 'Badge', type: 'DESFIRE', uid, cps: null, desfire: { randomUid: false } });

let dir = '';
let db: Database.Database;
let checks: ReturnType<typeof startNightDeskChecks>;
type Reply<T> = { ok: boolean; value: T; error?: { code: string; message: { fr: string; en: string }; details?: Record<string, unknown> } };
let call: <T = unknown>(connectionId: string, method: string, input: unknown) => Promise<Reply<T>>;
const value = async <T>(reply: Promise<Reply<T>>): Promise<T> => {
  const result = await reply;
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-leaver-journey-'));
  db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-12-03' }), clock, { sourcesDir: dir });
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock, events, deskName: 'bureau-badges', idleLockMs: 7 * 24 * 3_600_000 });
  const handlers = { ...createEnrollmentHandlers({ db, clock, events, sessions, cards }), ...createNightDeskHandlers({ db, clock, events, cards }), ...createWorkQueueHandlers({ db, clock }) };
  const dispatch = createDispatcher(handlers as DeskHandlers, { guard: createDispatchGuard({ db, clock, sessions, deskName: 'bureau-badges' }) });
  call = (connectionId, method, input) => dispatch(method, input, { connectionId, transport: 'browser' }) as never;
  checks = startNightDeskChecks({ db, clock, events, deskName: 'bureau-badges', intervalMs: 3_600_000, onError: (error) => { throw error; } });
});
afterAll(() => {
  checks.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Puts the `index`-th badge-office agent's card in `reader` (a staff card when they have no RPPS). */
function agentCard(reader: string, index: number): string {
  const agent = db.prepare("SELECT a.identity_id AS id, i.rpps, i.last_name, i.first_name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE role = 'badge-office' ORDER BY i.last_name LIMIT 1 OFFSET ?").get(index) as {
    id: string;
    rpps: string | null;
    last_name: string;
    first_name: string;
  };
  const serial = `J${index}00000000`;
  if (agent.rpps === null) {
    db.prepare(`INSERT OR IGNORE INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at) VALUES (?, 'cps', ?, ?, 'active', '', 'setup', '', 'setup', '')`).run(`setup-${index}`, serial, agent.id);
  }
  const idNat = agent.rpps === null ? `3990000011/office${index}` : `8${agent.rpps}`;
  readers.set(reader, { reader, type: 'CPS4', uid: null, desfire: null, cps: { idNat, rpps: agent.rpps, lastName: agent.last_name, firstName: agent.first_name, profession: 'Cadre', serial, notAfter: '2028-01-01T00:00:00Z' } });
  return agent.id;
}

describe('a leaver through import and reconciliation', () => {
  it('never keeps an active means: suspended at import, review open, resume and second bind refused, revoke revokes', async () => {
    agentCard('Agent', 0);
    await value(call('office', 'openDeskSession', { reader: 'Agent', pin: '1234' }));
    const person = db
      .prepare(
        `SELECT id, hr_id FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND hr_end_date IS NULL
            AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
          ORDER BY last_name LIMIT 1`,
      )
      .get() as { id: string; hr_id: string };
    readers.set('Badge', badge('04CAFE00000001'));
    const bound = await value(call<{ id: string }>('office', 'bindCard', { identityId: person.id, reader: 'Badge' }));

    // The HR export now says DATE_SORTIE = yesterday for her matricule.
    const sirh = join(dir, 'sirh.csv');
    const lines = readFileSync(sirh, 'utf8').split('\r\n');
    const header = lines[0]!.split(';');
    const column = header.indexOf('DATE_SORTIE');
    const at = lines.findIndex((line) => line.split(';')[header.indexOf('MATRICULE')] === person.hr_id);
    const cells = lines[at]!.split(';');
    cells[column] = '02/12/2026';
    lines[at] = cells.join(';');
    writeFileSync(sirh, lines.join('\r\n'));
    const parsed = await readSourcesConfig(join(dir, 'sources.json'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    await importSources(db, { config: parsed.config, clock, only: ['sirh'], afterCommit: () => void checks.runNow('import') });

    expect(readMies(db, { identityId: person.id }).map((mie) => mie.status)).toEqual(['suspended']);
    expect(checkLeaverInvariant(db, { now })).toEqual({ ok: true, violations: [], held: 0 });
    const desk = await value(call<PersonEnrollment>('office', 'getPersonEnrollment', { identityId: person.id }));
    expect(desk).toMatchObject({ hrEndDate: '2026-12-02', ineligibleReason: 'left', leaverReview: { hrEndDate: '2026-12-02' } });

    // "Réactiver" in one click, or with a reason but no second agent: refused.
    expect((await call('office', 'changeMieStatus', { mieId: bound.id, action: 'resume' })).error?.details).toMatchObject({ rule: 'leaver-resume-four-eyes' });
    expect((await call('office', 'changeMieStatus', { mieId: bound.id, action: 'resume', reason: 'revient lundi' })).error?.details).toMatchObject({ rule: 'leaver-resume-four-eyes' });
    agentCard('Second', 1);
    expect((await call('office', 'changeMieStatus', { mieId: bound.id, action: 'resume', secondAgent: { reader: 'Second', pin: '1234' } })).error?.code).toBe('INVALID_ARGUMENT');
    // A second badge: refused, saying she has left.
    readers.set('Badge', badge('04CAFE00000002'));
    const second = await call('office', 'bindCard', { identityId: person.id, reader: 'Badge', additional: true });
    expect(second.error?.details).toMatchObject({ rule: 'leaver', hrEndDate: '2026-12-02' });
    expect(second.error?.message.fr).toContain('a quitté l’établissement le 2 décembre 2026');
    // The English message names the day in words too, never as an ISO date.
    expect(second.error?.message.en).toContain('left on 2 December 2026');
    expect(second.error?.message.en).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // Reconciliation rebuilds the directory from the same export: still nothing active, the review stays open.
    reconcileDirectory(db, { clock });
    checks.runNow();
    expect(readMies(db, { identityId: person.id }).map((mie) => mie.status)).toEqual(['suspended']);
    expect(checkLeaverInvariant(db, { now }).ok).toBe(true);
    const { leaverReviews } = await value(call<NightDeskOverview>('office', 'getNightDeskOverview', {}));
    const review = leaverReviews.find((candidate) => candidate.identityId === person.id)!;
    expect(review).toBeDefined();

    // The "À traiter" queue lists her review (opening the desk with her), and says when it is past D+7.
    const queue = await value(call<WorkQueue>('office', 'getWorkQueue', {}));
    expect(queue.items.find((item) => item.id === review.id)).toMatchObject({ kind: 'leaver-review', identityId: person.id, screen: 'desk', overdue: false, dueOn: '2026-12-10' });
    expect(queue.counts['leaver-review']).toBeGreaterThanOrEqual(1);
    expect(queue.total).toBe(queue.items.filter((item) => item.kind !== 'link-review').length + queue.counts['link-review']);
    db.prepare("UPDATE leaver_reviews SET due_on = '2026-12-02' WHERE id = ?").run(review.id);
    const late = await value(call<WorkQueue>('office', 'getWorkQueue', {}));
    expect(late.items[0]).toMatchObject({ id: review.id, overdue: true });
    expect(late.overdue).toBe(queue.overdue + 1);

    // Whatever puts a means back to active behind the desk's back is caught by the invariant, then suspended into the same review.
    db.prepare("UPDATE mie SET status = 'active' WHERE id = ?").run(bound.id);
    expect(checkLeaverInvariant(db, { now })).toMatchObject({ ok: false, violations: [{ identityId: person.id, hrEndDate: '2026-12-02', activeMieIds: [bound.id] }] });
    checks.runNow();
    expect(checkLeaverInvariant(db, { now }).ok).toBe(true);

    // Only the badge office closes the review, by revoking (with a reason): every means is revoked for good.
    expect((await call('office', 'resolveLeaverReview', { reviewId: review.id, decision: 'revoke' })).error?.code).toBe('INVALID_ARGUMENT');
    await value(call('office', 'resolveLeaverReview', { reviewId: review.id, decision: 'revoke', reason: 'départ confirmé par la DRH' }));
    expect(readMies(db, { identityId: person.id }).map((mie) => mie.status)).toEqual(['revoked']);
    expect((await call('office', 'changeMieStatus', { mieId: bound.id, action: 'resume', reason: 'erreur', secondAgent: { reader: 'Second', pin: '1234' } })).error?.details).toMatchObject({ rule: 'transition' });
    readers.set('Badge', badge('04CAFE00000001'));
    expect((await call('office', 'bindCard', { identityId: person.id, reader: 'Badge' })).error?.details).toMatchObject({ rule: 'leaver' });
    expect(checkLeaverInvariant(db, { now }).ok).toBe(true);
  });

  it('reactivates a leaver’s means only as an exception with a reason and a second agent, which then covers that end date', async () => {
    const person = db
      .prepare(
        `SELECT id FROM identities i WHERE status = 'active' AND hr_end_date IS NULL AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id)
            AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id) ORDER BY last_name DESC LIMIT 1`,
      )
      .get() as { id: string };
    readers.set('Badge', badge('04CAFE00000003'));
    const bound = await value(call<{ id: string }>('office', 'bindCard', { identityId: person.id, reader: 'Badge' }));
    db.prepare("UPDATE identities SET hr_end_date = '2026-12-01' WHERE id = ?").run(person.id);
    checks.runNow();
    expect(readMies(db, { identityId: person.id }).map((mie) => mie.status)).toEqual(['suspended']);
    // The acting agent cannot be their own second agent.
    agentCard('Second', 0);
    expect((await call('office', 'changeMieStatus', { mieId: bound.id, action: 'resume', reason: 'contrat prolongé', secondAgent: { reader: 'Second', pin: '1234' } })).error?.code).toBe('FORBIDDEN');
    agentCard('Second', 1);
    agentCard('Agent', 0);
    const resumed = await value(call<{ status: string }>('office', 'changeMieStatus', { mieId: bound.id, action: 'resume', reason: 'contrat prolongé', secondAgent: { reader: 'Second', pin: '1234' } }));
    expect(resumed.status).toBe('active');
    expect(db.prepare("SELECT status, reason, confirmed_by FROM leaver_reviews WHERE identity_id = ? ORDER BY created_at DESC").get(person.id)).toMatchObject({ status: 'restored', reason: 'contrat prolongé' });
    expect(checkLeaverInvariant(db, { now }).ok).toBe(true);
    checks.runNow();
    expect(readMies(db, { identityId: person.id }).map((mie) => mie.status)).toEqual(['active']);
    const journal = db.prepare("SELECT after_json FROM journal WHERE action = 'leaver.exception' ORDER BY seq DESC").get() as { after_json: string };
    expect(JSON.parse(journal.after_json)).toMatchObject({ identityId: person.id, reason: 'contrat prolongé', confirmedBy: { agentName: expect.any(String) } });
  });

  it('gives a badge the contract end as validity, refuses a validity in the past and a visitor ticket as a staff badge', async () => {
    const person = db
      .prepare(
        `SELECT id FROM identities i WHERE status = 'active' AND hr_end_date IS NULL AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id)
            AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id) ORDER BY first_name LIMIT 1`,
      )
      .get() as { id: string };
    db.prepare("UPDATE identities SET hr_end_date = '2027-03-31' WHERE id = ?").run(person.id);
    readers.set('Badge', badge('04CAFE00000004'));
    const past = await call('office', 'bindCard', { identityId: person.id, reader: 'Badge', validUntil: '2026-12-02' });
    expect(past.error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { rule: 'valid-until-past' } });
    expect(past.error?.message.fr).toContain('2 décembre 2026');
    expect(past.error?.message.en).toContain('2 December 2026');
    readers.set('Badge', { ...badge('04CAFE000005'), type: 'MIFARE_ULTRALIGHT', desfire: null });
    expect((await call('office', 'bindCard', { identityId: person.id, reader: 'Badge' })).error?.details).toMatchObject({ rule: 'card-type-policy', visitorTicket: true });
    readers.set('Badge', badge('04CAFE00000004'));
    expect(await value(call('office', 'bindCard', { identityId: person.id, reader: 'Badge' }))).toMatchObject({ validUntil: '2027-03-31' });
  });
});
