import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardInfo } from '../../src/shared/cards/cardTypes';
import { launchChromium } from '../support/launchChromium';
import { logInDemoAgent } from '../support/logInDemoAgent';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

let desk: TestDesk;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const consoleErrors: string[] = [];
const insertedCards: CardInfo[] = [];

beforeAll(async () => {
  desk = await startTestDesk();
  desk.core.events.subscribe((event, payload) => event === 'cardInserted' && insertedCards.push(payload as CardInfo));
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(desk.server.url);
  // Inserting any card but an agent's own needs a session (issue 15).
  await logInDemoAgent(desk, page);
  await page.getByRole('button', { name: 'Lecteurs de cartes' }).click();
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

function doctor(): { id: string; last_name: string; first_name: string; rpps: string } {
  return desk.core.db
    .prepare("SELECT id, last_name, first_name, rpps FROM identities WHERE rpps IS NOT NULL AND status = 'active' ORDER BY rpps LIMIT 1")
    .get() as { id: string; last_name: string; first_name: string; rpps: string };
}

const readerPanel = (name: string) => page.getByTestId('reader').filter({ has: page.getByRole('heading', { name }) });

describe('simulated readers panel (the desk without any real reader)', () => {
  it('says the readers are simulated and shows both empty readers', async () => {
    await expect.poll(() => page.getByTestId('card-service-status').textContent()).toContain('Lecteurs simulés');
    await expect.poll(() => page.getByTestId('reader').count()).toBe(3);
    await expect.poll(() => readerPanel('Lecteur simulé (contact)').getByRole('status').textContent()).toBe('Aucune carte');
  });

  it('opens the CPS card box on the agents’ cards, each named with its role', async () => {
    const agentReader = readerPanel('Lecteur simulé (contact)');
    await agentReader.getByRole('searchbox').fill('');
    await expect.poll(() => agentReader.getByTestId('agent-card-role').count()).toBeGreaterThanOrEqual(4);
    const roles = await agentReader.getByTestId('agent-card-role').allTextContents();
    for (const role of ['bureau des badges', 'guichet de nuit', 'audit', 'administration']) expect(roles.some((text) => text === `carte d’agent — ${role}`), role).toBe(true);
    const labels = await agentReader.locator('.card-choices li > span:first-child').allTextContents();
    // The role is said once, by the pill; the label is the card's model and its holder.
    expect(labels.slice(0, roles.length).every((label) => /^(CPS[34]|CPE) — \S/.test(label)), labels.join(' | ')).toBe(true);
  });

  it('inserts a demo person’s CPS: the card is read through the CPS code path and shown', async () => {
    const person = doctor();
    const contact = readerPanel('Lecteur simulé (contact)');
    await contact.getByRole('searchbox').fill(person.last_name);
    const insert = contact.getByRole('button', { name: new RegExp(`^Insérer CPS[34] — ${person.last_name.toUpperCase()} ${person.first_name}`) });
    await insert.first().click();
    await expect.poll(() => contact.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Carte lue');
    const facts = await contact.locator('dl').textContent();
    expect(facts).toContain(person.rpps);
    expect(facts).toContain(`8${person.rpps}`);
    expect(facts).toContain('Essais de code restants3');
    expect(insertedCards.at(-1)).toMatchObject({ reader: 'Lecteur simulé (contact)', cps: { rpps: person.rpps, idNat: `8${person.rpps}`, lastName: person.last_name.toUpperCase() } });
    expect(desk.core.cards.readState().readers.find((reader) => reader.name === 'Lecteur simulé (contact)')).toMatchObject({ state: 'present', simulatedCardId: `cps:${person.id}` });
  });

  it('checks the simulated CPS PIN on the card, for the agent login', async () => {
    expect(await desk.core.cards.verifyPin('Lecteur simulé (contact)', '9999')).toEqual({ ok: false, reason: 'WRONG_PIN', triesLeft: 2 });
    expect(await desk.core.cards.verifyPin('Lecteur simulé (contact)', '1234')).toEqual({ ok: true, triesLeft: null });
  });

  it('removes the card with the keyboard', async () => {
    const contact = readerPanel('Lecteur simulé (contact)');
    await contact.getByRole('button', { name: 'Retirer la carte' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => contact.getByRole('status').textContent()).toBe('Aucune carte');
  });

  it('flags a random-UID DESFire on the contactless reader and never shows its UID', async () => {
    const contactless = readerPanel('Lecteur simulé (sans contact)');
    await contactless.getByRole('searchbox').fill('aléatoire');
    await contactless.getByRole('button', { name: /^Insérer DESFire EV3 \(à UID aléatoire\)/ }).click();
    await expect.poll(() => contactless.getByRole('status').textContent()).toBe('Carte lue');
    expect(await contactless.textContent()).toContain('UID aléatoire : ce badge ne peut pas être identifié par son UID.');
    expect(await contactless.locator('dl').textContent()).not.toContain('UID04');
    expect(insertedCards.at(-1)).toMatchObject({ type: 'DESFIRE', uid: null, desfire: { generation: 'EV3', randomUid: true } });
  });

  it('refuses a CPS on the contactless reader with a clear message, losing nothing', async () => {
    const person = doctor();
    const agent = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
    desk.core.sessions.open('t', { agentIdentityId: agent.id, method: 'cps' });
    const ws = await desk.core.dispatch('insertSimulatedCard', { reader: 'Lecteur simulé (sans contact)', cardId: `cps:${person.id}` }, { connectionId: 't', transport: 'browser' });
    expect(ws).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED', message: { fr: 'Une CPS s’insère dans le lecteur à contact.' } } });
    expect(desk.core.cards.readState().readers.find((reader) => reader.name === 'Lecteur simulé (sans contact)')).toMatchObject({ state: 'present', card: { type: 'DESFIRE' } });
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.getByTestId('card-service-status').textContent()).toContain('Simulated readers');
    // The card box in English too: model and holder as printed, the note in words of the language.
    const contactless = readerPanel('Lecteur simulé (sans contact)');
    await contactless.getByRole('button', { name: 'Remove the card' }).click();
    await contactless.getByRole('searchbox').fill('ultralight');
    await expect.poll(() => contactless.locator('.card-choices li > span:first-child').allTextContents()).toEqual(['MIFARE Ultralight (visitor ticket)']);
    const contact = readerPanel('Lecteur simulé (contact)');
    await contact.getByRole('searchbox').fill('annuaire');
    // The box answers the typed words once the search comes back: every card then says it in English.
    await expect
      .poll(async () => {
        const labels = await contact.locator('.card-choices li > span:first-child').allTextContents();
        return labels.length > 0 && labels.every((label) => /^CPS4 — .+ \(RPPS not yet in the directory\)$/.test(label));
      })
      .toBe(true);
    expect(await page.locator('main').textContent()).not.toMatch(/pas encore|ticket visiteur|badge parking|ancien badge/);
    await contact.getByRole('searchbox').fill('');
    await contactless.getByRole('searchbox').fill('');
    await page.getByLabel('Language').selectOption('fr');
  });

  it('ran without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
