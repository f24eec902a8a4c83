import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { openDeskCore, type DeskCore } from '../../src/core/desk/openDeskCore';
import { createIssuanceReceipt } from '../../src/core/receipts/createIssuanceReceipt';
import { startBrowserServer, type BrowserServer } from '../../src/server/startBrowserServer';
import type { Interactions } from '../support/countTrustedInteractions';
import { openJourneyPage } from '../support/openJourneyPage';
import { launchChromium } from '../support/launchChromium';
import { projectRoot } from '../support/startTestDesk';

/**
 * The night desk's whole evening in one journey, in Chromium: the agent fills the card stock by
 * tapping blank cards one after another on the same screen; an interim nurse nobody knows arrives
 * at 20:50 (the desk's clock, through its clock interface, on a winter Saturday in Paris); her
 * typed birth date is echoed in words; the card is valid until the next morning's 07:00 shift
 * change plus the margin; the receipt says so; at the end of the shift the card expires by itself
 * and her regularisation waits in "À traiter". Interactions are the page's trusted events.
 */
const arrival = Date.parse('2026-11-28T19:50:00Z'); // 20:50 in Paris (UTC+1 in November)
const realStart = Date.now();
let shiftMs = 0;
const clock = { now: () => new Date(arrival + (Date.now() - realStart) + shiftMs) };
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-night-journey-'));
let core: DeskCore;
let server: BrowserServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let readInteractions: () => Promise<Interactions>;
const consoleErrors: string[] = [];

async function tap(reader: keyof typeof simulatedReaderNames, cardId: string | null): Promise<void> {
  const name = simulatedReaderNames[reader];
  const view = cardId === null ? core.cards.removeSimulatedCard(name) : await core.cards.insertSimulatedCard(name, cardId);
  expect(view.state, JSON.stringify(view)).toBe(cardId === null ? 'empty' : 'present');
}

