import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/api/dispatch';
import { labelService } from '../../shared/directory/serviceLabels';
import type { DeskHandlers } from '../../shared/api/dispatch';
import type { CardLookup, MieView, ReceiptFile } from '../../shared/api/enrollment.contract';
import type { CardAccess, PresentedCard } from '../agents/CardAccess';
import { createDeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { createEventHub } from '../desk/createEventHub';
import { openDatabase } from '../store/openDatabase';
import { createEnrollmentHandlers } from './createEnrollmentHandlers';

const clock = { now: () => new Date('2026-11-29T09:00:00Z') };
const readers = new Map<string, PresentedCard>();
const cards: CardAccess = {
  readCard: (reader) => readers.get(reader) ?? null,
  verifyPin: (_reader, pin) => Promise.resolve(pin === '1234' ? { ok: true, triesLeft: null } : { ok: false, reason: 'WRONG_PIN', triesLeft: 2 }),
};
const cps = (serial: string, idNat: string, lastName: string, firstName: string, profession = 'Médecin'): PresentedCard => ({
  reader: 'Agent',
  type: 'CPS4',
  uid: null,
  desfire: null,
  cps: { idNat, rpps: idNat.startsWith('8') ? idNat.slice(1) : null, lastName, firstName, profession, serial, notAfter: '2028-11-29T00:00:00.000Z' },
});
const badge = (uid: string): PresentedCard => ({ reader: 'Badge', type: 'DESFIRE', uid, cps: null, desfire: { randomUid: false } });

let db: Database.Database;
/** Holds the first badge bound (test 1), lost at night (test 3) and replaced (test 4). */
let badgeHolderId = '';
let call: (connectionId: string, method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: { fr: string }; details?: Record<string, unknown> } }>;
const person = (where: string) => db.prepare(`SELECT id, last_name, first_name, rpps, profession FROM identities WHERE ${where} LIMIT 1`).get() as { id: string; last_name: string; first_name: string; rpps: string | null; profession: string | null };

beforeAll(() => {
  db = openDatabase({ path: ':memory:' });
  seedDemoDirectory(db, generateDemoHospital({ today: '2026-11-29' }), clock);
  const events = createEventHub();
  const sessions = createDeskSessions({ db, clock, events, deskName: 'guichet-test' });
  const dispatch = createDispatcher(createEnrollmentHandlers({ db, clock, events, sessions, cards }) as DeskHandlers, { guard: createDispatchGuard({ db, clock, sessions, deskName: 'guichet-test' }) });
  call = (connectionId, method, input) => dispatch(method, input, { connectionId, transport: 'browser' }) as ReturnType<typeof call>;
});
afterAll(() => db.close());

async function logIn(connectionId: string, role: string): Promise<string> {
  const agent = db.prepare('SELECT a.identity_id AS id, i.rpps, i.last_name, i.first_name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE role = ?').get(role) as { id: string; rpps: string | null; last_name: string; first_name: string };
  const serial = `A${role.length}00000000`.slice(0, 10);
  if (agent.rpps === null) {
    // A staff card (CPE, no RPPS) enrolled earlier for this agent.
    db.prepare(
      `INSERT OR IGNORE INTO mie (id, kind, identifier, identity_id, status, valid_from, created_by, created_at, updated_by, updated_at)
       VALUES (?, 'cps', ?, ?, 'active', '', 'setup', '', 'setup', '')`,
    ).run(`setup-${role}`, serial, agent.id);
  }
  readers.set('Agent', cps(serial, agent.rpps === null ? `3990000011/${role}` : `8${agent.rpps}`, agent.last_name, agent.first_name));
  const opened = await call(connectionId, 'openDeskSession', { reader: 'Agent', pin: '1234' });
  expect(opened.ok, JSON.stringify(opened.error)).toBe(true);
  return agent.id;
}

