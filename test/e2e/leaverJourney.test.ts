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
import { verifyJournal } from '../../src/core/journal/verifyJournal';
import { checkLeaverInvariant } from '../../src/core/leavers/checkLeaverInvariant';
import { startBrowserServer, type BrowserServer } from '../../src/server/startBrowserServer';
import { launchChromium } from '../support/launchChromium';
import { projectRoot } from '../support/startTestDesk';

/**
 * The badge office's leaver journey in Chromium, on the simulated readers: bind a badge, the HR
 * export says she left yesterday, import, reconcile, then the desk. Interactions are counted in
 * the page from the trusted click and keydown events the browser itself dispatches.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-leaver-'));
let core: DeskCore;
let server: BrowserServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let readInteractions: () => Promise<Interactions>;
const consoleErrors: string[] = [];

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  hr_id: string;
}
let person: PersonRow;
const badgeUidOf = (identityId: string) => (core.db.prepare("SELECT identifier FROM mie WHERE identity_id = ? AND kind = 'badge'").get(identityId) as { identifier: string } | undefined)?.identifier;

/** A hand putting a simulated card on a reader (or taking it away): not a desk interaction, so not through the desk API. */
async function tap(reader: keyof typeof simulatedReaderNames, cardId: string | null): Promise<void> {
  const name = simulatedReaderNames[reader];
  const view = cardId === null ? core.cards.removeSimulatedCard(name) : await core.cards.insertSimulatedCard(name, cardId);
  expect(view.card === null, JSON.stringify(view)).toBe(cardId === null);
}

