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
import type { Interactions } from '../support/countTrustedInteractions';
import { openJourneyPage } from '../support/openJourneyPage';
import { launchChromium } from '../support/launchChromium';
import { projectRoot } from '../support/startTestDesk';

/**
 * The badge office settles two leaver reviews from "À traiter" in Chromium: one by revoking (every
 * means she held, her CPS and her badge, is revoked) and one by a documented exception confirmed
 * in person by a second agent's CPS and PIN (review closed, journaled with both agents). The HR
 * export saying both left is imported from the Sources screen; the means they held before are
 * bound through the desk API (the journey starts after). Interactions are the page's trusted events.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-leaver-reviews-'));
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
let revoked: PersonRow;
let excepted: PersonRow;
let office: { id: string; rpps: string | null; name: string };
let second: { id: string; rpps: string | null; name: string };

async function tap(reader: keyof typeof simulatedReaderNames, cardId: string | null): Promise<void> {
  const name = simulatedReaderNames[reader];
  const view = cardId === null ? core.cards.removeSimulatedCard(name) : await core.cards.insertSimulatedCard(name, cardId);
  expect(view.card === null, JSON.stringify(view)).toBe(cardId === null);
}

const statusesOf = (identityId: string) => (core.db.prepare('SELECT kind, status FROM mie WHERE identity_id = ? ORDER BY kind').all(identityId) as { kind: string; status: string }[]).map((row) => `${row.kind}:${row.status}`);
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const queueRow = (person: PersonRow) => page.getByTestId('workqueue-items').getByRole('row').filter({ hasText: `${person.first_name} ${person.last_name}` });

/** Binds a simulated card through the desk API, as an agent did before the journey starts. */
async function bindBefore(person: PersonRow, reader: keyof typeof simulatedReaderNames, cardId: string): Promise<void> {
  await tap(reader, cardId);
  const bound = await core.dispatch('bindCard', { identityId: person.id, reader: simulatedReaderNames[reader] }, { connectionId: 'setup', transport: 'browser' });
  expect(bound, JSON.stringify(bound)).toMatchObject({ ok: true });
  await tap(reader, null);
}