describe('enrollment desk API', () => {
  it('needs a session, then binds a badge and refuses the same badge for someone else', async () => {
    expect((await call('w1', 'lookUpCard', { reader: 'Badge' })).error?.code).toBe('UNAUTHENTICATED');
    await logIn('w1', 'badge-office');
    const first = person("rpps IS NULL AND status = 'active' AND hr_id < '900000'");
    const second = person(`rpps IS NULL AND status = 'active' AND hr_id < '900000' AND id != '${first.id}'`);
    readers.set('Badge', badge('04AABBCCDDEE01'));
    badgeHolderId = first.id;
    const bound = await call('w1', 'bindCard', { identityId: first.id, reader: 'Badge' });
    expect(bound.ok).toBe(true);
    const lookup = (await call('w1', 'lookUpCard', { reader: 'Badge' })).value as CardLookup;
    expect(lookup.binding?.identityId).toBe(first.id);
    const refused = await call('w1', 'bindCard', { identityId: second.id, reader: 'Badge' });
    expect(refused.error?.code).toBe('CONFLICT');
    expect(refused.error?.message.fr).toContain(first.last_name);

    const receipt = (await call('w1', 'getReceipt', { mieId: (bound.value as MieView).id })).value as ReceiptFile;
    const dir = mkdtempSync(join(tmpdir(), 'guichet-receipt-'));
    try {
      writeFileSync(join(dir, receipt.fileName), Buffer.from(receipt.pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', join(dir, receipt.fileName), '-'], { encoding: 'utf8' });
      expect(text).toContain('Reçu de remise');
      expect(text).toContain(first.last_name);
      expect(text).toContain('04AABBCCDDEE01');
      expect(text).toContain('guichet-test');
      // Codes reach the receipt as labels: the service by its name, the card by its model.
      const { service } = db.prepare('SELECT service FROM identities WHERE id = ?').get(first.id) as { service: string };
      expect(text).toMatch(new RegExp(`Service\\s+${labelService(service, 'fr')}`));
      expect(text).not.toMatch(new RegExp(`Service\\s+${service}\\b`));
      expect(text).toMatch(/Modèle de carte\s+MIFARE DESFire/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('brings a CPS holder up directly by RPPS, scores candidates for an unknown RPPS and pairs after confirmation', async () => {
    const doctor = person("rpps IS NOT NULL AND status = 'active' AND hr_id < '900000'");
    readers.set('Customer', { ...cps('C100000001', `8${doctor.rpps}`, doctor.last_name, doctor.first_name), reader: 'Customer' });
    const direct = (await call('w1', 'lookUpCard', { reader: 'Customer' })).value as CardLookup;
    expect(direct.rppsHolder?.identityId).toBe(doctor.id);
    expect(direct.candidates).toEqual([]);

    const unknown = person(`rpps IS NULL AND status = 'active' AND hr_id < '900000' AND profession IS NOT NULL AND id != '${badgeHolderId}'`);
    readers.set('Customer', { ...cps('C100000002', '810000000018', unknown.last_name, unknown.first_name, unknown.profession!), reader: 'Customer' });
    const scored = (await call('w1', 'lookUpCard', { reader: 'Customer' })).value as CardLookup;
    expect(scored.rppsHolder).toBeNull();
    expect(scored.candidates[0]).toMatchObject({ person: { identityId: unknown.id }, score: 100 });
    expect(scored.candidates[0]!.evidence.find((e) => e.field === 'lastName')?.outcome).toBe('identical');
    const expired = readers.get('Customer')!;
    readers.set('Customer', { ...expired, cps: { ...expired.cps!, notAfter: '2026-11-28T00:00:00.000Z' } });
    expect((await call('w1', 'bindCard', { identityId: unknown.id, reader: 'Customer', confirmPairing: true })).error?.details).toMatchObject({ rule: 'card-expired' });
    readers.set('Customer', expired);
    expect((await call('w1', 'bindCard', { identityId: unknown.id, reader: 'Customer' })).error?.details).toMatchObject({ rule: 'pairing-needs-confirmation' });
    expect((await call('w1', 'bindCard', { identityId: unknown.id, reader: 'Customer', confirmPairing: true })).ok).toBe(true);
    expect(person(`id = '${unknown.id}'`).rpps).toBe('10000000018');
  });

  it('refuses leavers, the agent’s own card, and badge-office acts to the night desk even when called directly', async () => {
    const leaver = person("status = 'left'");
    readers.set('Badge', badge('04AABBCCDDEE02'));
    expect((await call('w1', 'bindCard', { identityId: leaver.id, reader: 'Badge' })).error?.details).toMatchObject({ rule: 'leaver' });
    const officeAgent = await logIn('w1', 'badge-office');
    expect((await call('w1', 'bindCard', { identityId: officeAgent, reader: 'Badge' })).error?.code).toBe('FORBIDDEN');

    await logIn('w2', 'night-desk');
    const someone = person(`id = '${badgeHolderId}'`);
    const refused = await call('w2', 'bindCard', { identityId: someone.id, reader: 'Badge' });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', details: { act: 'mie.bind', role: 'night-desk' } });
    const [mie] = ((await call('w2', 'getPersonEnrollment', { identityId: someone.id })).value as { mies: MieView[] }).mies;
    expect((await call('w2', 'changeMieStatus', { mieId: mie!.id, action: 'resume' })).error?.code).toBe('FORBIDDEN');
    expect((await call('w2', 'changeMieStatus', { mieId: mie!.id, action: 'declare-lost', reason: 'perdu au parking' })).ok).toBe(true);
    expect((await call('w2', 'listJournal', {})).error?.code).toBe('FORBIDDEN');
  });

  it('replaces a lost badge and keeps a verifiable journal', async () => {
    const someone = person(`id = '${badgeHolderId}'`);
    const [lost] = ((await call('w1', 'getPersonEnrollment', { identityId: someone.id })).value as { mies: MieView[] }).mies;
    expect(lost!.status).toBe('lost');
    readers.set('Badge', badge('04AABBCCDDEE03'));
    const replacement = (await call('w1', 'replaceMie', { mieId: lost!.id, reader: 'Badge', reason: 'perdu' })).value as MieView;
    expect(replacement).toMatchObject({ status: 'active', replacesMieId: lost!.id });
    const history = (await call('w1', 'getMieHistory', { mieId: lost!.id })).value as { action: string; toStatus: string }[];
    expect(history.map((h) => [h.action, h.toStatus])).toEqual([['mie.bind', 'active'], ['mie.declare-lost', 'lost']]);
    expect((await call('w1', 'getMieHistory', { mieId: 'nope' })).error?.code).toBe('NOT_FOUND');
    await logIn('w3', 'auditor');
    expect((await call('w3', 'verifyJournal', {})).value).toMatchObject({ ok: true });
    const csv = (await call('w3', 'exportJournalCsv', {})).value as { csv: string };
    expect(csv.csv).toContain('mie.replace');
  });
});
