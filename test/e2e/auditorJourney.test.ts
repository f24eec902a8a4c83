import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { bindMie } from '../../src/core/enrollment/bindMie';
import { changeMieStatus } from '../../src/core/enrollment/changeMieStatus';
import { launchChromium } from '../support/launchChromium';
import type { Interactions } from '../support/countTrustedInteractions';
import { openJourneyPage } from '../support/openJourneyPage';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * The auditor's journey in Chromium: a badge-office agent suspended a badge with a reason; the
 * auditor logs in where the desk opens, lands on the journal, finds that act by person and act,
 * reads it in words, exports it (CSV and PDF) and checks the journal's integrity. Interactions are
 * counted in the page from the trusted events the browser dispatches.
 */
let desk: TestDesk;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let readInteractions: () => Promise<Interactions>;
const consoleErrors: string[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'guichet-auditor-'));
let person: { id: string; last_name: string; first_name: string };
let officeAgentName: string;

beforeAll(async () => {
  desk = await startTestDesk();
  const db = desk.core.db;
  person = db
    .prepare(
      `SELECT id, last_name, first_name FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND hr_end_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
          AND length(last_name) > 4 ORDER BY hr_id LIMIT 1`,
    )
    .get() as typeof person;
  const office = db.prepare("SELECT i.id, i.last_name || ' ' || i.first_name AS name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.id LIMIT 1").get() as { id: string; name: string };
  officeAgentName = office.name;
  // What a badge-office agent did earlier in the day at the desk.
  const actor = { agentId: office.id, agentName: office.name, desk: 'bureau-badges' };
  const badge = bindMie(db, desk.core.clock, { actor, identityId: person.id, kind: 'badge', identifier: 'AUDIT-0001' });
  changeMieStatus(db, desk.core.clock, { actor, mieId: badge.id, action: 'suspend', reason: 'badge prêté à un collègue' });

  browser = await launchChromium();
  ({ page, readInteractions } = await openJourneyPage(browser, consoleErrors));
  await page.setViewportSize({ width: 1400, height: 1000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
  rmSync(downloads, { recursive: true, force: true });
});


describe('auditor: the journal', { timeout: 120_000 }, () => {
  it('finds an act by person and act, reads it in words, exports it and checks the journal', async () => {
    const auditor = desk.core.db.prepare("SELECT i.id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'auditor' ORDER BY i.id LIMIT 1").get() as { id: string; rpps: string | null };
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, simulatedLoginCardId({ identityId: auditor.id, rpps: auditor.rpps }));
    await page.goto(desk.server.url);
    const gate = page.getByTestId('session-gate');
    await gate.getByLabel('Lecteur de votre carte').selectOption(simulatedReaderNames.agent);
    await gate.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
    await gate.getByLabel('Code de la carte (4 à 8 chiffres)').pressSequentially('1234');
    await page.keyboard.press('Enter');
    // The auditor lands on the journal.
    await page.getByRole('heading', { name: 'Journal des actes' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Journal', exact: true }).getAttribute('aria-current')).toBe('page');

    await page.getByLabel('Personne (nom, matricule ou RPPS)').pressSequentially(person.last_name);
    await page.getByLabel('Acte', { exact: true }).selectOption({ label: 'Moyen suspendu' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => page.getByTestId('journal-count').textContent()).toBe('1 entrée(s) affichée(s) sur 1');
    const row = page.getByTestId('journal-entries').locator('tbody tr');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['Moyen suspendu', officeAgentName, 'bureau-badges', `${person.last_name} ${person.first_name}`, 'AUDIT-0001', 'badge prêté à un collègue']);
    expect(cells[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);

    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const csvLink = page.getByRole('link', { name: /^Enregistrer journal-guichet-.*\.csv$/ });
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    await csvDownload.saveAs(join(downloads, 'journal.csv'));
    const csv = readFileSync(join(downloads, 'journal.csv'), 'utf8').split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain(`Moyen suspendu,mie.suspend,${officeAgentName},bureau-badges,${person.last_name} ${person.first_name},AUDIT-0001,badge prêté à un collègue`);

    await page.getByRole('button', { name: 'Exporter en PDF' }).click();
    const pdfLink = page.getByRole('link', { name: /^Enregistrer journal-guichet-.*\.pdf$/ });
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    await pdfDownload.saveAs(join(downloads, 'journal.pdf'));
    const text = execFileSync('pdftotext', ['-layout', join(downloads, 'journal.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Journal du guichet — Hôpital La Porte Verte');
    expect(text).toContain('Moyen suspendu');
    expect(text).toContain('AUDIT-0001');

    await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
    await expect.poll(() => page.getByTestId('journal-integrity').textContent()).toMatch(/Journal intact : \d+ entrées, chaîne et ancres vérifiées, signatures \(HMAC\) comprises\./);
    expect(await page.getByTestId('journal-integrity').textContent()).toContain('Aucune personne partie ne détient de moyen actif.');

    // Reading the journal, exporting it and checking it are acts of their own.
    const acts = desk.core.db.prepare("SELECT action FROM journal WHERE action IN ('journal.export', 'journal.verify') ORDER BY seq").pluck().all();
    expect(acts).toEqual(['journal.export', 'journal.export', 'journal.verify']);

    // Login (reader, PIN digits, Enter), the person's name, the act, search, two exports and their links, the check.
    const counted = await readInteractions();
    expect(counted.clicks).toBeLessThanOrEqual(9);
    expect(counted.keys).toBeLessThanOrEqual(5 + person.last_name.length);

    // The auditor only reads: the IAM outbox and desk acts are not theirs.
    await page.getByRole('navigation').getByRole('button', { name: 'Lien IAM' }).click();
    await page.getByText('La file d’envoi vers l’IAM est réservée aux administrateurs.').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('answers an attacker’s filters with clear French errors and stays up', async () => {
    const auditor = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'auditor' LIMIT 1").get() as { id: string };
    desk.core.sessions.open('attacker', { agentIdentityId: auditor.id, method: 'cps' });
    const call = (input: unknown) => desk.core.dispatch('searchJournal', input, { connectionId: 'attacker', transport: 'browser' });
    for (const input of [
      { filters: { person: 'x'.repeat(10_000) } },
      { filters: { from: '2026-13-45' } },
      { filters: { from: '2026-12-05', to: '2026-12-01' } },
      { filters: { actions: ["mie.bind' OR 1=1 --"] } },
      { filters: { unknown: 1 } },
      { limit: 1_000_000 },
    ]) {
      const reply = (await call(input)) as { ok: boolean; error?: { code: string; message: { fr: string } } };
      expect(reply.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      expect(reply.error?.code).toBe('INVALID_ARGUMENT');
      expect(reply.error?.message.fr).toMatch(/[a-zé]/);
    }
    const fine = (await call({ filters: { person: "O'Brien %_" } })) as { ok: boolean; value: { total: number } };
    expect(fine).toMatchObject({ ok: true, value: { total: 0 } });
    const badgeOffice = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
    desk.core.sessions.open('office', { agentIdentityId: badgeOffice.id, method: 'cps' });
    expect(await desk.core.dispatch('searchJournal', {}, { connectionId: 'office', transport: 'browser' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
