import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { saveScimSettings } from '../../src/core/scim/scimSettings';
import { GUICHET_USER_EXTENSION, type ScimIdentificationMeans } from '../../src/shared/scim/guichetUserExtension';
import { logInDemoAgent } from '../support/logInDemoAgent';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { startScimIam, type ScimIam } from '../support/scimIam/startScimIam';
import { projectRoot, startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * Two desks of one GHT (two processes, two stores) and the hospital's IAM (the scimmy test
 * server): a badge bound on the other site's desk reaches the IAM; this desk, asked to bind the
 * same badge to someone else, refuses and names the holder; its own acts reach the IAM too.
 */
let iam: ScimIam;
let desk: TestDesk;
let browser: DeskPage;
let page: Page;
const otherStore = mkdtempSync(join(tmpdir(), 'guichet-site-b-'));
interface Person {
  id: string;
  last_name: string;
  first_name: string;
  hr_id: string;
}
let holder: Person;
let other: Person;
const meansOf = (externalId: string): ScimIdentificationMeans[] =>
  ((iam.listUsers().find((user) => user.externalId === externalId)?.[GUICHET_USER_EXTENSION] as { identificationMeans?: ScimIdentificationMeans[] } | undefined)?.identificationMeans ?? []);

beforeAll(async () => {
  desk = await startTestDesk();
  const people = desk.core.db
    .prepare(
      `SELECT id, last_name, first_name, hr_id FROM identities i WHERE status = 'active' AND hr_id IS NOT NULL AND hr_end_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM mie m WHERE m.identity_id = i.id) AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.identity_id = i.id)
          AND length(last_name) > 3 ORDER BY hr_id LIMIT 2`,
    )
    .all() as Person[];
  [holder, other] = people as [Person, Person];
  iam = await startScimIam({ users: people.map((person) => ({ userName: person.hr_id.toLowerCase(), externalId: person.hr_id, name: { familyName: person.last_name, givenName: person.first_name } })) });
  process.env.GUICHET_TEST_TWO_DESKS_TOKEN = iam.token;
  saveScimSettings(desk.core.db, { url: iam.url, tokenEnv: 'GUICHET_TEST_TWO_DESKS_TOKEN', allowCreate: false, checkBeforeBind: true });
  browser = await openDeskPage(desk);
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
  await iam?.stop();
  rmSync(otherStore, { recursive: true, force: true });
});

describe('two desks, one IAM', () => {
  it('refuses a badge the other site’s desk bound to someone else, naming the holder; this desk’s own bind reaches the IAM', async () => {
    // The badge as this desk's reader sees it.
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.contactless, `badge:${other.id}`);
    const uid = desk.core.cards.readState().readers.find((reader) => reader.name === simulatedReaderNames.contactless)!.card!.uid!;
    desk.core.cards.removeSimulatedCard(simulatedReaderNames.contactless);

    // Site B, another process with its own store, binds that badge to the holder and flushes.
    // Asynchronously: the IAM answers from this very process.
    const { stdout: round } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'test/support/scimIam/bindOnOtherDesk.ts'), join(otherStore, 'guichet.sqlite'), iam.url, 'GUICHET_TEST_TWO_DESKS_TOKEN', 'site-b-person', holder.last_name, holder.first_name, holder.hr_id, uid],
      { cwd: projectRoot, env: process.env, encoding: 'utf8' },
    );
    expect(JSON.parse(round.trim().split('\n').at(-1)!), round).toMatchObject({ sent: 1, dead: 0 });
    expect(meansOf(holder.hr_id)).toEqual([expect.objectContaining({ value: uid, status: 'active', boundBy: 'agent-site-b@site-b' })]);

    // Here, the agent tries to give the same badge to someone else.
    await logInDemoAgent(desk, page);
    await page.getByRole('navigation').getByRole('button', { name: 'Guichet', exact: true }).click();
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.contactless, `badge:${other.id}`);
    await expect.poll(() => page.getByLabel('Lecteur de la carte à lier').inputValue()).toBe(simulatedReaderNames.contactless);
    await page.getByLabel('Nom, prénom, date de naissance, matricule ou RPPS').pressSequentially(other.hr_id);
    await page.getByTestId('enrollment-search-results').getByRole('button').first().click();
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('enrollment-notice').textContent()).toContain('déjà liée dans l’IAM');
    expect(await page.getByTestId('enrollment-notice').textContent()).toContain(holder.last_name.toUpperCase());
    expect(desk.core.db.prepare('SELECT COUNT(*) FROM mie WHERE identity_id = ?').pluck().get(other.id)).toBe(0);

    // A badge nobody holds: bound here, it reaches the IAM on the person's User; the header says the link is up.
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.contactless, `badge:${holder.id}`);
    const freeUid = desk.core.cards.readState().readers.find((reader) => reader.name === simulatedReaderNames.contactless)!.card!.uid!;
    await expect.poll(() => page.getByTestId('card-binding').textContent()).toContain('Carte libre');
    await page.getByRole('button', { name: /^Lier la carte à/ }).click();
    await expect.poll(() => page.getByTestId('enrollment-notice').textContent()).toContain('Carte liée à');
    await expect.poll(() => meansOf(other.hr_id).map((means) => means.value), { timeout: 10_000 }).toEqual([freeUid]);
    await expect.poll(() => page.getByTestId('scim-status').textContent()).toBe('IAM : connecté');
    expect(browser.consoleErrors).toEqual([]);
  }, 120_000);
});
