import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { launchChromium } from '../support/launchChromium';
import { projectRoot, startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * FIDO2 keys end to end: the real core in browser mode (RP ID `localhost`), the built renderer in
 * Chromium opened as http://localhost:PORT, and two CDP virtual authenticators — A holds the
 * primary keys (the sponsor's among them), B becomes the backup key. Only one of them has user
 * presence at a time, so a ceremony never writes to both.
 */
let desk: TestDesk;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let cdp: CDPSession;
let keyA: string;
let keyB: string;
const consoleErrors: string[] = [];
const compromisedAaguid = '01020304-0506-0708-0102-030405060708';

interface PersonRow {
  id: string;
  hr_id: string;
  last_name: string;
}
const people = (where: string, count: number): PersonRow[] =>
  desk.core.db
    .prepare(
      `SELECT id, hr_id, last_name FROM identities WHERE ${where} AND hr_id IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) ORDER BY hr_id LIMIT ${count}`,
    )
    .all() as PersonRow[];

let sponsor: PersonRow;
let enrollee: PersonRow;
let third: PersonRow;
let leaver: PersonRow;

async function presence(authenticatorId: string, enabled: boolean): Promise<void> {
  await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
}

/** Only this virtual key answers the next ceremonies. */
async function touchOnly(authenticatorId: string): Promise<void> {
  for (const id of [keyA, keyB]) await presence(id, id === authenticatorId);
}

const status = () => page.getByTestId('fido-status');

async function chooseHolder(person: PersonRow): Promise<void> {
  const change = page.getByRole('button', { name: 'Changer de personne' }).first();
  if (await change.isVisible()) await change.click();
  await page.getByLabel('Titulaire de la clé').fill(person.hr_id);
  await page.locator('.card-choices li').filter({ hasText: person.hr_id }).getByRole('button').click();
  await expect.poll(() => page.getByTestId('fido-keys').or(page.getByText('Aucune clé FIDO pour cette personne.')).count()).toBe(1);
}

async function enrollPrimary(person: PersonRow, label: string): Promise<void> {
  await chooseHolder(person);
  await page.getByLabel('Clé principale').check();
  await page.getByLabel(/Libellé de la clé/).fill(label);
  await page.getByRole('button', { name: 'Enregistrer la clé' }).click();
}

async function pickSponsor(person: PersonRow): Promise<void> {
  await page.getByLabel('Clé de secours (parrainée)').check();
  const change = page.getByRole('group', { name: /Parrain/ }).getByRole('button', { name: 'Changer de personne' });
  if (await change.isVisible()) await change.click();
  await page.getByLabel('Rechercher le parrain').fill(person.hr_id);
  await page.locator('.card-choices li').filter({ hasText: person.hr_id }).getByRole('button').click();
  await page.getByRole('button', { name: 'Le parrain s’authentifie avec sa clé' }).click();
}

beforeAll(async () => {
  desk = await startTestDesk();
  const today = desk.core.clock.now().toISOString().slice(0, 10);
  const inTwoWeeks = new Date(desk.core.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  [sponsor, enrollee, third] = people("status = 'active' AND hr_end_date IS NULL", 3) as [PersonRow, PersonRow, PersonRow];
  [leaver] = people(`hr_end_date > '${today}' AND hr_end_date <= '${inTwoWeeks}' AND status <> 'left'`, 1) as [PersonRow];
  if (leaver === undefined) {
    // The demo may have nobody leaving this fortnight: give one person an HR end date.
    [leaver] = people("status = 'active' AND hr_end_date IS NULL AND id NOT IN (SELECT id FROM identities ORDER BY hr_id LIMIT 3)", 1) as [PersonRow];
    desk.core.db.prepare('UPDATE identities SET hr_end_date = ? WHERE id = ?').run(inTwoWeeks, leaver.id);
  }

  // The badge-office agent's CPS sits in the simulated agent reader (their hand, no session needed); they log in at the desk with its PIN.
  const hand = { connectionId: 'hand', transport: 'browser' as const };
  const agent = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' AND active = 1 ORDER BY identity_id LIMIT 1").get() as { id: string };
  const catalog = await desk.core.dispatch('listSimulatedCards', { query: agent.id }, hand);
  const agentCard = catalog.ok ? (catalog.value as { id: string; identityId: string | null; interface: string }[]).find((card) => card.identityId === agent.id && card.interface === 'contact') : undefined;
  if (agentCard === undefined) throw new Error(`no simulated agent card for ${agent.id}: ${JSON.stringify(catalog).slice(0, 300)}`);
  const inserted = await desk.core.dispatch('insertSimulatedCard', { reader: simulatedReaderNames.agent, cardId: agentCard.id }, hand);
  if (!inserted.ok) throw new Error(`could not insert the agent's card: ${JSON.stringify(inserted)}`);

  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  cdp = await browser.context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const options = { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true } as const;
  keyA = (await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...options, automaticPresenceSimulation: true } })).authenticatorId;
  keyB = (await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { ...options, automaticPresenceSimulation: false } })).authenticatorId;
  // RP ID `localhost` needs the page on http://localhost (the server accepts that Host and Origin).
  await page.goto(desk.server.url.replace('127.0.0.1', 'localhost'));
  await page.getByRole('navigation').getByRole('button', { name: 'Guichet', exact: true }).click();
  await page.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
  await page.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Clés FIDO' }).click();
  await page.getByLabel('Titulaire de la clé').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