/** Trusted clicks and key presses the page saw since it loaded (the test's own bookkeeping plays no part). */
async function interactions(): Promise<Interactions> {
  return readInteractions();
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
const mieStatuses = () => (core.db.prepare('SELECT status FROM mie WHERE identity_id = ? ORDER BY created_at').all(person.id) as { status: string }[]).map((row) => row.status);
const timings: Record<string, number> = {};
let started = 0;
const mark = (phase: string) => (timings[phase] = (Date.now() - started) / 1000);

beforeAll(async () => {
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
  server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
  browser = await launchChromium();
  ({ page, readInteractions } = await openJourneyPage(browser, consoleErrors));
  person = core.db
    .prepare(
      `SELECT id, last_name, first_name, hr_id FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND hr_end_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
          AND length(last_name) > 3 ORDER BY hr_id LIMIT 1`,
    )
    .get() as PersonRow;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('badge office: a leaver never keeps a means', { timeout: 180_000 }, () => {
  it('binds a badge tapped on the reader the desk follows by itself', async () => {
    const office = core.db.prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.last_name").get() as { id: string; rpps: string | null };
    await tap('agent', simulatedLoginCardId({ identityId: office.id, rpps: office.rpps }));
    await page.goto(server.url);
    started = Date.now();
    await page.getByRole('navigation').getByRole('button', { name: 'Guichet', exact: true }).click();
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').pressSequentially('1234');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-bar').waitFor();
    mark('login');

    // The customer taps her badge on the contactless reader: the desk follows it, nobody picks the reader.
    await tap('contactless', `badge:${person.id}`);
    await expect.poll(() => page.getByLabel('Lecteur de la carte à lier').inputValue()).toBe(simulatedReaderNames.contactless);
    await expect.poll(() => page.getByTestId('card-binding').textContent()).toContain('Carte libre');
    await page.getByLabel('Nom, prénom, date de naissance, matricule ou RPPS').pressSequentially(person.hr_id);
    await page.getByTestId('enrollment-search-results').getByRole('button').first().click();
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('enrollment-notice').textContent()).toContain('Carte liée à');
    mark('bound');
    // After the bind, "Lier" is off: the card is hers now.
    await expect.poll(() => page.getByTestId('bind-blocked').textContent()).toContain('déjà liée à cette personne');
    expect(mieStatuses()).toEqual(['active']);

    // Switching screens keeps the desk: the reader and the person are still there.
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.getByRole('navigation').getByRole('button', { name: 'Recherche' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('person-enrollment').count()).toBe(0);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('person-enrollment').getByRole('heading', { level: 2 }).textContent()).toContain(person.last_name.toUpperCase());
    // The reader list comes back with the screen: wait for it rather than read it once.
    await expect.poll(() => page.getByLabel('Lecteur de la carte à lier').inputValue()).toBe(simulatedReaderNames.contactless);
  });

  it('imports an HR export saying she left yesterday, then reconciles: her badge is suspended and one review waits', async () => {
    const sirh = join(dataDir, 'sources', 'sirh.csv');
    const lines = readFileSync(sirh, 'utf8').split('\r\n');
    const header = lines[0]!.split(';');
    const at = lines.findIndex((line) => line.split(';')[header.indexOf('MATRICULE')] === person.hr_id);
    const cells = lines[at]!.split(';');
    cells[header.indexOf('DATE_SORTIE')] = frenchDate(yesterday());
    lines[at] = cells.join(';');
    writeFileSync(sirh, lines.join('\r\n'));

    await page.getByRole('navigation').getByRole('button', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    await expect.poll(() => page.getByText('Import terminé').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => mieStatuses()).toEqual(['suspended']);
    mark('imported');

    const runs = () => (core.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE action = 'directory.reconcile'").get() as { n: number }).n;
    const before = runs();
    await page.getByRole('navigation').getByRole('button', { name: 'Rapprochements' }).click();
    await page.getByRole('button', { name: 'Relancer le rapprochement' }).click();
    await expect.poll(runs, { timeout: 60_000 }).toBeGreaterThan(before);
    mark('reconciled');
    expect(mieStatuses()).toEqual(['suspended']);
    expect(checkLeaverInvariant(core.db, { now: new Date() })).toMatchObject({ ok: true });
    expect((core.db.prepare("SELECT COUNT(*) AS n FROM leaver_reviews WHERE identity_id = ? AND status = 'open'").get(person.id) as { n: number }).n).toBe(1);
  });

  it('opens her from the work queue: "Parti(e) le …", reactivation needs a reason and a second agent, a second badge cannot be bound', async () => {
    await expect.poll(() => page.getByTestId('workqueue-count').textContent()).toMatch(/À traiter : [1-9]/);
    await page.getByTestId('workqueue-count').click();
    const row = page.getByTestId('workqueue-items').getByRole('row').filter({ hasText: `${person.first_name} ${person.last_name}` });
    expect(await row.textContent()).toContain('Départ à revoir');
    await row.getByRole('button', { name: /^Ouvrir au guichet —/ }).click();
    await expect.poll(() => page.getByTestId('eligibility').textContent()).toContain(`Parti(e) le ${frenchDate(yesterday())}`);
    expect(await page.getByTestId('person-enrollment').textContent()).toContain(frenchDate(yesterday()));
    mark('opened from the queue');

    const uid = badgeUidOf(person.id)!;
    await page.getByRole('button', { name: `Réactiver — ${uid}` }).click();
    const dialog = page.getByTestId('confirm-dialog');
    const confirm = dialog.getByRole('button', { name: 'Réactiver' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Motif (obligatoire)').pressSequentially('revient lundi');
    // Still off: the second agent has not typed their code.
    expect(await confirm.isDisabled()).toBe(true);
    expect(await dialog.getByTestId('second-agent').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(mieStatuses()).toEqual(['suspended']);

    // Another (blank) badge on the reader: the desk follows it and keeps her, but "Lier" is off.
    await tap('contactless', 'test:desfire-ev1');
    await expect.poll(() => page.getByTestId('card-binding').textContent()).toContain('Carte libre');
    await expect.poll(() => page.getByTestId('bind-blocked').textContent()).toContain('la personne a quitté l’établissement');
    expect(await page.getByRole('button', { name: /^Lier la carte à/ }).isDisabled()).toBe(true);
  });

  it('closes the review by revoking, with a reason: every means is revoked and the invariant holds', async () => {
    await page.getByTestId('workqueue-count').click();
    const row = page.getByTestId('workqueue-items').getByRole('row').filter({ hasText: `${person.first_name} ${person.last_name}` });
    await row.getByRole('button', { name: 'Révoquer ses moyens' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByLabel('Motif (obligatoire)').pressSequentially('départ confirmé');
    await dialog.getByRole('button', { name: 'Révoquer ses moyens' }).click();
    await expect.poll(() => page.getByTestId('workqueue-notice').textContent()).toContain('révoqués');
    mark('revoked');
    expect(mieStatuses()).toEqual(['revoked']);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('mies').textContent()).toContain('Révoqué');

    const { clicks, keys } = await interactions();
    console.info(
      `[leaver journey] ${clicks} clicks + ${keys} key presses (trusted page events); seconds from the first click: ${Object.entries(timings)
        .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)}`)
        .join(', ')}`,
    );
    expect(clicks).toBeLessThanOrEqual(20);
    expect(checkLeaverInvariant(core.db, { now: new Date() })).toEqual({ ok: true, violations: [], held: 0 });
    expect(verifyJournal(core.db)).toMatchObject({ ok: true });
    expect(core.db.prepare("SELECT status, reason FROM leaver_reviews WHERE identity_id = ?").get(person.id)).toEqual({ status: 'revoked', reason: 'départ confirmé' });
    expect(consoleErrors).toEqual([]);
  });

  it('lets the badge office allow MIFARE Classic 1K as a staff badge in the card-type settings; Ultralight stays a visitor ticket', async () => {
    await page.getByRole('button', { name: 'Types de cartes autorisés' }).click();
    const form = page.getByTestId('card-policy');
    const classic1kAsStaff = form.getByLabel('MIFARE Classic 1K comme Badge du personnel');
    await classic1kAsStaff.waitFor();
    expect(await classic1kAsStaff.isChecked()).toBe(false);
    expect(await form.getByLabel('MIFARE Ultralight comme Badge du personnel').isChecked()).toBe(false);
    expect(await form.getByLabel('MIFARE Ultralight comme Ticket visiteur').isChecked()).toBe(true);
    await classic1kAsStaff.check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => form.textContent()).toContain('Types de cartes enregistrés');
    const stored = core.db.prepare("SELECT value_json FROM settings WHERE key = 'cardTypePolicy'").get() as { value_json: string };
    expect(JSON.parse(stored.value_json).staffBadge).toContain('MIFARE_CLASSIC_1K');
  });

  it('grants an exception with a reason and a second agent who puts their own CPS in and types its code', async () => {
    const other = core.db
      .prepare(
        `SELECT id, last_name, first_name, hr_id FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND hr_end_date IS NULL
            AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
            AND length(last_name) > 3 AND id != ? ORDER BY hr_id DESC LIMIT 1`,
      )
      .get(person.id) as PersonRow;
    await tap('contactless', `badge:${other.id}`);
    await page.getByLabel('Nom, prénom, date de naissance, matricule ou RPPS').fill(other.hr_id);
    await page.getByTestId('enrollment-search-results').getByRole('button').first().click();
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('enrollment-notice').textContent()).toContain('Carte liée à');

    const sirh = join(dataDir, 'sources', 'sirh.csv');
    const lines = readFileSync(sirh, 'utf8').split('\r\n');
    const header = lines[0]!.split(';');
    const at = lines.findIndex((line) => line.split(';')[header.indexOf('MATRICULE')] === other.hr_id);
    const cells = lines[at]!.split(';');
    cells[header.indexOf('DATE_SORTIE')] = frenchDate(yesterday());
    lines[at] = cells.join(';');
    writeFileSync(sirh, lines.join('\r\n'));
    await page.getByRole('navigation').getByRole('button', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    const statuses = () => (core.db.prepare('SELECT status FROM mie WHERE identity_id = ?').all(other.id) as { status: string }[]).map((row) => row.status);
    await expect.poll(statuses, { timeout: 60_000 }).toEqual(['suspended']);

    await page.getByTestId('workqueue-count').click();
    await page.getByTestId('workqueue-items').getByRole('row').filter({ hasText: `${other.first_name} ${other.last_name}` }).getByRole('button', { name: /^Ouvrir au guichet —/ }).click();
    await expect.poll(() => page.getByTestId('eligibility').textContent()).toContain('Parti(e) le');
    const uid = (core.db.prepare("SELECT identifier FROM mie WHERE identity_id = ?").get(other.id) as { identifier: string }).identifier;
    await page.getByRole('button', { name: `Réactiver — ${uid}` }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByLabel('Motif (obligatoire)').fill('contrat prolongé, export RH en retard');
    // The second agent, in person: their own CPS in the customer's contact reader (the desk does not follow it), then their code.
    const second = core.db
      .prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.last_name LIMIT 1 OFFSET 1")
      .get() as { id: string; rpps: string | null };
    await tap('contact', simulatedLoginCardId({ identityId: second.id, rpps: second.rpps }));
    await expect.poll(() => dialog.getByLabel('Lecteur de sa carte CPS').inputValue()).toBe(simulatedReaderNames.contact);
    await dialog.getByLabel('Son code').fill('1234');
    await dialog.getByRole('button', { name: 'Réactiver' }).click();
    await expect.poll(statuses).toEqual(['active']);
    await expect.poll(() => page.getByTestId('eligibility').textContent()).toContain('Peut recevoir');
    expect(await page.getByTestId('person-enrollment').getByRole('heading', { level: 2 }).textContent()).toContain(other.last_name.toUpperCase());
    expect(core.db.prepare("SELECT status, reason, confirmed_by FROM leaver_reviews WHERE identity_id = ?").get(other.id)).toEqual({ status: 'restored', reason: 'contrat prolongé, export RH en retard', confirmed_by: second.id });
    expect(checkLeaverInvariant(core.db, { now: new Date() }).ok).toBe(true);
  });

  it('takes a desk agent’s means away only with a reason and a second agent present (four eyes)', async () => {
    const office = core.db.prepare("SELECT a.identity_id AS id FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.last_name").get() as { id: string };
    const second = core.db.prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'admin' ORDER BY i.last_name").get() as { id: string; rpps: string | null };
    const target = core.db
      .prepare(
        `SELECT i.id, i.last_name, i.first_name, m.id AS mieId, m.identifier FROM agents a JOIN identities i ON i.id = a.identity_id JOIN mie m ON m.identity_id = i.id AND m.status = 'active'
          WHERE a.role IN ('night-desk', 'auditor') AND i.id NOT IN (?, ?) ORDER BY i.last_name LIMIT 1`,
      )
      .get(office.id, second.id) as { id: string; last_name: string; first_name: string; mieId: string; identifier: string };
    const status = () => (core.db.prepare('SELECT status FROM mie WHERE id = ?').get(target.mieId) as { status: string }).status;
    await page.getByLabel('Nom, prénom, date de naissance, matricule ou RPPS').fill(`${target.last_name} ${target.first_name}`);
    await page.getByTestId('enrollment-search-results').getByRole('button').first().click();
    await page.getByRole('button', { name: `Suspendre — ${target.identifier}` }).click();
    // The core refuses without a second agent; the desk asks for one instead of failing.
    const dialog = page.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(status()).toBe('active');
    await dialog.getByLabel('Motif (obligatoire)').fill('carte oubliée au vestiaire, à suspendre');
    await tap('contact', null);
    await tap('contact', simulatedLoginCardId({ identityId: second.id, rpps: second.rpps }));
    await expect.poll(() => dialog.getByLabel('Lecteur de sa carte CPS').inputValue()).toBe(simulatedReaderNames.contact);
    await dialog.getByLabel('Son code').fill('1234');
    await dialog.getByRole('button', { name: 'Suspendre' }).click();
    await expect.poll(status).toBe('suspended');
    const confirmed = core.db.prepare("SELECT after_json AS after FROM journal WHERE action = 'agent-act.confirmed' AND subject_id = ? ORDER BY seq DESC LIMIT 1").get(target.id) as { after: string };
    expect(JSON.parse(confirmed.after)).toMatchObject({ method: 'changeMieStatus', confirmedBy: second.id });
  });
});
