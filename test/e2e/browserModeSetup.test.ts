import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/shared/api/dispatch';
import { openDeskPage, type DeskPage } from '../support/openDeskPage';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

/**
 * Production is not the demo (issue 15, row 1): without `--demo` a first start seeds nothing, has
 * no simulated reader or card, and opens the setup screen; the setup is saved once.
 */
let desk: TestDesk;
let browser: DeskPage;
const anyone: CallContext = { connectionId: 'anyone', transport: 'browser' };

beforeAll(async () => {
  desk = await startTestDesk({ demo: false });
  browser = await openDeskPage(desk);
});
afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

describe('first start without --demo', () => {
  it('seeds nothing and offers no simulated reader nor card', async () => {
    expect(await desk.core.dispatch('getDeskStatus', {}, anyone)).toMatchObject({ ok: true, value: { mode: 'production', setupNeeded: true, demoDirectory: false, counts: { identities: 0, sources: 0 } } });
    const readers = await desk.core.dispatch('listCardReaders', {}, anyone);
    expect(readers.ok && (readers.value as { readers: { kind: string }[] }).readers.filter((reader) => reader.kind === 'simulated')).toEqual([]);
    expect(await desk.core.dispatch('listSimulatedCards', {}, anyone)).toEqual({ ok: true, value: [] });
    expect(await desk.core.dispatch('insertSimulatedCard', { reader: 'Lecteur simulé (carte agent)', cardId: 'cps:x' }, anyone)).toMatchObject({ ok: false });
    expect(await desk.core.dispatch('openDeskSession', { reader: 'Lecteur simulé (carte agent)', pin: '1234' }, anyone)).toMatchObject({ ok: false });
    expect(existsSync(join(desk.dataDir, 'sources'))).toBe(false);
  });

  it('opens the setup screen, without the demo banner, and saves the settings once', async () => {
    const { page, consoleErrors } = browser;
    await page.getByTestId('setup-screen').waitFor();
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    const sourcesPath = join(desk.dataDir, 'config', 'sources.json');
    await page.getByLabel('Fichier de configuration des sources (chemin complet)').fill(sourcesPath);
    await page.getByRole('button', { name: 'Enregistrer la configuration' }).click();
    await expect.poll(() => page.getByTestId('setup-screen').textContent()).toContain('Redémarrez Guichet');
    expect(JSON.parse(readFileSync(join(desk.dataDir, 'desk-settings.json'), 'utf8'))).toEqual({ sourcesConfigPath: sourcesPath, cardReaders: 'pcsc', agentReader: null });
    expect(await desk.core.dispatch('getDeskStatus', {}, anyone)).toMatchObject({ ok: true, value: { setupNeeded: false } });
    const again = await desk.core.dispatch('saveDeskSetup', { sourcesConfigPath: '/tmp/other.json', cardReaders: 'pcsc', agentReader: null }, anyone);
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { rule: 'setup-done' } } });
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('navigation').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
