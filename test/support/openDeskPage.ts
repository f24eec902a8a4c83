import type { Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import type { TestDesk } from './startTestDesk';

export interface DeskPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page (CSP violations included). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium on the desk's renderer, collecting console errors as it goes. */
export async function openDeskPage(desk: TestDesk, { url = desk.server.url }: { url?: string } = {}): Promise<DeskPage> {
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return { page, consoleErrors, close: () => browser.close() };
}
