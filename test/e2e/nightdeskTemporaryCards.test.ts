import type { Interactions } from '../support/countTrustedInteractions';
import { openJourneyPage } from '../support/openJourneyPage';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { startBrowserServer, type BrowserServer } from '../../src/server/startBrowserServer';
import { launchChromium } from '../support/launchChromium';
import { projectRoot } from '../support/startTestDesk';

// The desk's clock runs with real time, shifted when a test moves it (the desk closed for days).
let shiftMs = 0;
const clock = { now: () => new Date(Date.now() + shiftMs) };
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-nightdesk-'));
/** Where the Sources configuration points: a second HR export listing departures. */
const hrDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-hr-'));
let core: DeskCore;
let server: BrowserServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let readInteractions: () => Promise<Interactions>;
const consoleErrors: string[] = [];
const setup = { agentId: null, agentName: 'préparation e2e', desk: 'e2e' };

async function openDesk(): Promise<void> {
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, clock, sourcesConfigPath: join(hrDir, 'sources.json'), logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
  server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
}

async function closeDesk(): Promise<void> {
  await server.close();
  core.close();
}

/** A hand putting a simulated card on a reader (or taking it away): physical, so straight to the card service, no desk session. */
async function tap(reader: keyof typeof simulatedReaderNames, cardId: string | null): Promise<void> {
  const name = simulatedReaderNames[reader];
  const view = cardId === null ? core.cards.removeSimulatedCard(name) : await core.cards.insertSimulatedCard(name, cardId);
  expect(view.state, JSON.stringify(view)).toBe(cardId === null ? 'empty' : 'present');
}

/** The night-desk agent inserts their CPS, types the PIN and opens the night desk. */
async function logInAsNightAgent(): Promise<void> {
  const agent = core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'night-desk'").get() as { id: string };
  await tap('agent', `cps:${agent.id}`);
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Guichet de nuit' }).click();
  await page.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
  await page.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  await page.getByRole('heading', { name: 'Carte temporaire' }).waitFor();
}

/** An HR export listing departures, imported through the desk API as the Sources screen does. */
async function importHrEndDates(rows: { hrId: string; lastName: string; firstName: string; endDate: string }[]) {
  writeFileSync(join(hrDir, 'sorties.csv'), ['MATRICULE;NOM;PRENOM;DATE_SORTIE', ...rows.map((row) => `${row.hrId};${row.lastName};${row.firstName};${row.endDate.split('-').reverse().join('/')}`)].join('\n'));
  writeFileSync(
    join(hrDir, 'sources.json'),
    JSON.stringify({
      establishment: { name: 'Hôpital La Porte Verte', finess: ['990000011'] },
      sources: [{ id: 'sirh-sorties', kind: 'csv', role: 'hr', path: 'sorties.csv', delimiter: ';', dateFormat: 'DD/MM/YYYY', key: 'MATRICULE', fields: { hrId: 'MATRICULE', lastName: 'NOM', firstName: 'PRENOM', endDate: 'DATE_SORTIE' } }],
    }),
  );
  // A badge-office agent runs it from the Sources screen of another workstation (their session opened
  // there with their CPS; the night agent's card stays in this desk's agent reader).
  const officeAgent = core.db.prepare("SELECT a.identity_id AS id FROM agents a WHERE a.role = 'badge-office'").get() as { id: string };
  const sourcesScreen = { connectionId: 'sources-screen', transport: 'browser' as const };
  core.sessions.open(sourcesScreen.connectionId, { agentIdentityId: officeAgent.id, method: 'cps' });
  const result = await core.dispatch('runImport', { force: true }, sourcesScreen);
  core.sessions.close(sourcesScreen.connectionId);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { ok: true; value: { ok: boolean } }).value;
}

const mieStatuses = (identityId: string) =>
  (core.db.prepare('SELECT kind, status FROM mie WHERE identity_id = ? ORDER BY created_at, rowid').all(identityId) as { kind: string; status: string }[]).map((row) => `${row.kind}:${row.status}`);
const today = () => clock.now().toISOString().slice(0, 10);

