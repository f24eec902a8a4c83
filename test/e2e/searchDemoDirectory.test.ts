import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logInDemoAgent } from '../support/logInDemoAgent';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

let desk: TestDesk;
let browser: DeskPage;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  desk = await startTestDesk();
  browser = await openDeskPage(desk);
  ({ page, consoleErrors } = browser);
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

/** Someone from the demo directory with an accent in the name, read from the store. */
function accentedPerson(): { last_name: string; first_name: string; hr_id: string; rpps: string | null } {
  return desk.core.db
    .prepare("SELECT last_name, first_name, hr_id, rpps FROM identities WHERE last_name GLOB '*[ÉÈÊËÏÇ]*' AND rpps IS NOT NULL ORDER BY hr_id LIMIT 1")
    .get() as { last_name: string; first_name: string; hr_id: string; rpps: string | null };
}

describe('browser mode: searching the demo directory', () => {
  it('opens on the demo hospital with the token moved out of the address bar and the demo banner', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Hôpital La Porte Verte');
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('directory-counts').textContent()).toMatch(/\d{3} personnes/);
    await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('DÉMONSTRATION');
  });

  it('asks for a login before showing anyone, then the agent logs in with their card', async () => {
    await page.getByTestId('session-gate').waitFor();
    expect(await page.getByLabel('Rechercher une personne').count()).toBe(0);
    await logInDemoAgent(desk, page);
  });

  it('finds a person typed without accents and in lower case, and shows their record', async () => {
    const person = accentedPerson();
    const folded = person.last_name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    await page.getByLabel('Rechercher une personne').fill(folded);
    const row = page.getByRole('row').filter({ hasText: person.hr_id });
    await row.waitFor();
    expect(await row.textContent()).toContain(person.last_name.toUpperCase());
    await row.getByRole('button').click();
    const panel = page.getByRole('complementary');
    await expect.poll(() => panel.textContent()).toContain(person.rpps!);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('finds by RPPS and by matricule', async () => {
    const person = accentedPerson();
    const search = page.getByLabel('Rechercher une personne');
    await search.fill(person.rpps!);
    await expect.poll(() => page.getByTestId('search-results').locator('tbody tr').first().textContent()).toContain(person.hr_id);
    await search.fill(person.hr_id);
    await expect.poll(() => page.getByTestId('search-results').locator('tbody tr').first().textContent()).toContain(person.rpps!);
  });

  it('says so when nobody matches, and switches to English', async () => {
    await page.getByLabel('Rechercher une personne').fill('zzzqxw');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('Aucune personne ne correspond à « zzzqxw ».');
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('Nobody matches “zzzqxw”.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('fr');
  });

  it('ran without console errors (CSP included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
