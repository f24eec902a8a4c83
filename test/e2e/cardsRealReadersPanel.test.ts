import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCardToVpcd, type VpcdConnection } from '../../src/core/cards/emulator/connectCardToVpcd';
import { createVirtualCard } from '../../src/core/cards/emulator/createVirtualCard';
import { launchChromium } from '../support/launchChromium';
import { startPcscStack, type PcscStack } from '../support/pcscStack';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

let stack: PcscStack;
let desk: TestDesk;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let connection: VpcdConnection | null = null;

beforeAll(async () => {
  stack = await startPcscStack({ readerEntries: ['Guichet Panneau'] });
  await stack.stop();
  // The desk as configured for real readers, started while pcscd is down.
  process.env.GUICHET_CARD_READERS = 'pcsc';
  process.env.PCSCLITE_CSOCK_NAME = stack.env.PCSCLITE_CSOCK_NAME;
  desk = await startTestDesk();
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(desk.server.url);
  await page.getByRole('button', { name: 'Lecteurs de cartes' }).click();
});

afterAll(async () => {
  await connection?.remove();
  await browser?.close();
  await desk?.stop();
  await stack?.dispose();
  delete process.env.GUICHET_CARD_READERS;
  delete process.env.PCSCLITE_CSOCK_NAME;
});

describe('card readers panel over real PC/SC', () => {
  it('says plainly that the smart-card service is unavailable while pcscd is down', async () => {
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('Service carte à puce indisponible');
    expect(await page.getByTestId('reader').count()).toBe(0);
  });

  it('shows the readers by itself once pcscd starts, then the card a hand inserts', async () => {
    await stack.start();
    await expect.poll(() => page.getByTestId('card-service-status').textContent(), { timeout: 30_000 }).toBe('Service carte à puce prêt');
    await expect.poll(() => page.getByTestId('reader').count()).toBe(2);
    connection = connectCardToVpcd({ card: await createVirtualCard({ kind: 'cps4', holder: { lastName: 'PHARMACH', firstName: 'CAROLE', profession: 'Pharmacien', idNat: '899700075122' } }), port: stack.readers[0]!.port });
    const reader = page.getByTestId('reader').filter({ has: page.getByRole('heading', { name: 'Guichet Panneau 00 00' }) });
    await expect.poll(() => reader.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Carte lue');
    const facts = await reader.locator('dl').textContent();
    // No desk session: the agent reader shows whose card it is (for the login panel), never its identifiers.
    expect(facts).toContain('PHARMACH CAROLE');
    expect(facts).toContain('CPS 4');
    expect(facts).not.toContain('99700075122');
    expect(await reader.getByRole('button').count()).toBe(0);
    await connection.remove();
    connection = null;
    await expect.poll(() => reader.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Aucune carte');
  });
});
