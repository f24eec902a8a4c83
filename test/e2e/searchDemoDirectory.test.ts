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

  it('stops a pasted text at 200 characters, says when the list is cut, and refuses an over-long query in French', async () => {
    const search = page.getByLabel('Rechercher une personne');
    await search.fill('');
    await search.focus();
    await page.keyboard.insertText('e'.repeat(250));
    expect((await search.inputValue()).length).toBe(200);
    // A query matching more than 50 people of the demo directory, found through the core.
    const agent = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
    desk.core.sessions.open('attacker', { agentIdentityId: agent.id, method: 'cps' });
    let broad = '';
    for (const candidate of ['ma', 'ch', 'le', 'ro', 'be', 'de', 'la', 'an', 'mo', 'ca', 'pa', 'ga', 'ba', 'je', 'ni']) {
      const found = (await desk.core.dispatch('searchPeople', { query: candidate, limit: 51 }, { connectionId: 'attacker', transport: 'browser' })) as { ok: boolean; value: unknown[] };
      if (found.ok && found.value.length > 50) {
        broad = candidate;
        break;
      }
    }
    expect(broad).not.toBe('');
    await search.fill(broad);
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('50 premiers résultats — affinez la recherche');
    expect(await page.getByTestId('search-results').locator('tbody tr').count()).toBe(50);
    // What the field never sends, an attacker may: the core answers in French, naming the field.
    const reply = await desk.core.dispatch('searchPeople', { query: 'x'.repeat(201) }, { connectionId: 'attacker', transport: 'browser' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: { fr: 'Saisie refusée : La recherche dépasse 200 caractères.' } } });
    // Filters narrow the list: only the active people of that query, each with the status pill.
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Parti' });
    await expect.poll(async () => (await page.getByTestId('search-results').locator('tbody tr td:last-child').allTextContents()).every((cell) => cell === 'Parti')).toBe(true);
    const left = desk.core.db.prepare("SELECT COUNT(*) FROM identities WHERE status = 'left'").pluck().get() as number;
    expect(await page.getByTestId('search-results').locator('tbody tr').count()).toBeLessThanOrEqual(Math.min(50, left));
    await page.getByLabel('Statut', { exact: true }).selectOption({ label: 'Tous' });
    await search.fill('');
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
