import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskDispatcher } from '../../src/shared/api/dispatch';
import { logInDemoAgent } from '../support/logInDemoAgent';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

let desk: TestDesk;
let browser: DeskPage;
let page: Page;
let consoleErrors: string[] = [];
const connections = new Set<string>();

const pendingCount = () => (desk.core.db.prepare("SELECT COUNT(*) AS n FROM identity_links WHERE decision = 'pending'").get() as { n: number }).n;

beforeAll(async () => {
  desk = await startTestDesk();
  // The server reads core.dispatch per call: wrapping it tells the test which connection the page uses.
  const dispatch: DeskDispatcher = desk.core.dispatch.bind(desk.core);
  desk.core.dispatch = (method, input, context) => {
    connections.add(context.connectionId);
    return dispatch(method, input, context);
  };
  browser = await openDeskPage(desk);
  ({ page, consoleErrors } = browser);
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

describe('review queue screen', () => {
  it('shows nothing of the proposals without a desk session (personal data), then logs in', async () => {
    await page.getByRole('button', { name: 'Rapprochements' }).click();
    await page.getByTestId('session-gate').waitFor();
    expect(await page.getByTestId('review-proposal').count()).toBe(0);
    const refused = await desk.core.dispatch('listReviewProposals', {}, { connectionId: 'no-session', transport: 'browser' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await logInDemoAgent(desk, page, { screen: 'Rapprochements' });
  });

  it('shows the proposed link side by side with its evidence', async () => {
    const total = pendingCount();
    expect(total).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe(`${total} rapprochements à valider`);
    const proposal = page.getByTestId('review-proposal');
    await expect.poll(() => proposal.getByRole('heading', { level: 3 }).textContent()).toBe(`Proposition 1 sur ${total}`);
    expect(await proposal.getByRole('region', { name: 'Fiche source' }).textContent()).toMatch(/Clé/);
    expect(await proposal.getByRole('region', { name: 'Personne proposée' }).textContent()).toMatch(/Matricule/);
    const evidence = proposal.getByTestId('link-evidence');
    expect(await evidence.getByRole('row').count()).toBeGreaterThan(3);
    expect(await evidence.textContent()).toMatch(/Nom.*(identique|croisés)/);
    expect(await evidence.textContent()).toMatch(/Poids \(bits\)/);
    // The waterfall: an ECharts SVG with its ARIA description (prior … final probability), seed points beside each weight.
    const waterfall = proposal.getByTestId('link-waterfall');
    await waterfall.locator('svg').first().waitFor();
    expect(await waterfall.locator('figcaption').textContent()).toMatch(/^De la probabilité a priori à la probabilité finale \(\d+(\.\d)?\d? %\)$/);
    expect(await waterfall.locator('[aria-label]').first().getAttribute('aria-label')).toMatch(/A priori −\d+\.\d, .*probabilité finale/);
    expect(await waterfall.textContent()).toMatch(/pts\)/);
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a decision without a desk session, and loses nothing', async () => {
    const before = pendingCount();
    expect(pendingCount()).toBe(before);
    const refused = await desk.core.dispatch('decideReviewProposal', { recordId: 1, identityId: 'x', decision: 'accept', reason: 'sans session' }, { connectionId: 'no-session', transport: 'browser' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('accepts with one key and the typed reason, rejects with one key and the default reason', async () => {
    const agent = desk.core.db.prepare("SELECT identity_id AS id FROM agents WHERE role = 'badge-office' LIMIT 1").get() as { id: string };
    for (const connectionId of connections) desk.core.sessions.open(connectionId, { agentIdentityId: agent.id, method: 'cps' });
    const before = pendingCount();
    const firstKey = await page.getByTestId('review-proposal').getByRole('region', { name: 'Fiche source' }).locator('dd').first().textContent();

    await page.keyboard.press('m');
    await page.keyboard.type('vu au guichet avec sa carte');
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toMatch(/^Rapprochement accepté/);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe(`${before - 1} rapprochements à valider`);
    expect(desk.core.db.prepare("SELECT reason, decided_by AS by FROM reconcile_decisions WHERE decision = 'accept' AND record_key = ?").get(firstKey)).toMatchObject({
      reason: 'vu au guichet avec sa carte',
      by: expect.stringContaining(agent.id),
    });

    // The accepted proposal has left the screen before the next key.
    await expect.poll(() => page.getByTestId('review-proposal').getByRole('region', { name: 'Fiche source' }).locator('dd').first().textContent()).not.toBe(firstKey);
    await page.keyboard.press('r');
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toMatch(/^Rapprochement rejeté/);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe(`${before - 2} rapprochements à valider`);
    expect(desk.core.db.prepare("SELECT reason FROM reconcile_decisions WHERE decision = 'reject'").get()).toEqual({ reason: 'Personnes différentes (homonyme ou autre personne)' });
  });

  it('shows on a namesake’s page the record waiting between them, proposed to the other person', async () => {
    const waiting = desk.core.db
      .prepare(
        `SELECT r.record_key AS recordKey, namesake.hr_id AS hrId, proposed.last_name AS lastName, proposed.first_name AS firstName
           FROM identity_link_alternatives a JOIN identity_links l ON l.record_id = a.record_id AND l.decision = 'pending'
           JOIN source_records r ON r.id = a.record_id JOIN identities namesake ON namesake.id = a.identity_id JOIN identities proposed ON proposed.id = l.identity_id
          WHERE namesake.hr_id IS NOT NULL LIMIT 1`,
      )
      .get() as { recordKey: string; hrId: string; lastName: string; firstName: string };
    await page.getByRole('button', { name: 'Recherche' }).click();
    await page.getByLabel('Rechercher une personne').fill(waiting.hrId);
    await page.getByTestId('search-results').locator('tbody tr').first().getByRole('button').click();
    const pending = page.getByRole('complementary').getByRole('region', { name: 'Fiches en attente de vérification' });
    await pending.waitFor();
    const item = pending.getByTestId('person-pending').getByRole('listitem').filter({ hasText: waiting.recordKey });
    expect(await item.textContent()).toContain(`proposée à ${waiting.lastName.toUpperCase()} ${waiting.firstName} ; cette personne est un homonyme possible`);
    expect(await item.textContent()).toMatch(/lien à valider/);
    // The evidence shown is the one for this person, behind its summary.
    await item.locator('details summary').click();
    await item.getByTestId('link-waterfall').locator('svg').first().waitFor();
    expect(consoleErrors).toEqual([]);
    // Back to the queue: the next test decides that record (the demo may hold only one between namesakes).
    await page.getByRole('button', { name: 'Rapprochements' }).click();
    await page.getByTestId('review-proposal').waitFor();
  });

  it('shows a proposal’s namesakes and links the record to the one the reviewer chooses', async () => {
    const proposal = page.getByTestId('review-proposal');
    const alternatives = page.getByTestId('review-alternatives');
    // Through the queue with the arrow key, as a reviewer would, to a record held back between namesakes.
    for (let step = 0; step < 200 && (await alternatives.count()) === 0; step += 1) {
      const heading = await proposal.getByRole('heading', { level: 3 }).textContent();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => proposal.getByRole('heading', { level: 3 }).textContent()).not.toBe(heading);
    }
    expect(await alternatives.count()).toBe(1);
    const recordKey = await proposal.getByRole('region', { name: 'Fiche source' }).locator('dd').first().textContent();
    const proposedName = (await proposal.getByRole('region', { name: 'Personne proposée' }).getByRole('heading').textContent())!.replace(/^Personne proposée — /, '');
    const first = alternatives.getByRole('listitem').first();
    const alternativeName = (await first.getAttribute('aria-label'))!;
    // Namesakes: the same names (a married woman's shown with her birth name beside the usage one), told apart by what is beside it.
    const wordsOf = (name: string) => name.replace(/[()]/g, ' ').split(/\s+/).filter((word) => word !== '');
    expect(wordsOf(alternativeName)).toEqual(expect.arrayContaining(wordsOf(proposedName)));
    expect(await first.locator('dl').textContent()).toMatch(/Matricule/);
    await first.locator('summary').click();
    expect(await first.getByTestId('link-evidence').textContent()).toMatch(/Nom/);
    const before = pendingCount();
    // Key 1 chooses the first namesake, as its button says.
    expect(await first.getByRole('button', { name: `C’est ${alternativeName} (1)` }).getAttribute('aria-keyshortcuts')).toBe('1');
    await page.keyboard.press('1');
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toMatch(/^Rapprochement accepté/);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe(`${before - 1} rapprochements à valider`);
    const linked = desk.core.db
      .prepare("SELECT l.identity_id AS identityId, l.decision FROM identity_links l JOIN source_records r ON r.id = l.record_id WHERE r.record_key = ? AND r.source_id <> 'sirh'")
      .get(recordKey) as { identityId: string; decision: string };
    expect(linked.decision).toBe('validated');
    // The person chosen is the alternative, not the proposed one: the journal says which was proposed.
    const journaled = desk.core.db.prepare("SELECT before_json AS before, after_json AS after FROM journal WHERE action = 'identity-link.accept' ORDER BY seq DESC LIMIT 1").get() as { before: string; after: string };
    expect(JSON.parse(journaled.before)).toMatchObject({ alternative: linked.identityId });
    expect(JSON.parse(journaled.before).identityId).not.toBe(linked.identityId);
    expect(JSON.parse(journaled.after)).toMatchObject({ identityId: linked.identityId, decision: 'validated' });
    expect(consoleErrors).toEqual([]);
  });

  it('explains on the person page why each record is linked', async () => {
    const validated = desk.core.db
      .prepare("SELECT i.hr_id AS hrId FROM identity_links l JOIN identities i ON i.id = l.identity_id WHERE l.decision = 'validated' LIMIT 1")
      .get() as { hrId: string };
    await page.getByRole('button', { name: 'Recherche' }).click();
    await page.getByLabel('Rechercher une personne').fill(validated.hrId);
    await page.getByTestId('search-results').locator('tbody tr').first().getByRole('button').click();
    const panel = page.getByRole('complementary');
    await expect.poll(() => panel.textContent()).toMatch(/lien validé par/);
    expect(await panel.textContent()).toMatch(/fiche de référence \(RH\)/);
    // The same waterfall as the review screen, behind each link's summary.
    await panel.locator('details summary').first().click();
    await panel.getByTestId('link-waterfall').first().locator('svg').first().waitFor();
    expect(await panel.locator('details summary').first().textContent()).toMatch(/Probabilité : \d+(\.\d+)? %/);
    expect(consoleErrors).toEqual([]);
  });
});