beforeAll(async () => {
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, clock, logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
  server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
  browser = await launchChromium();
  // The desk stands in a French hospital: the browser shows times in Paris time.
  ({ page, readInteractions } = await openJourneyPage(browser, consoleErrors, { timezoneId: 'Europe/Paris' }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('night desk: one evening, in one journey', { timeout: 180_000 }, () => {
  it('fills the stock, issues a card to an unknown interim nurse at 20:50 until tomorrow 08:00, expires it at the end of the shift and leaves her regularisation in À traiter', async () => {
    // The night agent logs in with their CPS.
    const agent = core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'night-desk'").get() as { id: string };
    await tap('agent', `cps:${agent.id}`);
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Guichet de nuit' }).click();
    await page.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').pressSequentially('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Carte temporaire' }).waitFor();
    const atLogin = await readInteractions();

    // 1. The stock: blank cards tapped one after another, on this screen, no second tab.
    const tabs = browser.context.pages().length;
    await page.getByRole('button', { name: 'Enregistrer des cartes dans le stock' }).click();
    for (const [index, cardId] of ['test:desfire-ev1', 'test:mifare-classic-1k'].entries()) {
      await tap('contactless', cardId);
      await expect.poll(() => page.getByTestId('nightdesk-pool').locator('tbody tr').count()).toBe(index + 1);
      await tap('contactless', null);
    }
    await page.getByRole('button', { name: 'Terminer l’enregistrement' }).click();
    expect(await page.getByTestId('nightdesk-pool').locator('tbody').textContent()).toMatch(/T-01.*disponible.*T-02.*disponible/);
    expect(browser.context.pages()).toHaveLength(tabs);
    const afterStock = await readInteractions();

    // 2. 20:50: an interim nurse from an agency, in no directory: typed, her birth date echoed in words.
    await page.getByRole('button', { name: /Personne hors annuaire/ }).click();
    await page.getByLabel('Nom', { exact: true }).pressSequentially('Rakotomalala');
    await page.getByLabel('Prénom', { exact: true }).pressSequentially('Mialy');
    await page.getByLabel('Date de naissance', { exact: true }).pressSequentially('12/04/1990');
    // 12/04 is the 12th of April, whatever the browser's locale (it was once read as 4 December).
    await expect.poll(() => page.getByTestId('typed-birth-date').textContent()).toBe('Né(e) le 12 avril 1990');
    await page.getByRole('button', { name: 'Utiliser cette personne' }).click();
    // Her card is tapped on the reader by a hand.
    await tap('contactless', 'test:desfire-ev1');
    await expect.poll(() => page.getByTestId('nightdesk-card').textContent()).toContain('Carte T-01');
    // She starts the night shift (21:00 is 10 min away): her card lasts until the 07:00 change + 60 min.
    expect(await page.getByLabel('Fin de validité').inputValue()).toBe('2026-11-29T08:00');
    await page.getByRole('button', { name: 'Remettre la carte temporaire' }).click();
    await expect.poll(() => page.getByTestId('nightdesk-result').textContent()).toContain('Carte T-01 remise à Mialy RAKOTOMALALA, valable jusqu’au 29/11/2026 08:00.');
    await page.getByRole('button', { name: 'Reçu PDF' }).click();
    await page.getByTestId('receipt').waitFor();
    const afterIssue = await readInteractions();
    const issue = { clicks: afterIssue.clicks - afterStock.clicks, keys: afterIssue.keys - afterStock.keys };

    const nurse = core.db.prepare("SELECT id, status, birth_date AS birthDate FROM identities WHERE last_name = 'RAKOTOMALALA' AND first_name = 'Mialy'").get() as { id: string; status: string; birthDate: string };
    expect(nurse).toMatchObject({ status: 'temporary', birthDate: '1990-04-12' });
    const card = core.db.prepare("SELECT id, status, valid_until AS validUntil FROM mie WHERE identity_id = ? AND kind = 'temporary-badge'").get(nurse.id) as { id: string; status: string; validUntil: string };
    expect(card).toMatchObject({ status: 'active', validUntil: '2026-11-29T07:00:00.000Z' });
    const receipt = await createIssuanceReceipt(core.db, card.id);
    const receiptText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(receipt.pdfBase64, 'base64'), encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(receiptText).toContain('Date de naissance 12 avril 1990');
    expect(receiptText).toContain('Valide jusqu’au 29 novembre 2026 à 08:00');
    await page.getByRole('button', { name: 'Nouvelle remise' }).click();
    await tap('contactless', null);

    // 3. The end of the shift: the desk's clock passes 08:00 and its scheduled check runs; the card expires by itself.
    shiftMs += 11 * 3_600_000 + 15 * 60_000;
    core.nightDeskChecks.runNow();
    expect((core.db.prepare('SELECT status FROM mie WHERE id = ?').get(card.id) as { status: string }).status).toBe('expired');
    // Eleven hours on the desk's clock lock the session for inactivity: the lock says why, the agent unlocks with the PIN.
    await page.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
    expect(await page.locator('.enrollment-login').textContent()).toContain('Guichet verrouillé après 5 min sans activité : identifiez-vous à nouveau.');
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').pressSequentially('1234');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Carte temporaire' }).waitFor();
    await expect.poll(() => page.getByTestId('nightdesk-overdue').textContent()).toContain('T-01');

    // 4. Her regularisation (and the card not returned yet) wait in "À traiter".
    await page.getByTestId('workqueue-count').click();
    const rows = page.getByTestId('workqueue-items').getByRole('row').filter({ hasText: 'RAKOTOMALALA' });
    await expect.poll(() => rows.filter({ hasText: 'Régularisation (carte de nuit)' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Régularisation (carte de nuit)' }).textContent()).toContain('carte T-01 remise par');
    expect(await page.getByTestId('workqueue-items').textContent()).toContain('Carte temporaire non rendue');

    console.info(
      `[night desk journey] stock of 2 cards: ${afterStock.clicks - atLogin.clicks} clicks; unknown interim nurse typed and issued with receipt: ${issue.clicks} clicks + ${issue.keys} key presses (trusted page events)`,
    );
    // Open the typed form, use the person, issue, receipt; the keys are her name, first name and birth date.
    expect(issue.clicks).toBeLessThanOrEqual(4);
    expect(issue.keys).toBeLessThanOrEqual('Rakotomalala'.length + 'Mialy'.length + '12/04/1990'.length);
    expect(consoleErrors).toEqual([]);
  });
});
