import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const presentRecords = (sourceId: string) =>
  (desk.core.db.prepare('SELECT COUNT(*) AS n FROM source_records WHERE source_id = ? AND present = 1').get(sourceId) as { n: number }).n;

describe('Sources screen', () => {
  it('needs a desk session to list the sources, then lists the demo sources the first start imported from real files', async () => {
    await page.getByRole('navigation').getByRole('button', { name: /Sources/ }).click();
    await page.getByTestId('session-gate').waitFor();
    const refused = await desk.core.dispatch('listSources', {}, { connectionId: 'no-session', transport: 'browser' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await logInDemoAgent(desk, page, { role: 'auditor', screen: 'Sources' });
    const sirh = page.getByTestId('source-sirh');
    await expect.poll(() => sirh.textContent()).toContain('Fichier CSV');
    expect(await sirh.textContent()).toContain(String(presentRecords('sirh')));
    expect(await sirh.textContent()).toMatch(/Réussi le/);
    expect(await page.getByTestId('source-rpps').textContent()).toContain('Extraction Annuaire Santé');
    expect(await page.getByTestId('source-ad').textContent()).toContain('Export LDIF');
  });

  it('lets only a logged-in badge-office agent or admin run an import (an auditor reads)', async () => {
    const importButton = page.getByRole('button', { name: 'Lancer l’import' });
    expect(await importButton.isDisabled()).toBe(true);
    const refused = await desk.core.dispatch('runImport', { force: false }, { connectionId: 'no-session', transport: 'browser' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // The auditor pulls their card (the session locks) and the badge-office agent logs in with theirs.
    await logInDemoAgent(desk, page, { role: 'badge-office', screen: 'Sources' });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
  });

  it('runs an import with progress, then shows the new counts and the rejected lines with their numbers', async () => {
    const dpiPath = join(desk.dataDir, 'sources', 'dpi.csv');
    const before = presentRecords('dpi');
    const lineCount = readFileSync(dpiPath, 'utf8').trimEnd().split('\n').length;
    appendFileSync(dpiPath, 'nouveau.999,NOUVEAU,Test,\nligne-cassée,SEULE\nmauvais.998,MAUVAIS,Rpps,12345678901\n');
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 }).toContain('Import terminé : toutes les sources sont à jour.');
    const dpi = page.getByTestId('source-dpi');
    await expect.poll(() => dpi.textContent()).toContain('+2 / ~0 / −0');
    expect(presentRecords('dpi')).toBe(before + 2);
    const journaled = desk.core.db.prepare("SELECT agent_id AS agentId, after_json AS after FROM journal WHERE action = 'sources.import' ORDER BY seq DESC LIMIT 1").get() as { agentId: string; after: string };
    expect(journaled.agentId).toBeTruthy();
    expect(JSON.parse(journaled.after)).toMatchObject({ ok: true, sources: { dpi: { added: 2, rejected: 1, warned: 1, refused: false } } });
    await dpi.getByRole('button', { name: /Voir les 1 lignes rejetées/ }).click();
    const rejected = page.getByTestId('rejected-lines');
    await expect.poll(() => rejected.textContent()).toContain(`${lineCount + 2}—Nombre de colonnes inattendu (trouvées/attendues)2/4`);
    // The person with a wrong RPPS check digit is kept; the value is set aside with a French reason.
    await dpi.getByRole('button', { name: /Voir les 1 avertissements/ }).click();
    const warnings = page.getByTestId('import-warnings');
    await expect.poll(() => warnings.textContent()).toContain(`${lineCount + 3}rppsRPPS invalide (11 chiffres et clé de Luhn attendus, ou 8 + RPPS) : valeur ignorée12345678901`);
    const mauvais = desk.core.db.prepare("SELECT attributes_json AS json FROM source_records WHERE source_id = 'dpi' AND record_key = 'mauvais.998'").get() as { json: string };
    expect(JSON.parse(mauvais.json)).toEqual({ lastName: 'MAUVAIS', firstName: 'Rpps' });
    // The values read are record content: refused without a session allowed to import.
    const runId = (desk.core.db.prepare("SELECT MAX(id) AS id FROM import_runs WHERE source_id = 'dpi'").get() as { id: number }).id;
    for (const method of ['listImportWarnings', 'listRejectedLines']) {
      expect(await desk.core.dispatch(method, { runId }, { connectionId: 'no-session', transport: 'browser' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('shows the circuit breaker refusing a source that lost most of its records, changing nothing', async () => {
    const sirhPath = join(desk.dataDir, 'sources', 'sirh.csv');
    const lines = readFileSync(sirhPath, 'utf8').split('\r\n');
    const before = presentRecords('sirh');
    writeFileSync(sirhPath, lines.slice(0, 11).join('\r\n'));
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 }).toContain('au moins une source a été refusée');
    await expect.poll(() => page.getByTestId('source-sirh').textContent()).toMatch(/Refusé le.*would remove/);
    expect(presentRecords('sirh')).toBe(before);
    expect(consoleErrors).toEqual([]);
  });
});