const keyRows = () => page.getByTestId('fido-keys').locator('tbody tr');

describe('FIDO2 keys at the desk (Chromium virtual authenticators)', () => {
  it('enrolls a primary key: registration, test authentication, then active with its label', async () => {
    await touchOnly(keyA);
    await enrollPrimary(sponsor, 'Clé bleue parrain');
    await expect.poll(() => status().textContent()).toContain('Clé « Clé bleue parrain » active');
    await expect.poll(() => keyRows().first().textContent()).toContain('Active');
    expect(await keyRows().first().textContent()).toContain('Principale');
    const stored = desk.core.db.prepare("SELECT c.status, c.label, c.aaguid, m.kind, m.status AS mie FROM fido_credentials c JOIN mie m ON m.id = c.mie_id WHERE c.identity_id = ?").get(sponsor.id);
    expect(stored).toEqual({ status: 'active', label: 'Clé bleue parrain', aaguid: compromisedAaguid, kind: 'fido', mie: 'active' });

    await enrollPrimary(enrollee, 'Clé verte');
    await expect.poll(() => status().textContent()).toContain('Clé « Clé verte » active');
  });

  it('enrolls a backup key on the second authenticator once the sponsor authenticated with their own key', async () => {
    await chooseHolder(enrollee);
    await touchOnly(keyA);
    await pickSponsor(sponsor);
    await expect.poll(() => status().textContent()).toContain('Parrain vérifié');
    await page.getByLabel('Derniers caractères du numéro').fill('7K2X');
    await page.getByLabel(/Libellé de la clé/).fill('Clé de secours rouge');
    await touchOnly(keyB);
    await page.getByRole('button', { name: 'Enregistrer la clé' }).click();
    await expect.poll(() => status().textContent()).toContain('Clé « Clé de secours rouge » active');
    await expect.poll(() => keyRows().count()).toBe(2);
    expect(await page.getByTestId('fido-keys').textContent()).toMatch(/Secours — parrainée par/);
    expect(await page.getByTestId('fido-sponsorships').textContent()).toContain('…7K2X');
    const { credentials } = (await cdp.send('WebAuthn.getCredentials', { authenticatorId: keyB })) as { credentials: unknown[] };
    expect(credentials).toHaveLength(1);
    const journal = desk.core.db.prepare("SELECT after_json FROM journal WHERE action = 'fido.sponsorship'").get() as { after_json: string };
    expect(JSON.parse(journal.after_json)).toMatchObject({ sponsorId: sponsor.id, enrolleeId: enrollee.id, document: { type: 'cni', lastChars: '7K2X' } });
  });

  it('refuses the enrollee as their own sponsor, a leaving sponsor, and a sponsor over quota', async () => {
    await touchOnly(keyA);
    await pickSponsor(enrollee);
    await expect.poll(() => status().textContent()).toContain('Le parrain doit être une autre personne');

    await pickSponsor(leaver);
    await expect.poll(() => status().textContent()).toMatch(/un partant ne peut pas parrainer/);

    // Four earlier sponsorships this month, plus today's: the default quota is 5 per 30 days.
    const insert = desk.core.db.prepare(
      `INSERT INTO fido_sponsorships (id, sponsor_id, enrollee_id, agent_id, sponsor_method, sponsor_means, document_type, document_last_chars, status, created_at)
       VALUES (?, ?, ?, 'earlier-agent', 'cps', 'earlier-card', 'passport', '0000', 'active', ?)`,
    );
    for (const daysAgo of [3, 8, 12, 20]) insert.run(randomUUID(), sponsor.id, third.id, new Date(Date.now() - daysAgo * 86_400_000).toISOString());
    await pickSponsor(sponsor);
    await expect.poll(() => status().textContent()).toMatch(/a déjà parrainé 5 clé\(s\) en 30 jours/);
  });

  it('says in French that the ceremony was cancelled when the person does not confirm at the key, and binds nothing', async () => {
    // A third key whose user verification fails (the holder cancels or gives a wrong PIN): the browser refuses at once.
    const keyC = (await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: false, automaticPresenceSimulation: false } })).authenticatorId;
    await touchOnly(keyC);
    await presence(keyC, true);
    const credentialsBefore = desk.core.db.prepare('SELECT COUNT(*) FROM fido_credentials').pluck().get();
    const journalBefore = desk.core.db.prepare("SELECT COUNT(*) FROM journal WHERE action LIKE 'fido.%' OR action LIKE 'mie.%'").pluck().get();
    await enrollPrimary(third, 'Clé jamais confirmée');
    await expect.poll(() => status().textContent()).toBe('Opération annulée à la clé (ou par le navigateur) : recommencez quand la personne est prête.');
    expect(await status().textContent()).not.toMatch(/délai|timeout|NotAllowedError/i);
    expect(desk.core.db.prepare('SELECT COUNT(*) FROM fido_credentials').pluck().get()).toBe(credentialsBefore);
    expect(desk.core.db.prepare("SELECT COUNT(*) FROM mie WHERE identity_id = ? AND kind = 'fido'").pluck().get(third.id)).toBe(0);
    expect(desk.core.db.prepare("SELECT COUNT(*) FROM journal WHERE action LIKE 'fido.%' OR action LIKE 'mie.%'").pluck().get()).toBe(journalBefore);
    expect(((await cdp.send('WebAuthn.getCredentials', { authenticatorId: keyC })) as { credentials: unknown[] }).credentials).toHaveLength(0);
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: keyC });
  });

  it('tests a key again later with "Tester la clé"', async () => {
    await chooseHolder(enrollee);
    await touchOnly(keyA);
    await keyRows().filter({ hasText: 'Clé verte' }).getByRole('button', { name: 'Tester la clé « Clé verte »' }).click();
    await expect.poll(() => status().textContent()).toBe('La clé « Clé verte » fonctionne.');
    expect(desk.core.db.prepare("SELECT COUNT(*) FROM journal WHERE action = 'fido.key-test'").pluck().get()).toBe(1);
  });

  it('revokes one key and keeps the other', async () => {
    const primary = keyRows().filter({ hasText: 'Clé verte' });
    expect(await primary.getByRole('button', { name: /Révoquer/ }).isDisabled()).toBe(true);
    await primary.getByLabel(/Motif de révocation/).selectOption('declare-lost');
    await primary.getByRole('button', { name: /Révoquer/ }).click();
    // A dialog asks why (no default reason) before the key is revoked for good.
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByLabel('Motif (obligatoire)').fill('oubliée dans le train');
    await dialog.getByRole('button', { name: /Révoquer/ }).click();
    await expect.poll(() => status().textContent()).toContain('Clé « Clé verte » révoquée.');
    await expect.poll(() => keyRows().filter({ hasText: 'Clé verte' }).textContent()).toContain('Révoquée');
    expect(await keyRows().filter({ hasText: 'Clé de secours rouge' }).textContent()).toContain('Active');
    expect(desk.core.db.prepare("SELECT m.status FROM fido_credentials c JOIN mie m ON m.id = c.mie_id WHERE c.label = 'Clé verte'").get()).toEqual({ status: 'lost' });
  });

  it('revokes a sponsorship together with the key it produced', async () => {
    await page.getByLabel('Motif de révocation du parrainage').fill('parrain non présent physiquement');
    await page.getByRole('button', { name: 'Révoquer le parrainage et ses clés' }).click();
    await expect.poll(() => status().textContent()).toContain('Parrainage révoqué : 1 clé(s) révoquée(s).');
    await expect.poll(() => keyRows().filter({ hasText: 'Clé de secours rouge' }).textContent()).toContain('Révoquée');
    expect(await page.getByTestId('fido-sponsorships').textContent()).toContain('révoqué');
  });

  it('refuses a key whose model the metadata reports compromised', async () => {
    const statements = [
      {
        aaguid: compromisedAaguid,
        metadataStatement: { description: 'Clé virtuelle Chromium', attestationRootCertificates: [] },
        statusReports: [{ status: 'ATTESTATION_KEY_COMPROMISE', effectiveDate: '2026-01-01' }],
      },
    ];
    await page.getByLabel('Type de fichier').selectOption('statements');
    await page.getByLabel('Fichier de métadonnées').setInputFiles({ name: 'statements.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(statements)) });
    await expect.poll(() => status().textContent()).toContain('Métadonnées importées : 1 modèles connus.');
    await touchOnly(keyB);
    await enrollPrimary(third, 'Clé compromise');
    await expect.poll(() => status().textContent()).toMatch(/Modèle de clé refusé : « Clé virtuelle Chromium » est déclaré ATTESTATION_KEY_COMPROMISE/);
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM fido_credentials WHERE identity_id = ?').get(third.id)).toEqual({ n: 0 });
  });

  it('has no serious or critical axe violation with keys, sponsorships and the sponsor form on screen', async () => {
    await chooseHolder(enrollee);
    await page.getByLabel('Clé de secours (parrainée)').check();
    await page.evaluate(readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('ran without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