beforeAll(async () => {
  core = openDeskCore({ dataDir, appVersion: 'test', transport: 'browser', demo: true, logger: { info: () => {}, error: (message, error) => console.error(message, error) } });
  server = await startBrowserServer({ core, rendererDir: join(projectRoot, 'out', 'renderer') });
  const agents = core.db
    .prepare("SELECT a.identity_id AS id, i.rpps, i.first_name || ' ' || i.last_name AS name FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.last_name")
    .all() as { id: string; rpps: string | null; name: string }[];
  [office, second] = [agents[0]!, agents[1]!];
  const candidates = core.db
    .prepare(
      `SELECT id, last_name, first_name, hr_id FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND rpps IS NOT NULL AND hr_end_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
          AND length(last_name) > 3 ORDER BY hr_id LIMIT 2`,
    )
    .all() as PersonRow[];
  [revoked, excepted] = [candidates[0]!, candidates[1]!];
  core.sessions.open('setup', { agentIdentityId: office.id, method: 'cps' });
  // Both hold a CPS and a badge.
  for (const person of [revoked, excepted]) {
    await bindBefore(person, 'contact', `cps:${person.id}`);
    await bindBefore(person, 'contactless', `badge:${person.id}`);
  }
  expect(statusesOf(revoked.id)).toEqual(['badge:active', 'cps:active']);

  browser = await launchChromium();
  ({ page, readInteractions } = await openJourneyPage(browser, consoleErrors));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('badge office: settling leaver reviews from the work queue', { timeout: 180_000 }, () => {
  it('imports the HR export saying both left yesterday: every means of each is suspended, one review each', async () => {
    await tap('agent', simulatedLoginCardId({ identityId: office.id, rpps: office.rpps }));
    await page.goto(server.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Guichet', exact: true }).click();
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').pressSequentially('1234');
    await page.keyboard.press('Enter');
    await page.getByTestId('session-bar').waitFor();

    const sirh = join(dataDir, 'sources', 'sirh.csv');
    const lines = readFileSync(sirh, 'utf8').split('\r\n');
    const header = lines[0]!.split(';');
    for (const person of [revoked, excepted]) {
      const at = lines.findIndex((line) => line.split(';')[header.indexOf('MATRICULE')] === person.hr_id);
      const cells = lines[at]!.split(';');
      cells[header.indexOf('DATE_SORTIE')] = frenchDate(yesterday());
      lines[at] = cells.join(';');
    }
    writeFileSync(sirh, lines.join('\r\n'));
    await page.getByRole('navigation').getByRole('button', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    await expect.poll(() => statusesOf(revoked.id), { timeout: 60_000 }).toEqual(['badge:suspended', 'cps:suspended']);
    await expect.poll(() => statusesOf(excepted.id)).toEqual(['badge:suspended', 'cps:suspended']);
    expect((core.db.prepare("SELECT COUNT(*) AS n FROM leaver_reviews WHERE identity_id IN (?, ?) AND status = 'open'").get(revoked.id, excepted.id) as { n: number }).n).toBe(2);
  });

  it('revokes every means of the first from "À traiter", with a reason: review closed, CPS and badge revoked', async () => {
    const before = await readInteractions();
    await page.getByTestId('workqueue-count').click();
    await queueRow(revoked).getByRole('button', { name: 'Révoquer ses moyens' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    const confirm = dialog.getByRole('button', { name: 'Révoquer ses moyens' });
    // No reason, no revocation.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Motif (obligatoire)').pressSequentially('départ confirmé par la DRH');
    await confirm.click();
    await expect.poll(() => page.getByTestId('workqueue-notice').textContent()).toContain('révoqués');
    expect(statusesOf(revoked.id)).toEqual(['badge:revoked', 'cps:revoked']);
    expect(core.db.prepare('SELECT status, reason, resolved_by AS resolvedBy FROM leaver_reviews WHERE identity_id = ?').get(revoked.id)).toEqual({ status: 'revoked', reason: 'départ confirmé par la DRH', resolvedBy: office.id });
    const journal = core.db
      .prepare("SELECT action, agent_id AS agentId FROM journal WHERE (subject_type = 'mie' AND subject_id IN (SELECT id FROM mie WHERE identity_id = ?)) OR (action = 'leaver.revoke' AND json_extract(after_json, '$.identityId') = ?) ORDER BY seq")
      .all(revoked.id, revoked.id) as { action: string; agentId: string }[];
    expect(journal.filter((entry) => entry.action === 'mie.revoke')).toHaveLength(2);
    expect(journal.at(-1)).toEqual({ action: 'leaver.revoke', agentId: office.id });
    // The settled review leaves the queue.
    await expect.poll(() => queueRow(revoked).count()).toBe(0);
    const after = await readInteractions();
    console.info(`[leaver reviews] revoke: ${after.clicks - before.clicks} clicks + ${after.keys - before.keys} key presses (trusted page events)`);
    expect(after.clicks - before.clicks).toBeLessThanOrEqual(4);
  });

  it('records a documented exception for the second, confirmed by another agent’s CPS and PIN: review closed, means back, journaled with both agents', async () => {
    const before = await readInteractions();
    await queueRow(excepted).getByRole('button', { name: 'Exception (second agent)' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    const confirm = dialog.getByRole('button', { name: 'Exception (second agent)' });
    await dialog.getByLabel('Motif (obligatoire)').pressSequentially('contrat prolongé de 3 mois, avenant signé');
    // The reason alone is not enough: a second agent must be there.
    expect(await confirm.isDisabled()).toBe(true);
    await tap('contact', simulatedLoginCardId({ identityId: second.id, rpps: second.rpps }));
    await expect.poll(() => dialog.getByLabel('Lecteur de sa carte CPS').inputValue()).toBe(simulatedReaderNames.contact);
    await dialog.getByLabel('Son code').pressSequentially('1234');
    await confirm.click();
    await expect.poll(() => page.getByTestId('workqueue-notice').textContent()).toContain('Exception enregistrée');
    expect(statusesOf(excepted.id)).toEqual(['badge:active', 'cps:active']);
    expect(core.db.prepare('SELECT status, reason, resolved_by AS resolvedBy, confirmed_by AS confirmedBy FROM leaver_reviews WHERE identity_id = ?').get(excepted.id)).toEqual({
      status: 'restored',
      reason: 'contrat prolongé de 3 mois, avenant signé',
      resolvedBy: office.id,
      confirmedBy: second.id,
    });
    const exception = core.db.prepare("SELECT agent_id AS agentId, after_json AS after FROM journal WHERE action = 'leaver.exception' AND json_extract(after_json, '$.identityId') = ?").get(excepted.id) as { agentId: string; after: string };
    expect(exception.agentId).toBe(office.id);
    expect(JSON.parse(exception.after)).toMatchObject({ reason: 'contrat prolongé de 3 mois, avenant signé', confirmedBy: { agentId: second.id, agentName: expect.any(String) } });
    await expect.poll(() => queueRow(excepted).count()).toBe(0);
    const after = await readInteractions();
    console.info(`[leaver reviews] exception: ${after.clicks - before.clicks} clicks + ${after.keys - before.keys} key presses (trusted page events)`);
    expect(after.clicks - before.clicks).toBeLessThanOrEqual(4);

    // The chain of the journal and the leaver invariant hold after both.
    expect(checkLeaverInvariant(core.db, { now: new Date() }).ok).toBe(true);
    expect(verifyJournal(core.db)).toMatchObject({ ok: true });
    expect(consoleErrors).toEqual([]);
  });
});
