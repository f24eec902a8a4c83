import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
import { reconcileDirectory } from '../../src/core/reconcile/reconcileDirectory';
import type { KpiReport } from '../../src/core/indicators/readKpiReport';
import { formatFigureValue } from '../../src/shared/indicators/formatFigureValue';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { projectRoot, startTestDesk, type TestDesk } from '../support/startTestDesk';

let desk: TestDesk;
let browser: DeskPage;
let page: Page;
let consoleErrors: string[] = [];
let adOrphanKeys: string[];
const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

beforeAll(async () => {
  desk = await startTestDesk();
  // The engine's own orphan list for Active Directory (the dashboard re-derives it from the store).
  adOrphanKeys = reconcileDirectory(desk.core.db, { clock: desk.core.clock })
    .orphans.filter((orphan) => orphan.sourceId === 'ad')
    .map((orphan) => orphan.key)
    .sort();
  browser = await openDeskPage(desk);
  ({ page, consoleErrors } = browser);
  await page.setViewportSize({ width: 1400, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

/** What `guichet kpi --json` prints for the desk's database, in its own process. */
function readKpiFromCli(): KpiReport {
  const output = execFileSync('npm', ['run', '--silent', 'guichet', '--', 'kpi', '--json', '--db', join(desk.dataDir, 'guichet.sqlite')], { cwd: projectRoot, encoding: 'utf8' });
  return JSON.parse(output) as KpiReport;
}

const figureValue = (testId: string) => page.getByTestId(testId).locator('.figure-value').textContent();

describe('Tableau de bord', () => {
  it('asks for a login and refuses the figures to a connection without a session', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Tableau de bord' }).click();
    await page.getByText('Identifiez-vous (bureau des badges, administrateur ou auditeur) pour voir le tableau de bord').waitFor();
    const refused = await desk.core.dispatch('getDashboard', {}, { connectionId: 'no-session', transport: 'browser' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('shows the demo’s figures once a badge-office agent logs in with the card and PIN', async () => {
    const agent = desk.core.db.prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office'").get() as { id: string; rpps: string | null };
    const inserted = await desk.core.dispatch('insertSimulatedCard', { reader: simulatedReaderNames.agent, cardId: simulatedLoginCardId({ identityId: agent.id, rpps: agent.rpps }) }, { connectionId: 'hand', transport: 'browser' });
    expect(inserted.ok, JSON.stringify(inserted)).toBe(true);
    await page.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
    await page.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
    await page.getByRole('button', { name: 'Ouvrir la session' }).click();
    await page.getByTestId('dashboard-group-directory').waitFor();

    const kpi = readKpiFromCli();
    expect(kpi.establishment.name).toBe('Hôpital La Porte Verte');
    for (const key of ['rppsAlignment', 'orphanAccounts:ad', 'orphanAccounts:ad/generic', 'meansCoverage:cps', 'reviewQueue', 'departedHoldingMeans', 'temporaryCardsIssued']) {
      const figure = kpi.figures[key]!;
      expect(await figureValue(`figure-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`), key).toBe(formatFigureValue(figure.value, figure.unit, 'fr'));
    }
    expect(kpi.figures['orphanAccounts:ad']!.value).toBe(adOrphanKeys.length);
    expect(adOrphanKeys.length).toBeGreaterThan(10);
    expect(kpi.figures['orphanAccounts:ad']!.label).toBe('Comptes orphelins Active Directory');
    // The definition is on hover, and read by screen readers with the number.
    const card = page.getByTestId('figure-orphanAccounts-ad');
    expect(await card.getAttribute('title')).toContain('ne correspondent à aucun agent en poste');
    await card.hover();
    expect(await card.getByRole('tooltip').isVisible()).toBe(true);
    // The day's snapshot, taken at start, is the first point of the trend charts (ECharts, SVG, ARIA label).
    const chart = page.getByTestId('dashboard-chart-orphans');
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('[aria-label]').first().getAttribute('aria-label')).toMatch(/Comptes orphelins Active Directory/);
  });

  it('lists exactly the orphan AD accounts behind the number', async () => {
    await page.getByRole('button', { name: /^Comptes orphelins Active Directory \d+ : voir la liste$/ }).click();
    const list = page.getByTestId('indicator-items');
    await expect.poll(() => list.getByRole('heading').textContent()).toBe(`Comptes orphelins Active Directory — ${adOrphanKeys.length}`);
    const ids = await list.getByTestId('indicator-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')));
    expect(ids.map((id) => id!.replace(/^ad\//, '')).sort()).toEqual(adOrphanKeys);
    if (process.env.GUICHET_SCREENSHOTS === '1') await page.screenshot({ path: join(tmpdir(), 'guichet-dashboard.png'), fullPage: true });
    await page.getByRole('button', { name: 'Fermer la liste' }).click();
  });

  it('switches the trend to 7 days and has no serious accessibility violation', async () => {
    await page.getByLabel('7 jours').check();
    await page.getByTestId('dashboard-chart-means').locator('svg').first().waitFor();
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('exports the PDF report, whose text names the establishment, its FINESS and each figure', async () => {
    await page.getByRole('button', { name: 'Exporter le rapport' }).click();
    const link = page.getByRole('link', { name: /^Enregistrer indicateurs-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/ });
    await link.waitFor({ timeout: 30_000 });
    const dir = mkdtempSync(join(tmpdir(), 'guichet-dashboard-pdf-'));
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      await download.saveAs(join(dir, 'report.pdf'));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const kpi = readKpiFromCli();
      expect(text).toContain('Hôpital La Porte Verte');
      expect(text).toContain(`FINESS : ${kpi.establishment.finess.join(', ')}`);
      expect(text).toContain(`Comptes orphelins Active Directory : ${adOrphanKeys.length} (${adOrphanKeys.length} sur ${kpi.figures['orphanAccounts:ad']!.counted!.whole})`);
      expect(text).toContain('Alignement au RPPS :');
      expect(text).toContain('Validé par le RSSI / la DSI');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(consoleErrors).toEqual([]);
  });

  it('is the first screen after login: the agent logs in where the desk opens and lands on it', async () => {
    const fresh = await openDeskPage(desk);
    try {
      await desk.core.dispatch('removeSimulatedCard', { reader: simulatedReaderNames.agent }, { connectionId: 'hand', transport: 'browser' });
      const agent = desk.core.db.prepare("SELECT a.identity_id AS id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'admin'").get() as { id: string; rpps: string | null };
      await desk.core.dispatch('insertSimulatedCard', { reader: simulatedReaderNames.agent, cardId: simulatedLoginCardId({ identityId: agent.id, rpps: agent.rpps }) }, { connectionId: 'hand', transport: 'browser' });
      // No screen picked: the login panel of the opening screen takes the card and the PIN.
      const gate = fresh.page.getByTestId('session-gate');
      await gate.getByLabel('Lecteur de votre carte').selectOption(simulatedReaderNames.agent);
      await gate.getByTestId('login-card').filter({ hasText: 'Carte de' }).waitFor();
      await gate.getByLabel('Code de la carte (4 à 8 chiffres)').fill('1234');
      await fresh.page.keyboard.press('Enter');
      await fresh.page.getByTestId('dashboard-group-directory').waitFor();
      expect(await fresh.page.getByRole('navigation').getByRole('button', { name: 'Tableau de bord' }).getAttribute('aria-current')).toBe('page');
      expect(fresh.consoleErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
