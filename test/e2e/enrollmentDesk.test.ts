import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectCardToVpcd, type VpcdConnection } from '../../src/core/cards/emulator/connectCardToVpcd';
import { createVirtualCard, type VirtualCardSpec } from '../../src/core/cards/emulator/createVirtualCard';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { startBrowserServer, type BrowserServer } from '../../src/server/startBrowserServer';
import { createWebSocketDeskClient } from '../../src/renderer/src/desk/createWebSocketDeskClient';
import { DeskError } from '../../src/shared/api/errors';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';
import { apiPath, tokenQueryParameter } from '../../src/shared/api/wire';
import { launchChromium } from '../support/launchChromium';
import { startPcscStack, type PcscStack } from '../support/pcscStack';
import { projectRoot } from '../support/startTestDesk';

/**
 * The enrollment desk end to end: the real core on a private pcscd with vpcd readers (reader 0
 * holds the agent's card, reader 1 the cards presented at the desk), the built renderer in
 * Chromium, emulated CPS and DESFire cards. Set GUICHET_SCREENSHOTS=1 to refresh the README
 * screenshots in resources/screenshots.
 */
let stack: PcscStack;
let core: DeskCore;
let server: BrowserServer;
let dataDir: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const inserted = new Map<number, VpcdConnection>();
const consoleErrors: string[] = [];
const screenshotsDir = process.env.GUICHET_SCREENSHOTS === '1' ? join(projectRoot, 'resources', 'screenshots') : null;
const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  hr_id: string;
  rpps: string | null;
  profession: string | null;
}
const personWhere = (where: string): PersonRow =>
  core.db
    .prepare(`SELECT id, last_name, first_name, hr_id, rpps, profession FROM identities WHERE ${where} AND id NOT IN (SELECT identity_id FROM agents) ORDER BY hr_id LIMIT 1`)
    .get() as PersonRow;
const agentOf = (role: string) =>
  core.db.prepare('SELECT i.id, i.last_name, i.first_name, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = ? ORDER BY i.hr_id LIMIT 1').get(role) as {
    id: string;
    last_name: string;
    first_name: string;
    rpps: string | null;
  };

/** Puts a card on reader `index` and waits until the core has decoded it. */
async function present(index: number, spec: VirtualCardSpec): Promise<void> {
  await pull(index);
  const reader = stack.readers[index]!.name;
  const decoded = new Promise<void>((resolve) => {
    const off = core.events.subscribe((event, payload) => {
      if (event === 'cardInserted' && (payload as { reader: string }).reader === reader) {
        off();
        resolve();
      }
    });
  });
  inserted.set(index, connectCardToVpcd({ card: await createVirtualCard(spec), port: stack.readers[index]!.port }));
  await decoded;
}

async function pull(index: number): Promise<void> {
  const connection = inserted.get(index);
  if (connection === undefined) return;
  inserted.delete(index);
  const reader = stack.readers[index]!.name;
  const removed = new Promise<void>((resolve) => {
    const off = core.events.subscribe((event, payload) => {
      if (event === 'cardRemoved' && (payload as { reader: string }).reader === reader) {
        off();
        resolve();
      }
    });
  });
  await connection.remove();
  await removed;
}

const cpsOf = (person: { last_name: string; first_name: string; profession?: string | null }, idNat: string, serial: string): VirtualCardSpec => ({
  kind: 'cps4',
  serial,
  holder: { idNat, lastName: person.last_name.toUpperCase(), firstName: person.first_name.toUpperCase(), profession: person.profession ?? 'Médecin' },
});

async function expectNoSeriousAxeViolations(): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