beforeAll(async () => {
  await openDesk();
  browser = await launchChromium();
  ({ page, readInteractions } = await openJourneyPage(browser, consoleErrors));
  await logInAsNightAgent();
});

afterAll(async () => {
  await browser?.close();
  await closeDesk();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(hrDir, { recursive: true, force: true });
});

describe('night desk in Chromium', () => {
  it('numbers its three steps once, and keeps its settings behind a button', async () => {
    expect(await page.locator('.nightdesk-steps > li > h3').allTextContents()).toEqual(['Qui ?', 'Quelle carte ?', 'Jusqu’à quand ?']);
    const settings = page.getByTestId('nightdesk-settings');
    if ((await settings.count()) > 0) {
      expect(await settings.getAttribute('open')).toBeNull();
      expect(await settings.getByRole('button', { name: /Enregistrer/ }).isVisible()).toBe(false);
    }
  });

  it('registers three blank cards into the pool by tapping them', async () => {
    await page.getByRole('button', { name: 'Enregistrer des cartes dans le stock' }).click();
    for (const [index, cardId] of ['test:desfire-ev1', 'test:mifare-classic-1k', 'test:ultralight'].entries()) {
      await tap('contactless', cardId);
      await expect.poll(() => page.getByTestId('nightdesk-pool').locator('tbody tr').count()).toBe(index + 1);
      await tap('contactless', null);
    }
    await page.getByRole('button', { name: 'Terminer l’enregistrement' }).click();
    expect(await page.getByTestId('nightdesk-pool').locator('tbody').textContent()).toMatch(/T-01.*disponible.*T-02.*disponible.*T-03.*disponible/);
  });

  it('gives an interim nurse found in the RPPS extract a temporary card within 90 s, three clicks and the RPPS typed (trusted events)', async () => {
    const nurse = core.db
      .prepare("SELECT rpps, first_name FROM source_records WHERE source_id = 'rpps' AND json_extract(attributes_json, '$.profession') = '60' AND rpps NOT IN (SELECT rpps FROM identities WHERE rpps IS NOT NULL) LIMIT 1")
      .get() as { rpps: string; first_name: string };
    const counted = readInteractions;
    const before = await counted();
    const started = Date.now();
    await page.getByLabel(/Nom, prénom, RPPS/).pressSequentially(nurse.rpps);
    await page.getByTestId('nightdesk-candidates').getByRole('button').first().click();
    // The card is tapped on the reader by a hand, not through the screen.
    await tap('contactless', 'test:desfire-ev1');
    await expect.poll(() => page.getByTestId('nightdesk-card').textContent()).toContain('Carte T-01');
    await page.getByRole('button', { name: 'Remettre la carte temporaire' }).click();
    await expect.poll(() => page.getByTestId('nightdesk-result').textContent()).toMatch(/Carte T-01 remise à .*valable jusqu’au/);
    await page.getByRole('button', { name: 'Reçu PDF' }).click();
    await page.getByTestId('receipt').waitFor();
    const seconds = (Date.now() - started) / 1000;
    const after = await counted();
    const clicks = after.clicks - before.clicks;
    const keys = after.keys - before.keys;
    console.info(`[nightdesk] interim nurse: temporary card issued in ${seconds.toFixed(1)} s of desk time with ${clicks} clicks and ${keys} keys (the RPPS typed; receipt included)`);
    // Pick the nurse, issue, receipt: three clicks; the keys are the 11 digits of the RPPS.
    expect(clicks).toBeLessThanOrEqual(3);
    expect(keys).toBeLessThanOrEqual(nurse.rpps.length);
    expect(seconds).toBeLessThanOrEqual(90);

    const issued = core.db
      .prepare('SELECT t.desk_seconds, t.interactions, i.status, i.rpps, i.profession FROM temporary_issuances t JOIN identities i ON i.id = t.identity_id ORDER BY t.issued_at DESC LIMIT 1')
      .get() as { desk_seconds: number; interactions: number; status: string; rpps: string; profession: string };
    expect(issued).toMatchObject({ status: 'temporary', rpps: nurse.rpps, profession: 'Infirmier', interactions: 4 });
    expect(issued.desk_seconds).toBeLessThanOrEqual(90);
    expect(await page.getByTestId('nightdesk-timing').textContent()).toMatch(/Temps au guichet : \d+ s, 4 action/);
    await page.getByRole('button', { name: 'Nouvelle remise' }).click();
    await tap('contactless', null);
  });

  it('creates a temporary identity for a non-professional typed by name, first name and birth date', async () => {
    await page.getByRole('button', { name: /Personne hors annuaire/ }).click();
    await page.getByLabel('Nom', { exact: true }).fill('Lambert');
    await page.getByLabel('Prénom', { exact: true }).fill('Océane');
    // Day first, whatever the browser's locale; echoed in words, impossible days refused.
    const birthDate = page.getByLabel('Date de naissance', { exact: true });
    await birthDate.fill('31/02/1998');
    await expect.poll(() => page.getByTestId('typed-birth-date').textContent()).toBe('Date impossible : ce jour n’existe pas.');
    await birthDate.fill('17/05/1998');
    await expect.poll(() => page.getByTestId('typed-birth-date').textContent()).toBe('Né(e) le 17 mai 1998');
    await page.getByRole('button', { name: 'Utiliser cette personne' }).click();
    await page.getByRole('button', { name: 'Carte T-02' }).click();
    await page.getByRole('button', { name: 'Remettre la carte temporaire' }).click();
    await expect.poll(() => page.getByTestId('nightdesk-result').textContent()).toContain('Carte T-02 remise à Océane LAMBERT');
    expect(core.db.prepare("SELECT status, rpps, birth_date FROM identities WHERE last_name = 'LAMBERT' AND first_name = 'Océane'").all()).toEqual([{ status: 'temporary', rpps: null, birth_date: '1998-05-17' }]);
    await page.getByRole('button', { name: 'Nouvelle remise' }).click();
  });

  it('suspends a forgotten main badge while the temporary card is out, and restores it on return', async () => {
    const person = core.db.prepare("SELECT id, hr_id, first_name, last_name FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND rpps IS NULL AND id NOT IN (SELECT identity_id FROM agents) LIMIT 1").get() as {
      id: string;
      hr_id: string;
      first_name: string;
      last_name: string;
    };
    bindMie(core.db, clock, { actor: setup, identityId: person.id, kind: 'badge', identifier: '04E2E00000000A' });
    await page.getByLabel(/Nom, prénom, RPPS/).fill(person.hr_id);
    const candidate = page.getByTestId('nightdesk-candidates').locator('li').filter({ hasText: 'badge actif (oubli)' });
    await candidate.getByRole('button').click();
    await page.getByRole('button', { name: 'Carte T-03' }).click();
    await page.getByRole('button', { name: 'Remettre la carte temporaire' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Badge oublié : le badge principal est suspendu');
    expect(mieStatuses(person.id)).toEqual(['badge:suspended', 'temporary-badge:active']);
    await page.getByRole('button', { name: 'Nouvelle remise' }).click();
    await page.getByTestId('nightdesk-open').getByRole('row').filter({ hasText: person.last_name }).getByRole('button', { name: 'Reprendre la carte' }).click();
    await expect.poll(() => mieStatuses(person.id)).toEqual(['badge:active', 'temporary-badge:returned']);
    await expect.poll(() => page.getByTestId('nightdesk-pool').locator('tr').filter({ hasText: 'T-03' }).textContent()).toContain('rendue (disponible)');
  });

  it('expires the temporary cards whose end passed while the desk was closed, and lists them as overdue', async () => {
    await closeDesk();
    shiftMs += 73 * 3_600_000;
    await openDesk();
    await logInAsNightAgent();
    await expect.poll(() => page.getByTestId('nightdesk-overdue').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('nightdesk-overdue').textContent()).toMatch(/T-01.*T-02|T-02.*T-01/);
    expect((core.db.prepare("SELECT status FROM mie WHERE kind = 'temporary-badge' ORDER BY created_at").all() as { status: string }[]).map((row) => row.status)).toEqual(['expired', 'expired', 'returned']);
  });

  it('suspends every MIE of a person an HR import says has left, with a review due D+7', async () => {
    const person = core.db.prepare("SELECT i.id, i.hr_id, i.first_name, i.last_name FROM identities i JOIN mie m ON m.identity_id = i.id WHERE m.identifier = '04E2E00000000A'").get() as {
      id: string;
      hr_id: string;
      first_name: string;
      last_name: string;
    };
    bindMie(core.db, clock, { actor: setup, identityId: person.id, kind: 'badge', identifier: '04E2E00000000B', additional: true });
    const report = await importHrEndDates([{ hrId: person.hr_id, lastName: person.last_name, firstName: person.first_name, endDate: today() }]);
    expect(report.ok).toBe(true);
    expect(mieStatuses(person.id)).toEqual(['badge:suspended', 'temporary-badge:returned', 'badge:suspended']);
    const due = new Date(`${today()}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 7);
    expect(core.db.prepare("SELECT trigger, due_on FROM leaver_reviews WHERE identity_id = ? AND status = 'open'").get(person.id)).toEqual({ trigger: 'import', due_on: due.toISOString().slice(0, 10) });
    await expect.poll(() => page.getByTestId('nightdesk-leaver-reviews').textContent()).toContain(`${person.first_name} ${person.last_name}`);
  });

  it('holds a mass-leaver import for confirmation instead of suspending', async () => {
    const people = core.db
      .prepare("SELECT id, hr_id, first_name, last_name FROM identities WHERE status = 'active' AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) AND id NOT IN (SELECT identity_id FROM mie) LIMIT 40")
      .all() as { id: string; hr_id: string; first_name: string; last_name: string }[];
    for (const [index, person] of people.entries()) bindMie(core.db, clock, { actor: setup, identityId: person.id, kind: 'badge', identifier: `04E2E1${String(index).padStart(8, '0')}` });
    const report = await importHrEndDates(people.map((person) => ({ hrId: person.hr_id, lastName: person.last_name, firstName: person.first_name, endDate: today() })));
    expect(report.ok).toBe(true);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM mie WHERE identifier LIKE '04E2E1%' AND status = 'active'").get()).toEqual({ n: 40 });
    await expect.poll(() => page.getByTestId('nightdesk-hold').textContent()).toContain('Départs en masse retenus : 40 personnes');
  });

  it('refuses, in French, a desk agent’s departure asked by the night desk even with a second agent: it belongs to the badge office', async () => {
    const [leaving, second] = core.db
      .prepare("SELECT a.identity_id AS id, i.hr_id, i.last_name, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role IN ('badge-office', 'admin') AND i.hr_id IS NOT NULL ORDER BY a.role DESC, i.id LIMIT 2")
      .all() as { id: string; hr_id: string; last_name: string; rpps: string | null }[];
    const activeBefore = core.db.prepare("SELECT COUNT(*) FROM mie WHERE identity_id = ? AND status = 'active'").pluck().get(leaving!.id);
    const departure = page.getByRole('region', { name: 'Départ immédiat' });
    await departure.getByLabel('Personne qui part maintenant').fill(leaving!.hr_id);
    await departure.getByRole('button', { name: new RegExp(leaving!.last_name, 'i') }).first().click();
    await departure.getByLabel('Motif').fill('fin de mission ce soir');
    await departure.getByLabel(/C’est un agent du guichet/).check();
    await tap('contact', simulatedLoginCardId({ identityId: second!.id, rpps: second!.rpps }));
    await departure.getByLabel('Lecteur de sa carte CPS').selectOption(simulatedReaderNames.contact);
    await departure.getByLabel('Son code', { exact: true }).fill('1234');
    await departure.getByRole('button', { name: 'Suspendre tous ses moyens' }).click();
    await expect.poll(async () => (await page.locator('[role=alert], .status-error, .status-banner').allTextContents()).join(' | ')).toContain('relève du bureau des badges, avec un second agent');
    expect(core.db.prepare("SELECT COUNT(*) FROM journal WHERE action = 'agent-act.confirmed'").pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT COUNT(*) FROM mie WHERE identity_id = ? AND status = 'active'").pluck().get(leaving!.id)).toBe(activeBefore);
    await tap('contact', null);
  });

  it('has no serious or critical axe violation on the working night desk (lists, hold, flow)', async () => {
    await page.evaluate(readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('ran without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
