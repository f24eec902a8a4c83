import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { projectRoot, startTestDesk, type TestDesk } from '../support/startTestDesk';

/** axe-core over every screen of the desk, in French and in English, reached by keyboard only. */
let desk: TestDesk;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function seriousViolations(): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

beforeAll(async () => {
  desk = await startTestDesk();
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(desk.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

describe('accessibility of every screen', () => {
  it('offers "Aller au contenu" as the first stop of the keyboard, leading to the screen', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it.each(['fr', 'en'])('finds no serious or critical axe violation (%s)', async (language) => {
    await page.locator('select').first().selectOption(language);
    const screens = await page.getByRole('navigation').getByRole('button').count();
    expect(screens).toBeGreaterThanOrEqual(2);
    const found: Record<string, string[]> = {};
    for (let index = 0; index < screens; index += 1) {
      const button = page.getByRole('navigation').getByRole('button').nth(index);
      // Alt+1…Alt+9, Alt+0 for the tenth; later screens by their button.
      if (index < 10) await page.keyboard.press(`Alt+${(index + 1) % 10}`);
      else await button.click();
      await expect.poll(() => button.getAttribute('aria-current')).toBe('page');
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations();
      if (violations.length > 0) found[(await button.textContent()) ?? String(index)] = violations;
    }
    expect(found).toEqual({});
  });
});