async function screenshot(name: string): Promise<void> {
  if (screenshotsDir === null) return;
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

const notice = () => page.getByTestId('enrollment-notice');
async function searchAndOpen(person: PersonRow): Promise<void> {
  await page.getByLabel('Nom, prénom, date de naissance, matricule ou RPPS').fill(person.hr_id);
  await page.getByTestId('enrollment-search-results').getByRole('button', { name: new RegExp(person.first_name) }).click();
  await expect.poll(() => page.getByTestId('person-enrollment').getByRole('heading', { level: 2 }).textContent()).toContain(person.last_name.toUpperCase());
}

beforeAll(async () => {
  stack = await startPcscStack({ readerEntries: ['Guichet Test'] });
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-enrollment-'));
  core = openDeskCore({
    dataDir,
    appVersion: 'test',
    transport: 'browser',
    seedDemo: true,
    cardReaders: 'pcsc',
    pcscEnv: stack.env,
    deskName: 'guichet-e2e',
    logger: { info: () => {}, error: (message, error) => console.error(message, error) },
  });
  const deadline = Date.now() + 10_000;
  while (core.cards.readState().readers.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
  // The badge-office agent's staff card (CPE, no RPPS) was enrolled by an administrator.
  bindMie(core.db, core.clock, { actor: { agentId: null, agentName: 'installation', desk: 'installation' }, identityId: agentOf('badge-office').id, kind: 'cps', identifier: 'AA00000001', cardRpps: null });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
});

afterAll(async () => {
  for (const connection of inserted.values()) await connection.remove();
  await browser?.close();
  await server?.close();
  core?.close();
  await stack?.dispose();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('the enrollment desk over real PC/SC', () => {
  it('opens a session with the agent’s own CPS and PIN, keyboard only', async () => {
    const agent = agentOf('badge-office');
    // The shortcut works once the shell is up; the desk is Alt+N where N is its place in the navigation.
    await page.getByRole('heading', { level: 1 }).waitFor();
    const names = await page.getByRole('navigation').getByRole('button').allTextContents();
    await page.keyboard.press(`Alt+${names.indexOf('Guichet') + 1}`);
    await page.getByRole('heading', { name: 'Ouverture du guichet' }).waitFor();
    await present(0, cpsOf(agent, '3990000011000001', 'AA00000001'));
    await page.getByLabel('Lecteur de votre carte').selectOption(stack.readers[0]!.name);
    await expect.poll(() => page.getByTestId('login-card').textContent()).toContain(agent.last_name.toUpperCase());
    await expectNoSeriousAxeViolations();
    await screenshot('1-login');
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').fill('9999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Code erroné : 2 essai(s) restant(s)');
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('session-bar').textContent()).toContain(`${agent.first_name} ${agent.last_name}`);
  });

  it('taps a CPS with an unknown RPPS: explained candidates, choose, bind after confirming the pairing', async () => {
    const person = personWhere("rpps IS NULL AND status = 'active' AND profession IS NOT NULL");
    const rpps = appendRppsCheckDigit('1099887766');
    await present(1, cpsOf(person, `8${rpps}`, 'C000000001'));
    const candidates = page.getByTestId('candidates');
    const best = candidates.getByRole('listitem').first();
    await expect.poll(() => best.textContent()).toContain(person.last_name.toUpperCase());
    expect(await best.textContent()).toContain('Score 100 / 100');
    expect(await best.getByRole('row', { name: /Nom/ }).first().textContent()).toContain('identique');
    await expectNoSeriousAxeViolations();
    await screenshot('2-card-candidates');
    await best.getByRole('button', { name: /^Choisir/ }).click();
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => notice().textContent()).toContain(`Le RPPS ${rpps} de la carte sera associé`);
    await page.getByRole('button', { name: 'Confirmer l’association' }).click();
    await expect.poll(() => notice().textContent()).toContain('Carte liée à');
    await expect.poll(() => page.getByTestId('mies').textContent()).toContain('C000000001');
    expect(core.db.prepare('SELECT rpps FROM identities WHERE id = ?').get(person.id)).toEqual({ rpps });
    await expect.poll(() => page.getByTestId('card-binding').textContent()).toContain('Cette carte est liée à');
  });

  it('taps a CPS whose RPPS is known: the person comes up directly and binds', async () => {
    const doctor = personWhere("rpps IS NOT NULL AND status = 'active'");
    await present(1, cpsOf(doctor, `8${doctor.rpps!}`, 'C000000002'));
    await expect.poll(() => page.getByTestId('person-enrollment').getByRole('heading', { level: 2 }).textContent()).toContain(doctor.last_name.toUpperCase());
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('mies').textContent()).toContain('C000000002');
  });

  it('taps a badge, binds it, shows the receipt; the same badge for a second person is refused with the holder’s name', async () => {
    const [first, second] = core.db
      .prepare("SELECT id, last_name, first_name, hr_id, rpps, profession FROM identities WHERE status = 'active' AND id NOT IN (SELECT identity_id FROM agents) AND id NOT IN (SELECT identity_id FROM mie) ORDER BY hr_id LIMIT 2")
      .all() as PersonRow[];
    await present(1, { kind: 'desfire-ev2', uid: '04E2E0000000A1' });
    await expect.poll(() => page.getByTestId('card-binding').textContent()).toContain('Carte libre');
    await searchAndOpen(first!);
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('mies').textContent()).toContain('04E2E0000000A1');
    await page.getByRole('button', { name: 'Reçu — 04E2E0000000A1' }).click();
    const receipt = page.getByTestId('receipt');
    await expect.poll(() => receipt.getByRole('link').getAttribute('download')).toMatch(/^recu-.*04E2E0000000A1\.pdf$/);
    await expectNoSeriousAxeViolations();
    await screenshot('3-person-bound-receipt');

    await searchAndOpen(second!);
    // The card belongs to someone else: "Lier" is off and says why.
    await expect.poll(() => page.getByTestId('bind-blocked').textContent()).toContain(`appartient à ${first!.first_name} ${first!.last_name}`);
    expect(await page.getByRole('button', { name: /^Lier la carte à/ }).isDisabled()).toBe(true);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM mie WHERE identity_id = ?').get(second!.id)).toEqual({ n: 0 });
  });

  it('declares the badge lost, then replaces it with a new one in one act', async () => {
    const holder = core.db.prepare("SELECT i.id, last_name, first_name, hr_id, rpps, profession FROM mie m JOIN identities i ON i.id = m.identity_id WHERE m.identifier = '04E2E0000000A1'").get() as PersonRow;
    await searchAndOpen(holder);
    await page.getByRole('button', { name: 'Déclarer perdu — 04E2E0000000A1' }).click();
    // An irreversible act: a dialog asks for the reason (no default) before anything happens.
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('button', { name: 'Déclarer perdu' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Motif (obligatoire)').fill('perdu au self');
    await dialog.getByRole('button', { name: 'Déclarer perdu' }).click();
    await expect.poll(() => page.getByTestId('mies').getByRole('row', { name: /04E2E0000000A1/ }).textContent()).toContain('Perdu');
    await present(1, { kind: 'desfire-ev2', uid: '04E2E0000000B2' });
    await page.getByRole('button', { name: 'Remplacer par la carte présentée — 04E2E0000000A1' }).click();
    await expect.poll(() => page.getByTestId('mies').getByRole('row', { name: /04E2E0000000B2/ }).textContent()).toContain('Actif');
    expect(await page.getByTestId('mies').getByRole('row', { name: /04E2E0000000A1/ }).textContent()).toContain('Perdu');
    expect(await page.getByTestId('history').textContent()).toContain('mie.replace');
  });

  it('refuses a MIE to a leaver', async () => {
    const leaver = personWhere("status = 'left'");
    await present(1, { kind: 'desfire-ev2', uid: '04E2E0000000C3' });
    await searchAndOpen(leaver);
    await expect.poll(() => page.getByTestId('eligibility').textContent()).toMatch(/Parti\(e\) le \d{2}\/\d{2}\/\d{4} : aucun moyen d’identification ne peut lui être remis/);
    expect(await page.getByRole('button', { name: /^Lier la carte à/ }).isDisabled()).toBe(true);
    expect(await page.getByTestId('bind-blocked').textContent()).toContain('la personne a quitté l’établissement');
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM mie WHERE identity_id = ?').get(leaver.id)).toEqual({ n: 0 });
  });

  it('locks when the agent’s card is pulled; the night desk is refused badge-office acts even over a raw connection', async () => {
    const night = agentOf('night-desk');
    await present(0, cpsOf(night, `8${night.rpps!}`, 'BB00000002'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'votre carte a été retirée' }).count()).toBe(1);

    const url = `ws://127.0.0.1:${new URL(server.url).port}${apiPath}?${tokenQueryParameter}=${encodeURIComponent(server.token)}`;
    const raw = createWebSocketDeskClient(url, WebSocket as unknown as typeof globalThis.WebSocket);
    try {
      await raw.ready;
      expect((await raw.api.openDeskSession({ reader: stack.readers[0]!.name, pin: '1234' })).agent).toMatchObject({ role: 'night-desk' });
      const someone = personWhere("status = 'active' AND id NOT IN (SELECT identity_id FROM mie)");
      const refusal = await raw.api.bindCard({ identityId: someone.id, reader: stack.readers[1]!.name }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(DeskError);
      expect((refusal as DeskError).code).toBe('FORBIDDEN');
      const replaced = core.db.prepare("SELECT id FROM mie WHERE identifier = '04E2E0000000B2'").get() as { id: string };
      await expect(raw.api.changeMieStatus({ mieId: replaced.id, action: 'resume' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(raw.api.listJournal({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      raw.close();
    }
  });

  it('journal: audit verify passes, then an edited row is detected and named', () => {
    const dbPath = join(dataDir, 'guichet.sqlite');
    const verify = () => spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'src', 'cli', 'main.ts'), 'audit', 'verify', '--db', dbPath], { encoding: 'utf8' });
    const intact = verify();
    expect(intact.status, intact.stderr).toBe(0);
    const entries = (core.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    expect(entries).toBeGreaterThan(10);
    expect(JSON.parse(intact.stdout)).toEqual({ ok: true, entries, leavers: { ok: true, violations: [], held: 0 } });
    const bind = core.db.prepare("SELECT seq FROM journal WHERE action = 'mie.bind' ORDER BY seq LIMIT 1").get() as { seq: number };
    // The store is encrypted: the tampering goes through a keyed connection, as an attacker holding the key would.
    core.db.exec(`DROP TRIGGER journal_no_update; UPDATE journal SET agent_name = 'Quelqu''un d''autre' WHERE seq = ${bind.seq};`);
    const altered = verify();
    expect(altered.status).not.toBe(0);
    expect(JSON.parse(altered.stdout)).toMatchObject({ ok: false, firstBadEntry: bind.seq, reason: 'altered' });
    expect(altered.stderr).toContain(`entry ${bind.seq}`);
  });

  it('ran without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
