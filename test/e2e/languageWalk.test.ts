import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { serviceLabels } from '../../src/shared/directory/serviceLabels';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * Walks every screen as an admin (who may open them all) in French, then in English, and fails on
 * a translation key shown raw or missing in the language shown, on English words in French mode,
 * on French words in English mode, and on ISO dates in French text.
 */
let desk: TestDesk;
let browser: DeskPage;
let page: Page;

const keyPattern = /(?<![/\w.@-])(app|nav|search|person|status|enrollment|cards|nightdesk|review|fido|sources|workqueue|setup|dashboard|journal|scim|error)\.[a-z][A-Za-z-]*(\.[A-Za-z-]+)*\b/;
const englishInFrench = /\b(equal|pending|revoked|suspended|This is a chart|auditor|admin|badge-office|night-desk|Loading|Error|undefined|null|NaN|Invalid Date|Too big|Required|Search|Cancel|Submit)\b/;
const frenchInEnglish = /\b(Rechercher|Annuler|Enregistrer|Valider|Personne|Carte liée|Aucun|Aucune|Guichet de nuit|Tableau de bord|Identifiez-vous)\b/;
const isoDate = /\b\d{4}-\d{2}-\d{2}\b/;
/** English dates are written `16 Jan 1962`: a numeric day/month would read differently in the UK and the US. */
const numericDate = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

beforeAll(async () => {
  desk = await startTestDesk();
  const admin = desk.core.db.prepare("SELECT i.id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'admin' ORDER BY i.id LIMIT 1").get() as { id: string; rpps: string | null };
  await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, simulatedLoginCardId({ identityId: admin.id, rpps: admin.rpps }));
  browser = await openDeskPage(desk);
  page = browser.page;
  await page.setViewportSize({ width: 1400, height: 1000 });
  const gate = page.getByTestId('session-gate');
  await gate.getByLabel('Lecteur de votre carte').selectOption(simulatedReaderNames.agent);
  await gate.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
  await gate.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
  await page.keyboard.press('Enter');
  await page.getByTestId('session-gate').waitFor({ state: 'detached' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

/** The text a person sees on each screen, with its name. */
async function walk(): Promise<{ screen: string; text: string }[]> {
  const buttons = page.getByRole('navigation').getByRole('button');
  const seen: { screen: string; text: string }[] = [];
  for (let index = 0; index < (await buttons.count()); index += 1) {
    const button = buttons.nth(index);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-current')).toBe('page');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    // Text and the words people read in attributes (labels of controls, hints).
    const text = await page.evaluate(() => {
      const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((element) => ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''));
      return `${document.body.innerText}\n${attributes.join('\n')}`;
    });
    seen.push({ screen: (await button.textContent()) ?? String(index), text });
  }
  return seen;
}

const offending = (screens: { screen: string; text: string }[], pattern: RegExp) =>
  screens.flatMap(({ screen, text }) => text.split('\n').filter((line) => pattern.test(line)).map((line) => `${screen}: ${line.trim().slice(0, 140)}`));

describe('every screen in both languages', { timeout: 180_000 }, () => {
  it('speaks French only in French', async () => {
    const screens = await walk();
    expect(screens.length).toBeGreaterThanOrEqual(10);
    expect(offending(screens, keyPattern)).toEqual([]);
    expect(offending(screens, englishInFrench)).toEqual([]);
    // Identifiers (RPPS, matricules, UIDs) may hold digits; a date in a sentence must be in words or dd/mm/yyyy.
    expect(offending(screens, isoDate)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __guichetMissingKeys?: string[] }).__guichetMissingKeys ?? [])).toEqual([]);
  });

  it('names services by their label in the search filter, the results and the person card, in both languages', async () => {
    const someone = desk.core.db.prepare("SELECT last_name AS lastName, hr_id AS hrId, service FROM identities WHERE service = 'URG' AND hr_id IS NOT NULL ORDER BY hr_id LIMIT 1").get() as { lastName: string; hrId: string; service: string };
    const rawCodeCell = new RegExp(`^(${Object.keys(serviceLabels).join('|')})$`);
    for (const [language, label, searchLabel, searchNav, filterLabel] of [
      ['fr', 'Urgences', 'Rechercher une personne', 'Recherche', 'Service'],
      ['en', 'Emergency department', 'Find a person', 'Search', 'Department'],
    ] as const) {
      await page.locator('header select').selectOption(language);
      await page.getByRole('navigation').getByRole('button', { name: searchNav, exact: true }).click();
      const filter = page.getByTestId('search-filters').getByRole('combobox', { name: filterLabel, exact: true });
      expect(await filter.locator('option').allTextContents()).toContain(label);
      expect((await filter.locator('option').allTextContents()).filter((text) => rawCodeCell.test(text))).toEqual([]);
      await page.getByLabel(searchLabel).fill(someone.hrId);
      const row = page.getByTestId('search-results').locator('tbody tr').filter({ hasText: someone.hrId });
      await row.waitFor();
      expect((await row.locator('td').allTextContents()).map((cell) => cell.trim())).toContain(label);
      expect((await page.getByTestId('search-results').locator('td').allTextContents()).filter((cell) => rawCodeCell.test(cell.trim()))).toEqual([]);
      await row.getByRole('button').click();
      const panel = page.locator('aside.person-panel');
      await expect.poll(() => panel.locator('dl.facts').textContent()).toContain(label);
      expect((await panel.locator('dd').allTextContents()).filter((cell) => rawCodeCell.test(cell.trim()))).toEqual([]);
      await page.keyboard.press('Escape');
    }
    await page.locator('header select').selectOption('fr');
  });

  it('speaks English only in English', async () => {
    await page.locator('header select').selectOption('en');
    const screens = await walk();
    expect(offending(screens, keyPattern)).toEqual([]);
    expect(offending(screens, frenchInEnglish)).toEqual([]);
    // One date format per language: no numeric or ISO date next to the English ones.
    expect(offending(screens, numericDate)).toEqual([]);
    expect(offending(screens, isoDate)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __guichetMissingKeys?: string[] }).__guichetMissingKeys ?? [])).toEqual([]);
    await page.locator('header select').selectOption('fr');
  });
});
